/**
 * Which subtasks the table lists, and which page shows one: the same search and status filter as the
 * graph (there they dim, here they narrow), in flow order. Pure.
 */
import type { SubtaskInstance } from '../../../api/schemas';
import { matchesStatusFilter, type StatusFilter } from '../find';

export const TABLE_PAGE_SIZE = 100;

export function tableRows(
  subtasks: readonly SubtaskInstance[],
  matches: ReadonlySet<string> | null,
  statuses: readonly StatusFilter[],
): readonly SubtaskInstance[] {
  if (matches === null && statuses.length === 0) return subtasks;
  const filter = new Set(statuses);
  return subtasks.filter((s) => (matches === null || matches.has(s.id)) && (filter.size === 0 || matchesStatusFilter(s, filter)));
}

export const pageCount = (rows: number) => Math.max(1, Math.ceil(rows / TABLE_PAGE_SIZE));

/** The 1-based page holding `id`, or null when it is not listed. */
export function pageOf(rows: readonly Pick<SubtaskInstance, 'id'>[], id: string | null): number | null {
  if (id === null) return null;
  const index = rows.findIndex((r) => r.id === id);
  return index < 0 ? null : Math.floor(index / TABLE_PAGE_SIZE) + 1;
}
