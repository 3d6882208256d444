/**
 * The timeline's rows and scale, pure: one row per subtask in order of start (never-started ones last,
 * in flow order), a bar from start to finish (to `now` while running), and which rows are visible for
 * a scroll position, so 5,000 rows cost only the ~40 on screen.
 */
import type { SubtaskInstance } from '../../../api/schemas';
import { runEnd } from '../criticalPath';

export const ROW_HEIGHT = 26;
export const OVERSCAN = 10;

export interface TimelineRow {
  subtask: SubtaskInstance;
  /** ms since epoch; undefined when it never started. */
  start: number | undefined;
  end: number | undefined;
}

export function buildRows(subtasks: readonly SubtaskInstance[], now: number): TimelineRow[] {
  const rows = subtasks.map((subtask, order) => {
    const start = subtask.startTime ? Date.parse(subtask.startTime) : undefined;
    return { subtask, start: Number.isNaN(start) ? undefined : start, end: runEnd(subtask, now), order };
  });
  rows.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || a.order - b.order);
  return rows.map(({ subtask, start, end }) => ({ subtask, start, end }));
}

export interface TimeScale {
  t0: number;
  t1: number;
  /** Pixels per millisecond. */
  scale: number;
}

export function timeScale(rows: readonly TimelineRow[], width: number): TimeScale {
  let t0 = Infinity;
  let t1 = -Infinity;
  for (const r of rows) {
    if (r.start !== undefined) t0 = Math.min(t0, r.start);
    if (r.end !== undefined) t1 = Math.max(t1, r.end);
  }
  if (!Number.isFinite(t0)) return { t0: 0, t1: 1, scale: 0 };
  if (!(t1 > t0)) t1 = t0 + 1000;
  return { t0, t1, scale: Math.max(1, width) / (t1 - t0) };
}

/** Left and width of a row's bar in pixels; null when it never started. At least 2 px so a blink still shows. */
export function barOf(row: TimelineRow, s: TimeScale): { left: number; width: number } | null {
  if (row.start === undefined) return null;
  const end = row.end ?? row.start;
  return { left: (row.start - s.t0) * s.scale, width: Math.max(2, (end - row.start) * s.scale) };
}

/** The rows to render for a scroll position: those on screen plus OVERSCAN either side. */
export function visibleRange(scrollTop: number, viewportHeight: number, rowCount: number): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rowCount - 1, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN);
  return { first, last };
}

/** About `count` round tick steps (1 s, 5 s, 1 m …) across the span. */
export function ticks(s: TimeScale, count = 6): number[] {
  const span = s.t1 - s.t0;
  const steps = [1e3, 5e3, 1e4, 3e4, 6e4, 3e5, 6e5, 18e5, 36e5, 108e5, 216e5, 864e5];
  const step = steps.find((st) => span / st <= count) ?? steps.at(-1)!;
  const out: number[] = [];
  for (let t = 0; t <= span; t += step) out.push(t);
  return out;
}
