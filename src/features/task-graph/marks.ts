/**
 * Pure geometry for what must stay visible at every zoom: failed and running subtasks drawn on top in
 * the overview at a minimum on-screen size, and the viewport Follow mode moves to. Nothing here moves
 * a node: only boxes drawn over them and the viewport change.
 */
import type { SubtaskInstance, SubtaskStatus } from '../../api/schemas';
import { NODE_HEIGHT, NODE_WIDTH } from './geometry';
import type { Size, Viewport } from './viewport';

/** Drawn above the rest of the overview, least important first so a failure is on top of all. */
export const EMPHASISED: readonly SubtaskStatus[] = ['CANCELING', 'RUNNING', 'FAILED'];
/** The smallest a failed or running subtask is drawn, in screen pixels, and its halo around that. */
export const MIN_MARK_PX = 10;
export const HALO_PX = 8;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The subtasks to draw on top, in drawing order (by EMPHASISED). */
export function emphasised<S extends Pick<SubtaskInstance, 'status'>>(subtasks: readonly S[]): S[] {
  const rank = (s: S) => EMPHASISED.indexOf(s.status);
  return subtasks.filter((s) => rank(s) >= 0).sort((a, b) => rank(a) - rank(b));
}

/** A node's box in graph units, grown around its centre so that at `zoom` it is at least `minPx` on screen. */
export function markBox(position: { x: number; y: number }, zoom: number, minPx = MIN_MARK_PX): Box {
  const width = Math.max(NODE_WIDTH, minPx / zoom);
  const height = Math.max(NODE_HEIGHT, minPx / zoom);
  return { x: position.x + NODE_WIDTH / 2 - width / 2, y: position.y + NODE_HEIGHT / 2 - height / 2, width, height };
}

/** The box around all the nodes at `positions`, or null when there are none. */
export function boundsOf(positions: readonly { x: number; y: number }[]): Box | null {
  if (positions.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of positions) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + NODE_WIDTH);
    y1 = Math.max(y1, p.y + NODE_HEIGHT);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Keep this much screen around followed nodes, so they are not glued to the edge. */
const FOLLOW_MARGIN_PX = 48;

/**
 * Where Follow moves the viewport so every running subtask is on screen: null when they already are
 * (nothing moves), else centred on them at the current zoom, zoomed out only as far as they need.
 */
export function followViewport(
  positions: readonly { x: number; y: number }[],
  transform: readonly [number, number, number],
  size: Size,
  minZoom: number,
): Viewport | null {
  const box = boundsOf(positions);
  if (!box) return null;
  const [tx, ty, zoom] = transform;
  const m = FOLLOW_MARGIN_PX;
  const left = box.x * zoom + tx;
  const top = box.y * zoom + ty;
  const inView = left >= m && top >= m && left + box.width * zoom <= size.width - m && top + box.height * zoom <= size.height - m;
  if (inView) return null;
  const fit = Math.min((size.width - 2 * m) / box.width, (size.height - 2 * m) / box.height);
  const z = Math.max(minZoom, Math.min(zoom, fit));
  return { x: size.width / 2 - (box.x + box.width / 2) * z, y: size.height / 2 - (box.y + box.height / 2) * z, zoom: z };
}
