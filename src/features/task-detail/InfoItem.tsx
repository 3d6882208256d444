import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

/** One label/value pair of a description list (`<dt>`/`<dd>`); long values wrap instead of overflowing. */
export function InfoItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item miw={0}>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ overflowWrap: 'anywhere' }}>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}
