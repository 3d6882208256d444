/**
 * The graph in words, for screen readers and the subtask table's caption: how many subtasks, how many
 * in each status as the nodes read them (a rolled-back subtask is not "Pending"), how many run now,
 * and the first failure. Pure; the words come from the catalogs in GraphSummary.tsx.
 */
import type { SubtaskInstance } from '../../api/schemas';
import { countDisplayStatuses, failuresInOrder, SUBTASK_DISPLAY_STATUSES, type SubtaskDisplayStatus } from '../../components/subtaskStatus';

export interface GraphSummaryData {
  total: number;
  /** Non-zero counts, worst first: what an operator needs to hear before the rest. */
  parts: { status: SubtaskDisplayStatus; count: number }[];
  firstFailure: Pick<SubtaskInstance, 'id' | 'name' | 'finishTime'> | null;
  failures: number;
}

const SPOKEN_ORDER: readonly SubtaskDisplayStatus[] = [
  'FAILED',
  'CANCELING',
  'RUNNING',
  'READY',
  'SUCCESSFUL',
  'ROLLED_BACK',
  'ROLLBACK_SKIPPED',
  'PENDING',
];

export function summarizeGraph(subtasks: readonly SubtaskInstance[]): GraphSummaryData {
  const counts = countDisplayStatuses(subtasks);
  const failures = failuresInOrder(subtasks);
  const first = failures[0];
  return {
    total: subtasks.length,
    parts: SPOKEN_ORDER.filter((s) => SUBTASK_DISPLAY_STATUSES.includes(s) && counts[s] > 0).map((status) => ({
      status,
      count: counts[status],
    })),
    firstFailure: first ? { id: first.id, name: first.name, finishTime: first.finishTime } : null,
    failures: failures.length,
  };
}
