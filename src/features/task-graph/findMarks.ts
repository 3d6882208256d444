/**
 * The marks a search, a status filter or the lineage put on the graph (match, lineage, dim), kept out
 * of React Flow's nodes and edges. A keystroke on 5,000 subtasks used to rebuild every node and edge
 * object whose mark changed, re-window them all and hand them to React Flow again (145 ms a key, bench
 * profile); now the node and edge objects stay as they are and the marks go through this small store:
 * each drawn node and edge subscribes to its own mark and re-renders only when that mark changes, so a
 * keystroke costs what is on screen, not what is in the task.
 */
import { createContext, use, useCallback, useSyncExternalStore } from 'react';
import type { Emphasis } from './find';
import classes from './TaskGraph.module.css';

export type EdgeMark = 'lineage' | 'dim' | null;

/** The marks of one find state, by drawn id (a subtask, or a collapsed group standing for its members). */
export interface FindMarks {
  node: (id: string) => Emphasis;
  /** An edge between two drawn elements: dimmed with either end, on the lineage when both ends are. */
  edge: (source: string, target: string) => EdgeMark;
}

export const NO_MARKS: FindMarks = { node: () => null, edge: () => null };

export interface FindMarkStore {
  get: () => FindMarks;
  set: (marks: FindMarks) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createFindMarkStore(initial: FindMarks = NO_MARKS): FindMarkStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set: (marks) => {
      if (marks === current) return;
      current = marks;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** One per mounted graph (GraphCanvas provides it); a node drawn outside a graph has no marks. */
export const FindMarkContext = createContext<FindMarkStore | null>(null);

const noStore = () => () => {};

/** This node's mark; the node re-renders when it changes, not when another node's does. */
export function useNodeMark(id: string): Emphasis {
  const store = use(FindMarkContext);
  const read = useCallback(() => (store ? store.get().node(id) : null), [store, id]);
  return useSyncExternalStore(store?.subscribe ?? noStore, read, read);
}

/** This edge's mark, likewise. */
export function useEdgeMark(source: string, target: string): EdgeMark {
  const store = use(FindMarkContext);
  const read = useCallback(() => (store ? store.get().edge(source, target) : null), [store, source, target]);
  return useSyncExternalStore(store?.subscribe ?? noStore, read, read);
}

const MARK_CLASS: Record<NonNullable<Emphasis>, string> = {
  match: classes.match ?? 'match',
  lineage: classes.lineage ?? 'lineage',
  dim: classes.dim ?? 'dim',
};

/** What a node's own root carries for its mark: the class that draws it, and `data-mark` for tools and tests. */
export function markProps(mark: Emphasis): { className: string; 'data-mark': NonNullable<Emphasis> | undefined } {
  return { className: mark ? MARK_CLASS[mark] : '', 'data-mark': mark ?? undefined };
}
