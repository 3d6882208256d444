import { useMemo } from 'react';
import type { SubtaskInstance, SubtaskStatus } from '../../api/schemas';
import { hiddenMembers, summarizeGroup, visibleEdges, type GroupSummary } from './collapse';
import { emphasisOf, isFinding, lineageOf, type Emphasis, type FindState, type StatusFilter } from './find';
import type { CollapsedGroupInput } from './flowElements';
import { NO_MARKS, type FindMarks } from './findMarks';
import type { GraphStructure } from './model';

export interface GraphFindInput {
  /** Search hits (computed once by the page for every view); null when nothing is searched. */
  matches: ReadonlySet<string> | null;
  statuses: readonly StatusFilter[];
  lineage: boolean;
}

export const NO_FIND: GraphFindInput = { matches: null, statuses: [], lineage: false };

/**
 * Everything the graph draws differently while finding, from the structure and the live subtasks: the
 * drawn edges, the collapsed groups and the status an edge into one takes (all kept while typing), and
 * each drawn node's and edge's mark (subtasks and collapsed groups), which a keystroke recomputes and
 * GraphCanvas hands to the drawn elements through findMarks.ts. Positions are not involved.
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

  const shape = useMemo(() => {
    const byId = new Map<string, SubtaskInstance>(subtasks.map((s) => [s.id, s]));
    const statusById = new Map<string, SubtaskStatus>(subtasks.map((s) => [s.id, s.status]));
    const groups: CollapsedGroupInput[] = [];
    for (const g of structure.groups) {
      if (!collapsed.has(g.id)) continue;
      const members = g.memberIds.map((id) => byId.get(id)).filter((s): s is SubtaskInstance => s !== undefined);
      const summary: GroupSummary = summarizeGroup(members);
      statusById.set(g.id, summary.headline);
      groups.push({ id: g.id, summary, memberIds: g.memberIds });
    }
    return { groups, statusById };
  }, [structure, subtasks, collapsed]);

  // Apart from the shape above, so a keystroke recomputes marks only: no node, edge or group object.
  const marked = useMemo(() => {
    const emphasisById = new Map<string, Emphasis>();
    const active = isFinding(find);
    if (active) for (const s of subtasks) emphasisById.set(s.id, emphasisOf(s, find, selectedId));
    for (const g of shape.groups) {
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
    }
    const mark = (id: string) => emphasisById.get(id) ?? null;
    const onChain = (id: string) => id === selectedId || mark(id) === 'lineage' || (selectedId !== null && hidden.get(selectedId) === id);
    const marks: FindMarks = !active
      ? NO_MARKS
      : {
          node: mark,
          edge: (source, target) => {
            if (mark(source) === 'dim' || mark(target) === 'dim') return 'dim';
            return find.lineage && onChain(source) && onChain(target) ? 'lineage' : null;
          },
        };
    return { active, emphasisById, marks };
  }, [subtasks, selectedId, find, shape, hidden]);

  return useMemo(() => ({ hidden, edges, ...shape, ...marked }), [hidden, edges, shape, marked]);
}
