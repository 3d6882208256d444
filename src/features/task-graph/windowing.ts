/**
 * Virtualisation for large graphs, ahead of React Flow: React Flow gets only the nodes and edges
 * around the viewport, so its per-change work (node adoption, connection lookup, visibility checks on
 * every pan frame) scales with the screen, not with 5,000 subtasks.
 *
 * The window is a 2×2 block of viewport-sized tiles holding the viewport, quantised by zoom in
 * half-octaves, so panning inside it changes nothing; only crossing a tile edge swaps the elements.
 */
import type { Edge } from '@xyflow/react';
import type { FlowNode } from './flowElements';
import type { Size } from './viewport';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ViewportWindow {
  key: string;
  rect: Rect;
}

/**
 * Below this zoom a large graph is drawn as one overview picture instead of elements. Above the far
 * zoom of small graphs: text is unreadable below ~0.5 anyway, and every zoom step below this would
 * mount hundreds more nodes (measured: the frame that crosses it took 100–270 ms at 0.35).
 */
export const OVERVIEW_ZOOM = 0.5;

export function viewportWindow(transform: readonly [number, number, number], size: Size): ViewportWindow {
  const [tx, ty, zoom] = transform;
  const bucket = Math.floor(Math.log2(zoom) * 2);
  // The bucket's smallest zoom: the viewport, in graph units, is never larger than one tile.
  const bucketZoom = 2 ** (bucket / 2);
  const tileW = Math.max(1, size.width) / bucketZoom;
  const tileH = Math.max(1, size.height) / bucketZoom;
  const ix = Math.floor(-tx / zoom / tileW);
  const iy = Math.floor(-ty / zoom / tileH);
  return {
    key: `${bucket}:${ix}:${iy}:${size.width}x${size.height}`,
    rect: { x: ix * tileW, y: iy * tileH, width: 2 * tileW, height: 2 * tileH },
  };
}

const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const boxOf = (n: FlowNode): Rect => ({ x: n.position.x, y: n.position.y, width: n.width ?? 0, height: n.height ?? 0 });

/**
 * The nodes and edges that can show inside `rect`: nodes overlapping it, edges whose bounding box
 * overlaps it, and the far ends of those edges (React Flow draws an edge only between nodes it has).
 */
export function elementsInWindow(nodes: readonly FlowNode[], edges: readonly Edge[], rect: Rect): { nodes: FlowNode[]; edges: Edge[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const keep = new Set<string>();
  for (const n of nodes) if (intersects(boxOf(n), rect)) keep.add(n.id);
  const keptEdges: Edge[] = [];
  for (const e of edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) continue;
    const a = boxOf(s);
    const b = boxOf(t);
    const x = Math.min(a.x, b.x);
    const y = Math.min(a.y, b.y);
    const span = { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
    if (!intersects(span, rect)) continue;
    keptEdges.push(e);
    keep.add(e.source);
    keep.add(e.target);
  }
  return { nodes: nodes.filter((n) => keep.has(n.id)), edges: keptEdges };
}
