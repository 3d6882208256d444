import { useEffect, useState } from 'react';
import type { GraphLayout } from './geometry';
import { cachedLayout, requestLayout } from './layoutRunner';
import { toLayoutInput, type GraphStructure } from './model';

export type GraphLayoutState =
  | { status: 'pending'; layout: null; error: null }
  | { status: 'ready'; layout: GraphLayout; error: null }
  | { status: 'error'; layout: null; error: string };

export function layoutKey(structure: GraphStructure, collapsed: ReadonlySet<string>): string {
  return collapsed.size === 0 ? structure.hash : `${structure.hash}|${[...collapsed].sort().join(',')}`;
}

interface Settled {
  key: string;
  hash: string;
  layout?: GraphLayout;
  error?: string;
}

/**
 * The layout of a structure: once per structure hash (and set of collapsed groups), from the cache
 * when it has one. While a new layout of the same structure runs (a group was expanded), the previous
 * one stays on screen; results for a structure no longer shown are cached but not applied.
 */
export function useGraphLayout(structure: GraphStructure, collapsed: ReadonlySet<string>): GraphLayoutState {
  const key = layoutKey(structure, collapsed);
  const [settled, setSettled] = useState<Settled | null>(null);
  const cycle = structure.cycle;

  // Also on a cache hit: the settled layout is what stays on screen while the next one (same structure) runs.
  useEffect(() => {
    if (cycle) return;
    let current = true;
    const hash = structure.hash;
    requestLayout(key, toLayoutInput(structure, collapsed)).then(
      (layout) => current && setSettled({ key, hash, layout }),
      (error: unknown) => current && setSettled({ key, hash, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, cycle, structure, collapsed]);

  if (cycle) return { status: 'error', layout: null, error: `The subtasks form a cycle (${cycle.join(' → ')} → ${cycle[0] ?? ''}), so they cannot be drawn as a flow.` };
  const hit = cachedLayout(key) ?? (settled?.key === key ? settled.layout : undefined);
  if (hit) return { status: 'ready', layout: hit, error: null };
  if (settled?.key === key && settled.error !== undefined) return { status: 'error', layout: null, error: settled.error };
  if (settled?.hash === structure.hash && settled.layout) return { status: 'ready', layout: settled.layout, error: null };
  return { status: 'pending', layout: null, error: null };
}
