/** Pure viewport arithmetic: where the graph opens, and whether a node is on screen. */
import { NODE_HEIGHT, NODE_WIDTH, type GraphLayout } from './geometry';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Size {
  width: number;
  height: number;
}

export const READABLE_ZOOM = 0.9;
/** A fit below this zoom makes names unreadable: open on where it matters instead. */
export const MIN_READABLE_FIT_ZOOM = 0.6;
export const MIN_ZOOM = 0.02;
/** Below this zoom node text is unreadable: small graphs draw plain boxes, large ones an overview picture. */
export const FAR_ZOOM = 0.35;
export const FIT_PADDING = 0.1;

/** The whole layout, centred, at most at 100 %. */
export function fitViewport(layout: Pick<GraphLayout, 'width' | 'height'>, size: Size): Viewport {
  const scale = 1 + 2 * FIT_PADDING;
  const zoom = Math.min(
    1,
    Math.max(MIN_ZOOM, Math.min(size.width / (layout.width * scale || 1), size.height / (layout.height * scale || 1))),
  );
  return { x: (size.width - layout.width * zoom) / 2, y: (size.height - layout.height * zoom) / 2, zoom };
}

/** A node's centre in the middle of the screen at a readable zoom. */
export function centreOn(position: { x: number; y: number }, size: Size, zoom = READABLE_ZOOM): Viewport {
  return {
    x: size.width / 2 - (position.x + NODE_WIDTH / 2) * zoom,
    y: size.height / 2 - (position.y + NODE_HEIGHT / 2) * zoom,
    zoom,
  };
}

/**
 * Open fitted when the whole graph is readable that way; otherwise on the focus subtask (first FAILED,
 * else RUNNING…) at a readable zoom, like OCP's "Locate current progress"; fitted when there is none.
 */
export function openingViewport(layout: GraphLayout, size: Size, focus: { x: number; y: number } | null): Viewport {
  const fitted = fitViewport(layout, size);
  return fitted.zoom < MIN_READABLE_FIT_ZOOM && focus ? centreOn(focus, size) : fitted;
}

/** Whether a node at `position` lies entirely inside the screen under viewport `[x, y, zoom]`. */
export function isOnScreen(position: { x: number; y: number }, transform: readonly [number, number, number], size: Size): boolean {
  const [tx, ty, zoom] = transform;
  const left = position.x * zoom + tx;
  const top = position.y * zoom + ty;
  return left >= 0 && top >= 0 && left + NODE_WIDTH * zoom <= size.width && top + NODE_HEIGHT * zoom <= size.height;
}

/** The subtask drawn at a graph point, with some slack: in the overview a node is a few pixels tall. */
export function subtaskAt(layout: Pick<GraphLayout, 'positions'>, point: { x: number; y: number }, slack = 20): string | null {
  for (const [id, p] of layout.positions) {
    const inX = point.x >= p.x - slack && point.x <= p.x + NODE_WIDTH + slack;
    if (inX && point.y >= p.y - slack && point.y <= p.y + NODE_HEIGHT + slack) return id;
  }
  return null;
}
