import { describe, expect, it } from 'vitest';
import { SubtaskInstance, type SubtaskInstanceWire } from '../../../api/schemas';
import { barOf, buildRows, ROW_HEIGHT, ticks, timeScale, visibleRange } from './timelineModel';

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

  it('orders rows by start, never-started last, and runs a running bar until now', () => {
    const rows = buildRows(subtasks, Date.parse(at(50)));
    expect(rows.map((r) => r.subtask.id)).toEqual(['3', '1', '4', '2']);
    expect(rows[2]?.end).toBe(Date.parse(at(50)));
    expect(rows[3]?.start).toBeUndefined();
  });

  it('scales the whole run to the width and places bars on it', () => {
    const rows = buildRows(subtasks, Date.parse(at(50)));
    const s = timeScale(rows, 500);
    expect(s.t1 - s.t0).toBe(50_000);
    expect(barOf(rows[0]!, s)).toEqual({ left: 0, width: 100 });
    expect(barOf(rows[1]!, s)).toEqual({ left: 100, width: 100 });
    expect(barOf(rows[3]!, s)).toBeNull();
    expect(ticks(s)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
  });

  it('renders only the rows around the scroll position', () => {
    expect(visibleRange(0, 260, 5000)).toEqual({ first: 0, last: 20 });
    expect(visibleRange(ROW_HEIGHT * 2500, 260, 5000)).toEqual({ first: 2490, last: 2520 });
    expect(visibleRange(ROW_HEIGHT * 4999, 260, 5000).last).toBe(4999);
  });
});
