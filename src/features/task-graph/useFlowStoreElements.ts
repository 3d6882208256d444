import { useStore, useStoreApi, type Edge, type ReactFlowState } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { FlowNode } from './flowElements';
import { replaceEdges, replaceNodes } from './flowStore';
import { fillStep } from './windowFill';
import { elementsInWindow, OVERVIEW_ZOOM, viewportWindow, type Rect } from './windowing';

interface Applied {
  key: string;
  source: { nodes: FlowNode[]; edges: Edge[] };
  nodes: FlowNode[];
  edges: Edge[];
  /** False while the window is still being mounted, a step a frame (windowFill.ts). */
  complete: boolean;
  /** The window being filled was entered from the overview: the picture stays until it is complete. */
  fromOverview: boolean;
}

/** The window's full contents, cached: the steps of one fill and every pan frame inside it reuse them. */
interface Target {
  key: string;
  source: Applied['source'];
  nodes: FlowNode[];
  edges: Edge[];
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/** What the screen shows, in graph units. */
const screenRect = ({ transform: [tx, ty, zoom], width, height }: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): Rect => ({
  x: -tx / zoom,
  y: -ty / zoom,
  width: width / zoom,
  height: height / zoom,
});

function windowOf(s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>, large: boolean) {
  if (!large) return { key: 'all' } as const;
  if (s.transform[2] < OVERVIEW_ZOOM) return { key: 'overview' } as const;
  return viewportWindow(s.transform, { width: s.width, height: s.height });
}

/**
 * Feeds React Flow's store directly instead of through the `nodes`/`edges` props. For a large graph it
 * holds only the elements around the viewport (none in the overview), and it swaps them from a store
 * listener, inside the same update as the viewport change: React Flow then never mounts the nodes
 * that a zoom-out reveals only to drop them a moment later. When many nodes come on screen at once it
 * hands them over a step a frame (windowFill.ts), the overview picture staying up over a window entered
 * from it until the window is complete. Returns whether the overview is showing.
 */
export function useFlowStoreElements(nodes: FlowNode[], edges: Edge[], large: boolean): boolean {
  const store = useStoreApi<FlowNode>();
  const source = useRef({ nodes, edges });
  const applied = useRef<Applied | null>(null);

  const target = useRef<Target | null>(null);
  const frame = useRef(0);

  const apply = useCallback(() => {
    const run = () => {
      const state = store.getState();
      const view = windowOf(state, large);
      // What is applied, if the store still holds it: React Flow resets its store when it unmounts (as
      // StrictMode's effect replay does), and then everything must be handed over again.
      const last =
        applied.current && state.nodes === applied.current.nodes && state.edges === applied.current.edges ? applied.current : null;
      if (last && last.key === view.key && last.source === source.current) {
        // Complete, or the next step is already due this frame: a step a frame, however many moves come.
        if (last.complete || frame.current !== 0) return;
      }
      const { nodes: all, edges: allEdges } = source.current;
      let full = target.current;
      if (!full || full.key !== view.key || full.source !== source.current) {
        const elements =
          view.key === 'all'
            ? { nodes: all, edges: allEdges }
            : 'rect' in view
              ? elementsInWindow(all, allEdges, view.rect)
              : { nodes: [], edges: [] };
        full = { key: view.key, source: source.current, ...elements };
        target.current = full;
      }
      // A first hand-over (opening, or React Flow's store reset) mounts at once; later ones a step a frame.
      const next =
        last && 'rect' in view ? fillStep(full, new Set(last.nodes.map((n) => n.id)), screenRect(state)) : { ...full, complete: true };
      // Unchanged lists are not handed over again: React Flow rebuilds its connection lookup on every setEdges.
      // (Except when a fill from the overview completes: the new list is what takes the picture down.)
      const nextNodes = last && sameItems(last.nodes, next.nodes) && !(last.fromOverview && next.complete) ? last.nodes : next.nodes;
      const nextEdges = last && sameItems(last.edges, next.edges) ? last.edges : next.edges;
      const fromOverview = !next.complete && (last?.key === 'overview' || (last?.fromOverview === true && !last.complete));
      applied.current = {
        key: view.key,
        source: source.current,
        nodes: nextNodes,
        edges: nextEdges,
        complete: next.complete,
        fromOverview,
      };
      if (nextNodes !== last?.nodes) replaceNodes(store, nextNodes);
      if (nextEdges !== last?.edges) replaceEdges(store, nextEdges);
      cancelAnimationFrame(frame.current);
      frame.current = next.complete
        ? 0
        : requestAnimationFrame(() => {
            frame.current = 0;
            run();
          });
    };
    run();
  }, [store, large]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

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

  // Read in the same store update that hands over each step, so the picture goes in the very render
  // that mounts the window's last nodes (a state of its own would render apart from it).
  return useStore(
    useCallback(
      (s: ReactFlowState) =>
        large && (s.transform[2] < OVERVIEW_ZOOM || (applied.current?.nodes === s.nodes && applied.current.fromOverview)),
      [large],
    ),
  );
}
