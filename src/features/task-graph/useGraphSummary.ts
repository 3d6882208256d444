import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance } from '../../api/schemas';
import { formatDateTime, formatNumber } from '../../components/formatting';
import { subtaskDisplayMeta } from '../../components/subtaskStatus';
import { summarizeGraph } from './graphSummary';

/**
 * The graph in one or two sentences: "1,000 subtasks: 1 failed, 36 ready, 592 successful, 371 pending.
 * First failure: Install OBServer on 10.0.2.74 (#121100592), failed Dec 1, 2026, 18:29:53 GMT+8."
 * The canvas cannot be read by a screen reader; this text can, and the table shows it above its rows.
 * With it, the first failure's id, so a view that marks it does not work it out again.
 */
export function useGraphSummary(subtasks: readonly SubtaskInstance[]): { text: string; firstFailureId: string | null } {
  const { t, i18n } = useTranslation(['graph', 'detail']);
  return useMemo(() => {
    const summary = summarizeGraph(subtasks);
    const list = new Intl.ListFormat(i18n.language, { style: 'long', type: 'conjunction' });
    const parts = summary.parts.map(({ status, count }) =>
      t('graph:summary.part', { status: subtaskDisplayMeta(status).label, count: formatNumber(count) }),
    );
    const counts = t('graph:summary.counts', { count: summary.total, total: formatNumber(summary.total), parts: list.format(parts) });
    const first = summary.firstFailure;
    const failure = first
      ? // Chosen by hand, not by plural rules: Chinese has one plural form, so "1 failure" would read "0 more".
        t(summary.failures > 1 ? 'graph:summary.firstFailureAndMore' : 'graph:summary.firstFailure', {
          name: first.name,
          id: first.id,
          time: formatDateTime(first.finishTime),
          others: formatNumber(summary.failures - 1),
        })
      : t('graph:summary.noFailure');
    return { text: `${counts} ${failure}`, firstFailureId: first?.id ?? null };
  }, [subtasks, t, i18n.language]);
}
