/**
 * Mounting a node window over several frames. Crossing into the node window (or zooming out inside it)
 * can bring a few hundred nodes on screen at once, and mounting them in one frame took 130–350 ms
 * (React's render and commit, then style, layout and paint of every new node). Each frame instead
 * takes the nodes it already has plus at most `budget` new on-screen ones, nearest the screen's centre
 * first, until the window is complete. Nodes are the window's own objects: positions never change.
 */
import type { Edge } from '@xyflow/react';
import type { FlowNode } from './flowElements';
import type { Rect } from './windowing';

/** New on-screen nodes mounted per frame (profiled at 5,000 subtasks: ~0.4 ms of script each, as much again in style/layout/paint). */
export const FILL_BUDGET = 40;

export interface Fill {
  nodes: FlowNode[];
  edges: Edge[];
  /** Every node and edge of the window is in: no further step. */
  complete: boolean;
}

const onScreen = (n: FlowNode, r: Rect) =>
  n.position.x < r.x + r.width &&
  n.position.x + (n.width ?? 0) > r.x &&
  n.position.y < r.y + r.height &&
  n.position.y + (n.height ?? 0) > r.y;

/**
 * The next step towards `target`: nodes already `shown` stay; off-screen new nodes come at once (React
 * Flow does not render them); new on-screen nodes come `budget` at a time, nearest `screen`'s centre
 * first; an edge comes once both its ends are in (React Flow draws an edge only between nodes it has).
 * The window's order is kept (its parallel-group backdrops last).
 */
export function fillStep(
  target: { nodes: readonly FlowNode[]; edges: readonly Edge[] },
  shown: ReadonlySet<string>,
  screen: Rect,
  budget: number = FILL_BUDGET,
): Fill {
  const entering = target.nodes.filter((n) => !shown.has(n.id) && onScreen(n, screen));
  if (entering.length <= budget) return { nodes: [...target.nodes], edges: [...target.edges], complete: true };
  const cx = screen.x + screen.width / 2;
  const cy = screen.y + screen.height / 2;
  const distance = (n: FlowNode) => Math.hypot(n.position.x + (n.width ?? 0) / 2 - cx, n.position.y + (n.height ?? 0) / 2 - cy);
  const later = new Set(
    entering
      .map((n) => ({ id: n.id, d: distance(n) }))
      .sort((a, b) => a.d - b.d)
      .slice(budget)
      .map((e) => e.id),
  );
  const nodes = target.nodes.filter((n) => !later.has(n.id));
  const edges = target.edges.filter((e) => !later.has(e.source) && !later.has(e.target));
  return { nodes, edges, complete: false };
}
