import { useMemo } from 'react';
import type { SubtaskInstance, SubtaskStatus } from '../../api/schemas';
import { hiddenMembers, summarizeGroup, visibleEdges, type GroupSummary } from './collapse';
import { emphasisOf, isFinding, lineageOf, type Emphasis, type FindState, type StatusFilter } from './find';
import type { CollapsedGroupInput } from './flowElements';
import type { GraphEdge, GraphStructure } from './model';

export interface GraphFindInput {
  /** Search hits (computed once by the page for every view); null when nothing is searched. */
  matches: ReadonlySet<string> | null;
  statuses: readonly StatusFilter[];
  lineage: boolean;
}

export const NO_FIND: GraphFindInput = { matches: null, statuses: [], lineage: false };

/**
 * Everything the graph draws differently while finding, from the structure and the live subtasks:
 * each drawn node's emphasis (subtasks and collapsed groups), the drawn edges and theirs, and the
 * status an edge into a collapsed group takes. Positions are not involved.
 */
export function useGraphFind(
  structure: GraphStructure,
  subtasks: readonly SubtaskInstance[],
  selectedId: string | null,
  input: GraphFindInput,
  collapsed: ReadonlySet<string>,
) {
  const { matches, statuses, lineage: lineageOn } = input;
  const hidden = useMemo(() => hiddenMembers(structure, collapsed), [structure, collapsed]);
  const edges = useMemo(() => visibleEdges(structure.edges, hidden), [structure, hidden]);
  const lineage = useMemo(
    () => (lineageOn && selectedId !== null ? lineageOf(selectedId, structure.edges) : null),
    [lineageOn, selectedId, structure],
  );
  const statusKey = statuses.join(',');
  const find = useMemo<FindState>(
    () => ({ matches, statusFilter: new Set(statusKey ? (statusKey.split(',') as StatusFilter[]) : []), lineage }),
    [matches, statusKey, lineage],
  );

  return useMemo(() => {
    const byId = new Map<string, SubtaskInstance>(subtasks.map((s) => [s.id, s]));
    const emphasisById = new Map<string, Emphasis>();
    const active = isFinding(find);
    if (active) for (const s of subtasks) emphasisById.set(s.id, emphasisOf(s, find, selectedId));

    const statusById = new Map<string, SubtaskStatus>(subtasks.map((s) => [s.id, s.status]));
    const groups: CollapsedGroupInput[] = [];
    for (const g of structure.groups) {
      if (!collapsed.has(g.id)) continue;
      const members = g.memberIds.map((id) => byId.get(id)).filter((s): s is SubtaskInstance => s !== undefined);
      const summary: GroupSummary = summarizeGroup(members);
      const marks = g.memberIds.map((id) => emphasisById.get(id) ?? null);
      const emphasis: Emphasis = !active
        ? null
        : marks.includes('match')
          ? 'match'
          : marks.every((m) => m === 'dim')
            ? 'dim'
            : marks.includes('lineage')
              ? 'lineage'
              : null;
      emphasisById.set(g.id, emphasis);
      statusById.set(g.id, summary.headline);
      groups.push({ id: g.id, summary, emphasis });
    }
    const mark = (id: string) => emphasisById.get(id) ?? null;
    const onChain = (id: string) => id === selectedId || mark(id) === 'lineage' || (selectedId !== null && hidden.get(selectedId) === id);
    const edgeEmphasis = (e: GraphEdge): 'lineage' | 'dim' | null => {
      if (!active) return null;
      if (mark(e.source) === 'dim' || mark(e.target) === 'dim') return 'dim';
      return find.lineage && onChain(e.source) && onChain(e.target) ? 'lineage' : null;
    };
    return {
      active,
      hidden,
      edges,
      groups,
      statusById,
      emphasisOf: (s: SubtaskInstance) => mark(s.id),
      /** By drawn id (subtask or collapsed group), for the overview picture. */
      emphasisById,
      edgeEmphasis,
    };
  }, [structure, subtasks, selectedId, find, collapsed, hidden, edges]);
}
