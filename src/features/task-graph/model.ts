/**
 * The pure graph model: subtasks → structure (nodes, edges, parallel groups, a structure hash).
 *
 * The structure depends only on ids, edges and which subtasks are parallel, never on statuses, so a
 * poll that changes statuses yields the same hash and the cached layout is reused (nodes never move).
 */
import { compareIds, SUBTASK_STATUSES, type SubtaskInstance, type SubtaskStatus } from '../../api/schemas';
import type { LayoutInput } from './geometry';

export interface GraphEdge {
  /** `${source}->${target}` */
  id: string;
  source: string;
  target: string;
}

/** Siblings with parallelIdx ≥ 0 that share the same upstreams and downstreams: one OCP fan-out. */
export interface ParallelGroup {
  /** `parallel:${first member id}` — never collides with a subtask id (those are decimal). */
  id: string;
  /** In parallelIdx order. */
  memberIds: readonly string[];
}

/** A reference in upstreams/downstreams to a subtask the reply does not contain. */
export interface UnknownRef {
  subtaskId: string;
  ref: string;
  list: 'upstreams' | 'downstreams';
}

export interface GraphStructure {
  /** Identifies ids + edges + parallel grouping, independent of statuses and of input order. */
  hash: string;
  /** Canonical (numeric id) order. */
  nodeIds: readonly string[];
  edges: readonly GraphEdge[];
  groups: readonly ParallelGroup[];
  unknownRefs: readonly UnknownRef[];
  /** Ids along one cycle when the reply is not a DAG (a malformed reply); null for a DAG. */
  cycle: readonly string[] | null;
}

type StructureInput = Pick<SubtaskInstance, 'id' | 'upstreams' | 'downstreams' | 'parallelIdx'>;

export function buildGraphStructure(subtasks: readonly StructureInput[]): GraphStructure {
  const known = new Map<string, StructureInput>();
  for (const s of subtasks) known.set(s.id, s);
  const nodeIds = [...known.keys()].sort(compareIds);

  const edgeIds = new Set<string>();
  const edges: GraphEdge[] = [];
  const unknownRefs: UnknownRef[] = [];
  const addEdge = (source: string, target: string) => {
    const id = `${source}->${target}`;
    if (edgeIds.has(id)) return;
    edgeIds.add(id);
    edges.push({ id, source, target });
  };
  for (const s of known.values()) {
    for (const ref of s.upstreams) {
      if (known.has(ref)) addEdge(ref, s.id);
      else unknownRefs.push({ subtaskId: s.id, ref, list: 'upstreams' });
    }
    for (const ref of s.downstreams) {
      if (known.has(ref)) addEdge(s.id, ref);
      else unknownRefs.push({ subtaskId: s.id, ref, list: 'downstreams' });
    }
  }
  edges.sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target));

  const cycle = findCycle(nodeIds, edges);
  const groups = cycle ? [] : findParallelGroups(nodeIds, edges, known);
  return { hash: structureHash(nodeIds, edges, groups), nodeIds, edges, groups, unknownRefs, cycle };
}

/** Kahn's algorithm; if some nodes are never freed they sit on or behind a cycle, and one is walked out. */
export function findCycle(nodeIds: readonly string[], edges: readonly GraphEdge[]): string[] | null {
  const indegree = new Map<string, number>(nodeIds.map((id) => [id, 0]));
  const children = adjacency(edges, 'source');
  for (const e of edges) indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
  const queue = nodeIds.filter((id) => indegree.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    for (const child of children.get(queue[i] as string) ?? []) {
      const d = (indegree.get(child) ?? 0) - 1;
      indegree.set(child, d);
      if (d === 0) queue.push(child);
    }
  }
  if (queue.length === nodeIds.length) return null;

  // Every remaining node has a remaining parent, so walking parents backwards must revisit a node.
  const remaining = new Set(nodeIds.filter((id) => (indegree.get(id) ?? 0) > 0));
  const parents = adjacency(edges, 'target');
  const start = remaining.values().next().value as string;
  const seenAt = new Map<string, number>();
  const path: string[] = [];
  let current = start;
  while (!seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    current = (parents.get(current) ?? []).find((p) => remaining.has(p)) as string;
  }
  return path.slice(seenAt.get(current)).reverse();
}

function adjacency(edges: readonly GraphEdge[], from: 'source' | 'target'): Map<string, string[]> {
  const to = from === 'source' ? 'target' : 'source';
  const map = new Map<string, string[]>();
  for (const e of edges) {
    const list = map.get(e[from]);
    if (list) list.push(e[to]);
    else map.set(e[from], [e[to]]);
  }
  return map;
}

function findParallelGroups(
  nodeIds: readonly string[],
  edges: readonly GraphEdge[],
  known: ReadonlyMap<string, StructureInput>,
): ParallelGroup[] {
  const parents = adjacency(edges, 'target');
  const children = adjacency(edges, 'source');
  const byKey = new Map<string, string[]>();
  for (const id of nodeIds) {
    if ((known.get(id)?.parallelIdx ?? -1) < 0) continue;
    // Edges are sorted, so these lists are already canonical.
    const key = `${(parents.get(id) ?? []).join(',')}|${(children.get(id) ?? []).join(',')}`;
    const members = byKey.get(key);
    if (members) members.push(id);
    else byKey.set(key, [id]);
  }
  const groups: ParallelGroup[] = [];
  for (const members of byKey.values()) {
    if (members.length < 2) continue;
    const ordered = [...members].sort((a, b) => (known.get(a)?.parallelIdx ?? 0) - (known.get(b)?.parallelIdx ?? 0) || compareIds(a, b));
    groups.push({ id: `parallel:${members[0] as string}`, memberIds: ordered });
  }
  return groups.sort((a, b) => compareIds(a.id.slice(9), b.id.slice(9)));
}

function structureHash(nodeIds: readonly string[], edges: readonly GraphEdge[], groups: readonly ParallelGroup[]): string {
  const text = [nodeIds.join(','), edges.map((e) => e.id).join(','), groups.map((g) => g.memberIds.join(',')).join(';')].join('#');
  return `${nodeIds.length}n${edges.length}e${cyrb53(text).toString(36)}`;
}

/** A fast 53-bit string hash (cyrb53, public domain); the node and edge counts in the key make collisions even less likely. */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export type StatusCounts = Record<SubtaskStatus, number>;

export function countStatuses(subtasks: readonly Pick<SubtaskInstance, 'status'>[]): StatusCounts {
  const counts = Object.fromEntries(SUBTASK_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const s of subtasks) counts[s.status] += 1;
  return counts;
}

/** Counts as one attribute value (`data-counts`), in SUBTASK_STATUSES order: tools and the bench watch it. */
export const countsAttribute = (counts: StatusCounts): string => SUBTASK_STATUSES.map((s) => counts[s]).join(',');

/** Where an operator should look first, as OCP's "Locate current progress": first FAILED, else RUNNING, else READY. */
export const FOCUS_ORDER: readonly SubtaskStatus[] = ['FAILED', 'RUNNING', 'CANCELING', 'READY'];

export function findFocusSubtask(subtasks: readonly Pick<SubtaskInstance, 'id' | 'status'>[]): string | null {
  for (const status of FOCUS_ORDER) {
    const hit = subtasks.find((s) => s.status === status);
    if (hit) return hit.id;
  }
  return null;
}

/** What the layout needs from a structure; `collapsed` names the parallel groups drawn as one node. */
export function toLayoutInput(structure: GraphStructure, collapsed: ReadonlySet<string> = new Set()): LayoutInput {
  return {
    nodeIds: structure.nodeIds,
    edges: structure.edges.map(({ source, target }) => ({ source, target })),
    groups: structure.groups.map((g) => ({ id: g.id, memberIds: g.memberIds, collapsed: collapsed.has(g.id) })),
  };
}
