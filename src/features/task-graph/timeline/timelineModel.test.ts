import { describe, expect, it } from 'vitest';
import { SubtaskInstance, type SubtaskInstanceWire } from '../../../api/schemas';
import { axisEnd, barOf, buildRows, dataSpan, liveSpan, ROW_HEIGHT, ticks, timeScale, visibleRange } from './timelineModel';

type Wire = Partial<SubtaskInstanceWire> & { id: number };
const at = (s: number) => new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString();
const parse = (...wire: Wire[]) =>
  wire.map((w) => SubtaskInstance.parse({ name: `Step ${w.id}`, status: 'SUCCESSFUL', operation: 'EXECUTE', ...w }));

describe('timeline model', () => {
  const subtasks = parse(
    { id: 1, startTime: at(10), finishTime: at(20) },
    { id: 2, status: 'PENDING' },
    { id: 3, startTime: at(0), finishTime: at(10) },
    { id: 4, status: 'RUNNING', startTime: at(20) },
  );

  it('orders rows by start, never-started last, and leaves a running bar open', () => {
    const rows = buildRows(subtasks);
    expect(rows.map((r) => r.subtask.id)).toEqual(['3', '1', '4', '2']);
    expect(rows[2]).toMatchObject({ open: true, end: undefined });
    expect(rows[0]).toMatchObject({ open: false, end: Date.parse(at(10)) });
    expect(rows[3]?.start).toBeUndefined();
  });

  it('keeps the row objects of subtasks a poll did not change', () => {
    const before = buildRows(subtasks);
    const polled = subtasks.map((s) => (s.id === '4' ? { ...s, status: 'SUCCESSFUL' as const, finishTime: at(30) } : { ...s }));
    const after = buildRows(polled, new Map(before.map((r) => [r.subtask.id, r])));
    expect(after.map((r) => r.subtask.id)).toEqual(['3', '1', '4', '2']);
    expect(after[0]).toBe(before[0]);
    expect(after[3]).toBe(before[3]);
    expect(after[2]).not.toBe(before[2]);
    expect(after[2]).toMatchObject({ open: false, end: Date.parse(at(30)) });
  });

  it('scales a finished run to the width and places bars on it; an open bar runs to now', () => {
    const rows = buildRows(subtasks);
    const now = Date.parse(at(50));
    const span = dataSpan(rows);
    expect(span).toEqual({ t0: Date.parse(at(0)), last: Date.parse(at(20)), open: true });
    const s = timeScale(span.t0, axisEnd(span, now, false), 500);
    expect(s.t1 - s.t0).toBe(50_000);
    expect(barOf(rows[0]!, s, now)).toEqual({ left: 0, width: 100 });
    expect(barOf(rows[1]!, s, now)).toEqual({ left: 100, width: 100 });
    expect(barOf(rows[2]!, s, now)).toEqual({ left: 200, width: 300 });
    expect(barOf(rows[3]!, s, now)).toBeNull();
    expect(ticks(s)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
    // Nothing open: the axis ends at the last finish, whatever the clock says.
    const done = dataSpan(rows.filter((r) => !r.open));
    expect(axisEnd(done, now, false)).toBe(Date.parse(at(20)));
  });

  it('grows a live axis in steps past now, not every tick, and never shrinks it', () => {
    expect(liveSpan(20_000)).toBe(25_000);
    expect(liveSpan(24_999)).toBe(25_000);
    expect(liveSpan(25_000)).toBe(30_000);
    expect(liveSpan(6 * 3600e3)).toBe(7 * 3600e3);
    expect(liveSpan(2_000)).toBe(5_000);
    let previous = 0;
    let changes = 0;
    const wrong: number[] = [];
    for (let elapsed = 0; elapsed <= 3600e3; elapsed += 1000) {
      const span = liveSpan(elapsed);
      const fill = elapsed >= 20_000 ? 0.8 : 0;
      if (!(span > elapsed && elapsed / span >= fill && span >= previous)) wrong.push(elapsed);
      if (span !== previous) changes++;
      previous = span;
    }
    expect(wrong).toEqual([]);
    // An hour of one-second ticks moves the axis a few dozen times, not 3,600.
    expect(changes).toBeLessThan(100);
    const span = dataSpan(buildRows(subtasks));
    const t0 = span.t0!;
    expect(axisEnd(span, t0 + 20_000, true)).toBe(t0 + 25_000);
    expect(axisEnd(span, t0 + 21_000, true)).toBe(t0 + 25_000);
  });

  it('renders only the rows around the scroll position', () => {
    expect(visibleRange(0, 260, 5000)).toEqual({ first: 0, last: 20 });
    expect(visibleRange(ROW_HEIGHT * 2500, 260, 5000)).toEqual({ first: 2490, last: 2520 });
    expect(visibleRange(ROW_HEIGHT * 4999, 260, 5000).last).toBe(4999);
  });
});
