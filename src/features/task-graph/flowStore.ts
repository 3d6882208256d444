/**
 * The one place the console writes React Flow's internal store (@xyflow/react 12), behind three small
 * functions; flowStore.test.tsx fails if an upgrade changes what they rely on. Reading the store
 * (`useStoreApi().getState()`, `subscribe`) is public API and stays where it is used.
 *
 * Why not the public setters: `useReactFlow().setNodes/setEdges` queue the change for a later render,
 * and `setViewport` needs the pane measured first. A large graph swaps its node window inside the very
 * store update that moved the viewport, and opens on the right spot before React Flow's first measure,
 * which only the store's own actions do synchronously.
 */
import type { Edge, Node, ReactFlowState, useStoreApi } from '@xyflow/react';

type FlowStore<N extends Node> = ReturnType<typeof useStoreApi<N>>;

/** Sets the viewport and the pane's size now, before React Flow has measured the pane itself. */
export function setViewportNow<N extends Node>(
  store: FlowStore<N>,
  viewport: { x: number; y: number; zoom: number },
  size: { width: number; height: number },
): void {
  const next: Partial<ReactFlowState<N>> = { transform: [viewport.x, viewport.y, viewport.zoom], width: size.width, height: size.height };
  store.setState(next);
}

/** Hands React Flow exactly these nodes, synchronously (its lookups are rebuilt from them). */
export function replaceNodes<N extends Node>(store: FlowStore<N>, nodes: N[]): void {
  store.getState().setNodes(nodes);
}

/** Hands React Flow exactly these edges, synchronously. */
export function replaceEdges<N extends Node>(store: FlowStore<N>, edges: Edge[]): void {
  store.getState().setEdges(edges);
}
