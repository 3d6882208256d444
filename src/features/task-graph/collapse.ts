/**
 * Parallel fan-outs drawn as one node. A group of at least COLLAPSE_MIN_MEMBERS members can collapse;
 * in a task above COLLAPSED_BY_DEFAULT_ABOVE subtasks such groups start collapsed. The operator's
 * toggles are kept as the difference from that default (so a link stays short and survives a poll).
 *
 * Collapsing changes what is laid out, so the layout cache key names the collapsed groups as well as
 * the structure; everything else (search, filters, status) leaves the key, and the layout, alone.
 */
import type { SubtaskInstance, SubtaskStatus } from '../../api/schemas';
import { countStatuses, cyrb53, type GraphEdge, type GraphStructure, type ParallelGroup, type StatusCounts } from './model';

export const COLLAPSE_MIN_MEMBERS = 8;
export const COLLAPSED_BY_DEFAULT_ABOVE = 200;

export const collapsible = (structure: GraphStructure): ParallelGroup[] =>
  structure.groups.filter((g) => g.memberIds.length >= COLLAPSE_MIN_MEMBERS);

/** The collapsed groups' ids: the default for this task, with the toggled ones flipped. */
export function collapsedGroups(structure: GraphStructure, toggled: ReadonlySet<string>): Set<string> {
  const byDefault = structure.nodeIds.length > COLLAPSED_BY_DEFAULT_ABOVE;
  const out = new Set<string>();
  for (const g of collapsible(structure)) if (byDefault !== toggled.has(g.id)) out.add(g.id);
  return out;
}

/** The toggles that give `collapsed` from the default: what the URL keeps. */
export function togglesFor(structure: GraphStructure, collapsed: ReadonlySet<string>): Set<string> {
  const byDefault = structure.nodeIds.length > COLLAPSED_BY_DEFAULT_ABOVE;
  const out = new Set<string>();
  for (const g of collapsible(structure)) if (byDefault !== collapsed.has(g.id)) out.add(g.id);
  return out;
}

/** Layout cache key: the structure plus which groups are collapsed. */
export function layoutKey(structure: GraphStructure, collapsed: ReadonlySet<string>): string {
  if (collapsed.size === 0) return structure.hash;
  return `${structure.hash}c${cyrb53([...collapsed].sort().join(',')).toString(36)}`;
}

/** Member id → the collapsed group drawn in its place. */
export function hiddenMembers(structure: GraphStructure, collapsed: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of structure.groups) if (collapsed.has(g.id)) for (const m of g.memberIds) out.set(m, g.id);
  return out;
}

/** The edges as drawn: an edge into or out of a collapsed member goes to its group, once. */
export function visibleEdges(edges: readonly GraphEdge[], hidden: ReadonlyMap<string, string>): GraphEdge[] {
  if (hidden.size === 0) return [...edges];
  const seen = new Set<string>();
  const out: GraphEdge[] = [];
  for (const e of edges) {
    const source = hidden.get(e.source) ?? e.source;
    const target = hidden.get(e.target) ?? e.target;
    const id = `${source}->${target}`;
    if (source === target || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, source, target });
  }
  return out;
}

export interface GroupSummary {
  count: number;
  counts: StatusCounts;
  /** What the group node says first: a failure inside outranks running, which outranks the rest. */
  headline: SubtaskStatus;
}

const HEADLINE_ORDER: readonly SubtaskStatus[] = ['FAILED', 'CANCELING', 'RUNNING', 'READY', 'PENDING', 'SUCCESSFUL'];

export function summarizeGroup(members: readonly Pick<SubtaskInstance, 'status'>[]): GroupSummary {
  const counts = countStatuses(members);
  const headline = HEADLINE_ORDER.find((s) => counts[s] > 0) ?? 'PENDING';
  return { count: members.length, counts, headline };
}

/** URL form of the toggles: the groups' first member ids, comma-separated. */
export const writeToggles = (toggles: ReadonlySet<string>): string | null =>
  toggles.size === 0
    ? null
    : [...toggles]
        .map((id) => id.replace(/^parallel:/, ''))
        .sort()
        .join(',');

export const readToggles = (raw: string | null): Set<string> =>
  new Set(
    (raw ?? '')
      .split(',')
      .filter((s) => /^\d+$/.test(s))
      .map((s) => `parallel:${s}`),
  );
