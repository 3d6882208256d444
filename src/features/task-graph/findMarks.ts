/**
 * The marks a search, a status filter or the lineage put on the graph (match, lineage, dim), kept out
 * of React Flow's nodes and edges. A keystroke on 5,000 subtasks used to rebuild every node and edge
 * object whose mark changed, re-window them all and hand them to React Flow again (145 ms a key, bench
 * profile); now the node and edge objects stay as they are and the marks go through this small store:
 * each drawn node and edge subscribes to its own mark and writes it to its own root's `data-mark` when it
 * changes, without re-rendering, so a keystroke costs what is on screen, not what is in the task.
 */
import { createContext, use, useCallback } from 'react';
import type { Emphasis } from './find';

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

/**
 * A ref for a drawn element's root that keeps its `data-mark` (what CSS draws the mark from, and what
 * tools and tests read) in step with the store by writing the attribute itself: a keystroke that marks
 * every node on screen re-renders none of them, leaving the browser only to restyle and repaint the
 * ones that changed.
 * React never owns the attribute, so a re-render for another reason leaves it alone.
 */
function useMarkRef<T extends Element>(read: (marks: FindMarks) => string | null): (el: T | null) => (() => void) | undefined {
  const store = use(FindMarkContext);
  return useCallback(
    (el: T | null) => {
      if (!el || !store) return undefined;
      let shown = el.getAttribute('data-mark');
      const apply = () => {
        const mark = read(store.get());
        if (mark === shown) return;
        shown = mark;
        if (mark === null) el.removeAttribute('data-mark');
        else el.setAttribute('data-mark', mark);
      };
      apply();
      const unsubscribe = store.subscribe(apply);
      return () => {
        unsubscribe();
      };
    },
    [store, read],
  );
}

/** The ref that marks a node's own root (a subtask, or a collapsed group standing for its members). */
export function useNodeMarkRef<T extends Element>(id: string) {
  return useMarkRef<T>(useCallback((marks: FindMarks) => marks.node(id), [id]));
}

/** The ref that marks an edge's path, likewise. */
export function useEdgeMarkRef<T extends Element>(source: string, target: string) {
  return useMarkRef<T>(useCallback((marks: FindMarks) => marks.edge(source, target), [source, target]));
}
