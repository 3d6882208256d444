import { useComputedColorScheme } from '@mantine/core';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance } from '../../api/schemas';
import { PALETTE, SURFACES } from '../../components/palette';
import type { Emphasis } from './find';
import type { CollapsedGroupInput } from './flowElements';
import { COLLAPSED_GROUP_HEIGHT, NODE_HEIGHT, NODE_WIDTH, type GraphLayout } from './geometry';
import { countStatuses, countsAttribute, type GraphEdge, type GraphStructure } from './model';
import classes from './TaskGraph.module.css';
import { useViewportCanvas, type CanvasView } from './useViewportCanvas';

interface OverviewLayerProps {
  layout: GraphLayout;
  structure: GraphStructure;
  subtasks: readonly SubtaskInstance[];
  selectedId: string | null;
  /** The edges as drawn (collapsed groups in place of their members). */
  edges: readonly GraphEdge[];
  /** While finding: dimmed subtasks fade, hits are ringed. */
  emphasis: ReadonlyMap<string, Emphasis>;
  groups: readonly CollapsedGroupInput[];
}

/**
 * A large graph far out, drawn on one screen-sized canvas instead of thousands of elements: a box per
 * subtask in its status colour and a line per edge, only what is on screen, redrawn at most once per
 * frame when the viewport moves, and when statuses or the selection change.
 */
export function OverviewLayer(props: OverviewLayerProps) {
  const { layout, structure, subtasks, selectedId, edges, emphasis, groups } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  const scheme = useComputedColorScheme('light');
  const { t } = useTranslation('graph');

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, { transform, width, height, dpr }: CanvasView) =>
      drawOverview(ctx, { layout, structure, subtasks, selectedId, edges, emphasis, groups }, transform, { width, height }, dpr, scheme),
    [layout, structure, subtasks, selectedId, edges, emphasis, groups, scheme],
  );
  useViewportCanvas(ref, draw);
  // What the canvas shows, status by status (as data-counts on a collapsed group): tools and the bench
  // see a poll change the overview, where no subtask is an element of its own.
  const counts = useMemo(() => countsAttribute(countStatuses(subtasks)), [subtasks]);

  return (
    <canvas
      ref={ref}
      className={classes.overview}
      data-testid="graph-overview"
      role="img"
      aria-label={t('overview.label', { count: subtasks.length })}
      data-counts={counts}
    />
  );
}

function drawOverview(
  ctx: CanvasRenderingContext2D,
  { layout, subtasks, selectedId, edges, emphasis, groups }: OverviewLayerProps,
  [tx, ty, zoom]: readonly [number, number, number],
  size: { width: number; height: number },
  dpr: number,
  scheme: 'light' | 'dark',
) {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
  // The visible part of the graph, in graph units.
  const left = -tx / zoom;
  const top = -ty / zoom;
  const right = left + size.width / zoom;
  const bottom = top + size.height / zoom;
  const visible = (x: number, y: number, w: number, h: number) => x < right && x + w > left && y < bottom && y + h > top;

  ctx.strokeStyle = SURFACES[scheme].edge;
  ctx.lineWidth = 1 / zoom;
  ctx.beginPath();
  for (const e of edges) {
    const s = layout.positions.get(e.source);
    const t = layout.positions.get(e.target);
    if (!s || !t) continue;
    const x1 = s.x + NODE_WIDTH;
    const y1 = s.y + NODE_HEIGHT / 2;
    const x2 = t.x;
    const y2 = t.y + NODE_HEIGHT / 2;
    if (!visible(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1) + 1)) continue;
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
  }
  ctx.stroke();

  const hits: { x: number; y: number; h: number }[] = [];
  // Boxes gathered by colour and alpha, one path each: setting a fill style per box (a colour string
  // parsed each time) was most of a fitted 5,000-subtask frame.
  const batches = new Map<string, { colour: string; alpha: number; path: Path2D }>();
  const box = (id: string, colour: string, h: number) => {
    const p = layout.positions.get(id);
    if (!p || !visible(p.x, p.y, NODE_WIDTH, h)) return;
    const mark = emphasis.get(id);
    const alpha = mark === 'dim' ? 0.15 : 1;
    const key = `${alpha} ${colour}`;
    let batch = batches.get(key);
    if (!batch) {
      batch = { colour, alpha, path: new Path2D() };
      batches.set(key, batch);
    }
    batch.path.rect(p.x, p.y, NODE_WIDTH, h);
    if (mark === 'match' || mark === 'lineage') hits.push({ x: p.x, y: p.y, h });
  };
  for (const s of subtasks) box(s.id, PALETTE[scheme][s.status].color, NODE_HEIGHT);
  for (const g of groups) box(g.id, PALETTE[scheme][g.summary.headline].color, COLLAPSED_GROUP_HEIGHT);
  for (const { colour, alpha, path } of batches.values()) {
    ctx.globalAlpha = alpha;
    ctx.fillStyle = colour;
    ctx.fill(path);
  }
  ctx.globalAlpha = 1;
  // Hits ringed at a fixed screen width, so a single match stays findable far out.
  ctx.strokeStyle = '#fab005';
  ctx.lineWidth = 6 / zoom;
  for (const h of hits) ctx.strokeRect(h.x - 4 / zoom, h.y - 4 / zoom, NODE_WIDTH + 8 / zoom, h.h + 8 / zoom);

  const selected = selectedId ? layout.positions.get(selectedId) : undefined;
  if (selected) {
    ctx.strokeStyle = SURFACES[scheme].focus;
    ctx.lineWidth = 4 / zoom;
    const pad = 6 / zoom;
    ctx.strokeRect(selected.x - pad, selected.y - pad, NODE_WIDTH + 2 * pad, NODE_HEIGHT + 2 * pad);
  }
}
