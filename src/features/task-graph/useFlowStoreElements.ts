import { useStore, useStoreApi, type Edge, type ReactFlowState } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { FlowNode } from './flowElements';
import { replaceEdges, replaceNodes } from './flowStore';
import { elementsInWindow, OVERVIEW_ZOOM, viewportWindow } from './windowing';

interface Applied {
  key: string;
  source: { nodes: FlowNode[]; edges: Edge[] };
  nodes: FlowNode[];
  edges: Edge[];
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

function windowOf(s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>, large: boolean) {
  if (!large) return { key: 'all' } as const;
  if (s.transform[2] < OVERVIEW_ZOOM) return { key: 'overview' } as const;
  return viewportWindow(s.transform, { width: s.width, height: s.height });
}

/**
 * Feeds React Flow's store directly instead of through the `nodes`/`edges` props. For a large graph it
 * holds only the elements around the viewport (none in the overview), and it swaps them from a store
 * listener, inside the same update as the viewport change: React Flow then never mounts the nodes
 * that a zoom-out reveals only to drop them a moment later. Returns whether the overview is showing.
 */
export function useFlowStoreElements(nodes: FlowNode[], edges: Edge[], large: boolean): boolean {
  const store = useStoreApi<FlowNode>();
  const source = useRef({ nodes, edges });
  const applied = useRef<Applied | null>(null);

  const apply = useCallback(() => {
    const state = store.getState();
    const view = windowOf(state, large);
    // What is applied, if the store still holds it: React Flow resets its store when it unmounts (as
    // StrictMode's effect replay does), and then everything must be handed over again.
    const last = applied.current && state.nodes === applied.current.nodes && state.edges === applied.current.edges ? applied.current : null;
    if (last && last.key === view.key && last.source === source.current) return;
    const { nodes: all, edges: allEdges } = source.current;
    const next =
      view.key === 'all'
        ? { nodes: all, edges: allEdges }
        : 'rect' in view
          ? elementsInWindow(all, allEdges, view.rect)
          : { nodes: [], edges: [] };
    // Unchanged lists are not handed over again: React Flow rebuilds its connection lookup on every setEdges.
    const nextNodes = last && sameItems(last.nodes, next.nodes) ? last.nodes : next.nodes;
    const nextEdges = last && sameItems(last.edges, next.edges) ? last.edges : next.edges;
    applied.current = { key: view.key, source: source.current, nodes: nextNodes, edges: nextEdges };
    if (nextNodes !== last?.nodes) replaceNodes(store, nextNodes);
    if (nextEdges !== last?.edges) replaceEdges(store, nextEdges);
  }, [store, large]);

  // Before paint, so a poll's new statuses and the first elements show in the same frame as the rest.
  useLayoutEffect(() => {
    source.current = { nodes, edges };
    apply();
  }, [nodes, edges, apply]);

  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) apply();
      }),
    [store, apply],
  );

  return useStore(useCallback((s: ReactFlowState) => large && s.transform[2] < OVERVIEW_ZOOM, [large]));
}
