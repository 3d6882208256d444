import { Spoiler } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The summary's first lines (name, status, id, progress) on a phone; the rest behind "Show details". */
const PHONE_QUERY = '(max-width: 47.99em)';
const FOLDED_HEIGHT = 92;

export function CompactSummary({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const phone = useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });
  if (!phone) return <>{children}</>;
  return (
    <Spoiler
      maxHeight={FOLDED_HEIGHT}
      showLabel={t('summary.more')}
      hideLabel={t('summary.less')}
      styles={{ control: { fontSize: 'var(--mantine-font-size-xs)' } }}
    >
      {children}
    </Spoiler>
  );
}
