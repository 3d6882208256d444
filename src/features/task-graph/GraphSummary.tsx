import { VisuallyHidden } from '@mantine/core';
import { memo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance } from '../../api/schemas';
import { useGraphSummary } from './useGraphSummary';

/** The summary for assistive technology only, at the top of the graph and the timeline (memoised: not per search key). */
export const GraphSummary = memo(function GraphSummary({
  subtasks,
  id,
}: {
  subtasks: readonly SubtaskInstance[];
  id: string;
}): JSX.Element {
  const { t } = useTranslation('graph');
  const { text } = useGraphSummary(subtasks);
  return (
    <VisuallyHidden component="section" aria-label={t('summary.label')} id={id} data-testid="graph-summary">
      <p>{text}</p>
    </VisuallyHidden>
  );
});
