import { memo, useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubtaskInstance } from '../../api/schemas';
import { SUBTASK_STATUS_META } from '../../components/status';
import { NODE_WIDTH, type GraphLayout } from './geometry';
import { emphasised, HALO_PX, markBox } from './marks';
import marks from './marks.module.css';
import classes from './TaskGraph.module.css';
import { useViewportCanvas, type CanvasView } from './useViewportCanvas';
import { FAR_ZOOM } from './viewport';

interface OverviewMarksProps {
  layout: GraphLayout;
  subtasks: readonly SubtaskInstance[];
  firstFailureId: string | null;
  onPick: (id: string) => void;
}

/**
 * Far out, a node is a few pixels or less: this layer draws the failed and running subtasks again on
 * top of everything, at a minimum size with a halo, and puts a clickable "First failure" marker over the
 * first failure. Its own canvas over the picture below, redrawn at most once per frame when the viewport
 * moves and when statuses change; nothing is drawn while nodes are readable.
 */
export const OverviewMarks = memo(function OverviewMarks({ layout, subtasks, firstFailureId, onPick }: OverviewMarksProps) {
  const { t } = useTranslation('detail');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const markerRef = useRef<HTMLButtonElement>(null);
  const marked = useMemo(() => emphasised(subtasks), [subtasks]);
  const first = firstFailureId === null ? undefined : subtasks.find((s) => s.id === firstFailureId);

  const hasMarks = useRef(false);

  const draw = useCallback(
    (ctx: CanvasRenderingContext2D, { transform, width, height, dpr }: CanvasView) => {
      const far = transform[2] < FAR_ZOOM;
      const shown = far ? marked : [];
      // Clearing a pane-sized canvas is a paint of the whole pane (in software here: 136 ms of the
      // 100-subtask task's load in the profile, one clear per frame of its opening): only when it holds marks.
      if (shown.length > 0 || hasMarks.current) drawMarks(ctx, shown, layout, transform, dpr);
      hasMarks.current = shown.length > 0;
      placeMarker(markerRef.current, far && firstFailureId !== null ? layout.positions.get(firstFailureId) : undefined, transform, {
        width,
        height,
      });
    },
    [layout, marked, firstFailureId],
  );
  useViewportCanvas(canvasRef, draw);

  return (
    <>
      <canvas ref={canvasRef} className={classes.overview} aria-hidden data-testid="graph-overview-marks" />
      {first && (
        <button
          ref={markerRef}
          type="button"
          className={`${marks.overviewMarker} nopan nodrag`}
          style={{ display: 'none' }}
          data-testid="overview-first-failure"
          aria-label={t('failure.marker', { name: first.name })}
          onClick={() => onPick(first.id)}
        >
          {t('failure.first')}
        </button>
      )}
    </>
  );
});

function drawMarks(
  ctx: CanvasRenderingContext2D,
  subtasks: readonly SubtaskInstance[],
  layout: GraphLayout,
  [tx, ty, zoom]: readonly [number, number, number],
  dpr: number,
) {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
  const halo = HALO_PX / zoom;
  for (const s of subtasks) {
    const p = layout.positions.get(s.id);
    if (!p) continue;
    const box = markBox(p, zoom);
    const color = SUBTASK_STATUS_META[s.status].color;
    ctx.globalAlpha = 0.3;
    ctx.fillStyle = color;
    ctx.beginPath();
    ctx.roundRect(box.x - halo, box.y - halo, box.width + 2 * halo, box.height + 2 * halo, halo);
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.fillRect(box.x, box.y, box.width, box.height);
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 1.5 / zoom;
    ctx.strokeRect(box.x, box.y, box.width, box.height);
  }
}

/** Puts the marker just above the first failure's node, or hides it when that is off screen or near. */
function placeMarker(
  marker: HTMLButtonElement | null,
  position: { x: number; y: number } | undefined,
  [tx, ty, zoom]: readonly [number, number, number],
  size: { width: number; height: number },
) {
  if (!marker) return;
  const x = position ? (position.x + NODE_WIDTH / 2) * zoom + tx : -1;
  const y = position ? markBox(position, zoom).y * zoom + ty - HALO_PX : -1;
  const shown = position !== undefined && x >= 0 && x <= size.width && y >= 0 && y <= size.height;
  marker.style.display = shown ? 'block' : 'none';
  if (shown) marker.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px) translate(-50%, -100%)`;
}
