/**
 * Finding subtasks in a big task: text search, status filters (raw and derived) and lineage. Pure and
 * independent of React Flow: the graph, the overview and the timeline all read the same answers.
 *
 * Nothing here touches positions: these functions only decide which subtasks stand out and which are
 * dimmed, so searching or filtering never lays out again and never moves a node.
 */
import type { SubtaskInstance, SubtaskStatus } from '../../api/schemas';
import { subtaskDisplayStatus } from '../../components/subtaskStatus';
import { countStatuses, type GraphEdge, type StatusCounts } from './model';

type Searchable = Pick<SubtaskInstance, 'id' | 'name' | 'description' | 'executor'>;

/** Lower-cased text per subtask (id, name, description, executor host), built once per distinct subtask. */
export interface SearchIndex {
  ids: readonly string[];
  texts: readonly string[];
}

const textCache = new WeakMap<object, string>();

/** Cheap on a poll: a subtask object already seen reuses its text; a new object recomputes only its own. */
export function buildSearchIndex(subtasks: readonly Searchable[]): SearchIndex {
  const ids: string[] = [];
  const texts: string[] = [];
  for (const s of subtasks) {
    let text = textCache.get(s);
    if (text === undefined) {
      const description = s.description && s.description !== s.name ? `\n${s.description}` : '';
      text = `${s.id}\n${s.name}${description}\n${s.executor ?? ''}`.toLowerCase();
      textCache.set(s, text);
    }
    ids.push(s.id);
    texts.push(text);
  }
  return { ids, texts };
}

/** The query's terms, lower-cased; a subtask matches when its text holds every term. */
export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Ids whose text holds every term, in index order; null when there is no query (nothing is searched). */
export function searchSubtasks(index: SearchIndex, query: string): Set<string> | null {
  const terms = searchTerms(query);
  if (terms.length === 0) return null;
  const hits = new Set<string>();
  const { ids, texts } = index;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string;
    if (terms.every((t) => text.includes(t))) hits.add(ids[i] as string);
  }
  return hits;
}

/**
 * What the status filter can pick: OCP's six subtask statuses, and the states a rollback leaves that
 * OCP has no status for: a subtask a rollback undid is PENDING again with operation ROLLBACK ("Rolled
 * back", told apart from one that never ran by `subtaskDisplayStatus`, the one definition the nodes and
 * the panel read too), one whose undo was skipped is PENDING with ROLLBACK_SKIP.
 */
export const DERIVED_FILTERS = ['ROLLING_BACK', 'ROLLED_BACK', 'ROLLBACK_SKIPPED', 'ROLLBACK_FAILED'] as const;
export type DerivedFilter = (typeof DERIVED_FILTERS)[number];
export type StatusFilter = SubtaskStatus | DerivedFilter;

type StatusFields = Pick<SubtaskInstance, 'status' | 'operation' | 'startTime' | 'finishTime'>;

/** The derived state of a subtask, if it has one. */
export function derivedState(s: StatusFields): DerivedFilter | null {
  const display = subtaskDisplayStatus(s);
  if (display === 'ROLLED_BACK' || display === 'ROLLBACK_SKIPPED') return display;
  if (s.operation !== 'ROLLBACK') return null;
  if (s.status === 'FAILED') return 'ROLLBACK_FAILED';
  if (s.status === 'RUNNING' || s.status === 'READY' || s.status === 'CANCELING') return 'ROLLING_BACK';
  return null;
}

/**
 * A subtask passes when its status or its derived state is picked. "Pending" means pending as the
 * legend counts it: a subtask the rollback undid or skipped is not also "Pending".
 */
export function matchesStatusFilter(s: StatusFields, filter: ReadonlySet<StatusFilter>): boolean {
  const derived = derivedState(s);
  if (derived !== null && filter.has(derived)) return true;
  return filter.has(s.status) && !(s.status === 'PENDING' && derived !== null);
}

/** The legend's counts: OCP's statuses (Pending without the undone ones) and each derived state. */
export function legendCounts(subtasks: readonly StatusFields[]): { counts: StatusCounts; derived: Record<DerivedFilter, number> } {
  const counts = countStatuses(subtasks);
  const derived = Object.fromEntries(DERIVED_FILTERS.map((f) => [f, 0])) as Record<DerivedFilter, number>;
  for (const s of subtasks) {
    const d = derivedState(s);
    if (d === null) continue;
    derived[d] += 1;
    if (s.status === 'PENDING') counts.PENDING -= 1;
  }
  return { counts, derived };
}

export interface Lineage {
  upstream: ReadonlySet<string>;
  downstream: ReadonlySet<string>;
}

/** Everything the subtask waits on (transitively) and everything that waits on it; the subtask itself in neither. */
export function lineageOf(id: string, edges: readonly GraphEdge[]): Lineage {
  const parents = new Map<string, string[]>();
  const children = new Map<string, string[]>();
  for (const e of edges) {
    push(parents, e.target, e.source);
    push(children, e.source, e.target);
  }
  return { upstream: reach(id, parents), downstream: reach(id, children) };
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function reach(start: string, next: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...(next.get(start) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id) || id === start) continue;
    seen.add(id);
    for (const n of next.get(id) ?? []) if (!seen.has(n)) stack.push(n);
  }
  return seen;
}

/** How one subtask is drawn: standing out (a match, or on the selected one's lineage), dimmed, or plain. */
export type Emphasis = 'match' | 'lineage' | 'dim' | null;

export interface FindState {
  /** Search hits; null when nothing is searched. */
  matches: ReadonlySet<string> | null;
  /** Picked statuses; empty means no filter. */
  statusFilter: ReadonlySet<StatusFilter>;
  /** The selected subtask's lineage when lineage is on. */
  lineage: Lineage | null;
}

/**
 * One subtask's emphasis. A subtask outside the search or the filter is dimmed; among the rest, search
 * hits and the lineage stand out. With lineage alone, everything off the chain is dimmed.
 */
export function emphasisOf(s: Pick<SubtaskInstance, 'id' | 'status' | 'operation'>, find: FindState, selectedId: string | null): Emphasis {
  const { matches, statusFilter, lineage } = find;
  if (statusFilter.size > 0 && !matchesStatusFilter(s, statusFilter)) return 'dim';
  if (matches && !matches.has(s.id)) return 'dim';
  if (matches) return 'match';
  if (lineage) {
    if (s.id === selectedId) return null;
    return lineage.upstream.has(s.id) || lineage.downstream.has(s.id) ? 'lineage' : 'dim';
  }
  return null;
}

export const isFinding = (find: FindState) => find.matches !== null || find.statusFilter.size > 0 || find.lineage !== null;

/**
 * The subtasks a search or filter singled out, in reading order of the graph (left to right, then top
 * to bottom), for Enter / Shift+Enter to step through.
 */
export function orderByPosition(ids: Iterable<string>, positionOf: (id: string) => { x: number; y: number } | undefined): string[] {
  const placed: { id: string; x: number; y: number }[] = [];
  for (const id of ids) {
    const p = positionOf(id);
    if (p) placed.push({ id, x: p.x, y: p.y });
  }
  placed.sort((a, b) => a.x - b.x || a.y - b.y);
  return placed.map((p) => p.id);
}

/** The next (or previous) entry after `current`, wrapping around; the first (or last) when current is not in the list. */
export function stepThrough(order: readonly string[], current: string | null, direction: 1 | -1): string | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at < 0) return (direction === 1 ? order[0] : order.at(-1)) ?? null;
  return order[(at + direction + order.length) % order.length] ?? null;
}
