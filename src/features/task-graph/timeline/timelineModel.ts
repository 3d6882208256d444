/**
 * The timeline's rows and scale, pure: one row per subtask in order of start (never-started ones last,
 * in flow order), a bar from start to finish (to `now` while running), and which rows are visible for
 * a scroll position, so 5,000 rows cost only the ~40 on screen.
 *
 * Nothing here that is kept between renders depends on the clock: rows and the data's span come from
 * the subtasks alone, and a running task's axis end moves in steps (`axisEnd`), so a one-second tick
 * changes only the open bars' widths and the "now" line, never the rows that finished or wait.
 */
import type { SubtaskInstance } from '../../../api/schemas';

export const ROW_HEIGHT = 26;
export const OVERSCAN = 10;

export interface TimelineRow {
  subtask: SubtaskInstance;
  /** ms since epoch; undefined when it never started. */
  start: number | undefined;
  /** When its last run finished, ms since epoch; undefined when it never started or has not finished. */
  end: number | undefined;
  /** Started and not finished: its bar runs to now. */
  open: boolean;
}

const time = (iso: string | undefined) => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? undefined : t;
};

/** The fields a row draws (bar, colour, words, emphasis): equal ones keep the row object, so its memo holds. */
const sameRowFields = (a: SubtaskInstance, b: SubtaskInstance) =>
  a === b ||
  (a.id === b.id &&
    a.name === b.name &&
    a.status === b.status &&
    a.operation === b.operation &&
    a.runTime === b.runTime &&
    a.startTime === b.startTime &&
    a.finishTime === b.finishTime);

/**
 * The rows, ordered. `previous` (the last rows, by id) lets a poll that changed a few subtasks keep
 * every other row object as it was: polls bring all-new subtask objects (no structural sharing).
 */
export function buildRows(subtasks: readonly SubtaskInstance[], previous?: ReadonlyMap<string, TimelineRow>): TimelineRow[] {
  const rows = subtasks.map((subtask, order) => {
    const old = previous?.get(subtask.id);
    if (old && sameRowFields(old.subtask, subtask)) return { row: old, order };
    const start = time(subtask.startTime);
    const end = start === undefined ? undefined : time(subtask.finishTime);
    return { row: { subtask, start, end, open: start !== undefined && !subtask.finishTime }, order };
  });
  rows.sort((a, b) => (a.row.start ?? Infinity) - (b.row.start ?? Infinity) || a.order - b.order);
  return rows.map(({ row }) => row);
}

/** What the data alone says of the time axis: the first start, the last known instant, whether any bar is open. */
export interface DataSpan {
  t0: number | undefined;
  /** The latest finish, or start of an open bar. */
  last: number;
  open: boolean;
}

export function dataSpan(rows: readonly TimelineRow[]): DataSpan {
  let t0 = Infinity;
  let last = -Infinity;
  let open = false;
  for (const r of rows) {
    if (r.start === undefined) continue;
    t0 = Math.min(t0, r.start);
    last = Math.max(last, r.end ?? r.start);
    open ||= r.open;
  }
  return { t0: Number.isFinite(t0) ? t0 : undefined, last, open };
}

/** Tick steps (1 s, 5 s, 10 s, 30 s, 1 m … 1 d): each a multiple of the one before. */
const STEPS = [1e3, 5e3, 1e4, 3e4, 6e4, 3e5, 6e5, 18e5, 36e5, 108e5, 216e5, 864e5];

const LIVE_MIN_STEP = 5e3;

/**
 * A live axis's length for `elapsed` ms: the next multiple of a step about a quarter of it or less (5 s at
 * least), so from 20 s on the runs fill at least 80 % of the width, and the axis (and every bar with it) is rescaled only when now
 * passes its end: every 5 s twenty seconds in, every hour six hours in, not every second.
 * Never shorter for a later `elapsed` (each step divides the next).
 */
export function liveSpan(elapsed: number): number {
  // 5 s at least: a one-second step would rescale on every tick in a task's first 20 s.
  const chunk = STEPS.findLast((st) => st >= LIVE_MIN_STEP && st <= elapsed / 4) ?? LIVE_MIN_STEP;
  return (Math.floor(Math.max(0, elapsed) / chunk) + 1) * chunk;
}

/**
 * The axis end for `now`. A live (RUNNING) task's axis reaches past now, rounded up by `liveSpan` so it
 * stays the same number from one tick to the next and the "now" line moves across it; a finished one
 * ends at the data's last instant (or at now, frozen, for a bar that never got its finish).
 */
export function axisEnd(span: DataSpan, now: number, live: boolean): number {
  if (span.t0 === undefined) return 1;
  const t0 = span.t0;
  // The data may end after our now when the server's clock is ahead of ours.
  if (live) return t0 + liveSpan(Math.max(span.last, now) - t0);
  const end = span.open ? Math.max(span.last, now) : span.last;
  return end > t0 ? end : t0 + 1000;
}

export interface TimeScale {
  t0: number;
  t1: number;
  /** Pixels per millisecond. */
  scale: number;
}

/** `t0` from `dataSpan`, `t1` from `axisEnd`: plain numbers, so a caller can keep the scale while they hold. */
export function timeScale(t0: number | undefined, t1: number, width: number): TimeScale {
  if (t0 === undefined) return { t0: 0, t1: 1, scale: 0 };
  return { t0, t1, scale: Math.max(1, width) / (t1 - t0) };
}

/**
 * Left and width of a row's bar in pixels; null when it never started. An open bar runs to `now`.
 * At least 2 px so a blink still shows.
 */
export function barOf(row: TimelineRow, s: TimeScale, now: number): { left: number; width: number } | null {
  if (row.start === undefined) return null;
  const end = row.open ? now : (row.end ?? row.start);
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
  const step = STEPS.find((st) => span / st <= count) ?? STEPS.at(-1)!;
  const out: number[] = [];
  for (let t = 0; t <= span; t += step) out.push(t);
  return out;
}
