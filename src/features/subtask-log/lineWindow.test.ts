import { describe, expect, it } from 'vitest';
import { lineAtRow, rowOffsets, rowsOf, visibleLines } from './lineWindow';
import { matchFrom, searchLog } from './logSearch';
import { parseLog } from './logModel';

describe('lineWindow', () => {
  const lines = ['a'.repeat(10), 'b'.repeat(25), '', '\tat x', 'c'.repeat(30)];

  it('counts wrapped rows by characters, a tab as 4, at least one row', () => {
    expect([rowsOf('a'.repeat(10), 10), rowsOf('a'.repeat(11), 10), rowsOf('', 10), rowsOf('\tat x', 4)]).toEqual([1, 2, 1, 2]);
  });

  it('offsets are prefix sums of rows, one row a line without wrapping', () => {
    expect([...rowOffsets(lines, 0, 5, null)]).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...rowOffsets(lines, 0, 5, 10)]).toEqual([0, 1, 4, 5, 6, 9]);
    expect([...rowOffsets(lines, 1, 3, 10)]).toEqual([0, 3, 4]);
  });

  it('finds the line of a row, and the window of a viewport with overscan', () => {
    const offsets = rowOffsets(lines, 0, 5, 10);
    expect([0, 1, 3, 4, 5, 8, 99].map((r) => lineAtRow(offsets, r))).toEqual([0, 1, 1, 2, 3, 4, 4]);
    expect(visibleLines(offsets, 20, 40, 20, 0)).toEqual({ first: 1, last: 2 }); // rows 1–3: line 1
    expect(visibleLines(offsets, 20, 40, 20, 1)).toEqual({ first: 0, last: 3 });
    expect(visibleLines(new Float64Array([0]), 0, 100, 20)).toEqual({ first: 0, last: 0 });
  });

  it('renders a bounded number of lines whatever the log size', () => {
    const many = Array.from({ length: 50_000 }, (_, i) => `line ${i}`);
    const offsets = rowOffsets(many, 0, many.length, null);
    const w = visibleLines(offsets, 30_000 * 18, 600, 18);
    expect(w.last - w.first).toBeLessThan(60);
    expect(w.first).toBeLessThanOrEqual(30_000);
    expect(w.last).toBeGreaterThan(30_000 + 600 / 18 - 1);
  });
});

describe('searchLog', () => {
  const model = parseLog(['Alpha beta', 'gamma ALPHA alpha', '', 'delta', 'alphaalpha'].join('\n'));

  it('finds every case-insensitive match in the whole text, as line and column', () => {
    expect(searchLog(model, 'alpha').matches).toEqual([
      { line: 0, column: 0 },
      { line: 1, column: 6 },
      { line: 1, column: 12 },
      { line: 4, column: 0 },
      { line: 4, column: 5 },
    ]);
    expect(searchLog(model, 'zeta').matches).toEqual([]);
    expect(searchLog(model, '').matches).toEqual([]);
    expect(searchLog(model, 'delta').matches).toEqual([{ line: 3, column: 0 }]);
  });

  it('stops listing at the limit and says so', () => {
    expect(searchLog(model, 'a', 3)).toMatchObject({
      truncated: true,
      matches: [
        { line: 0, column: 0 },
        { line: 0, column: 4 },
        { line: 0, column: 9 },
      ],
    });
  });

  it('matchFrom: the first match at or after a line, wrapping around', () => {
    const { matches } = searchLog(model, 'alpha');
    expect([0, 1, 2, 4, 5].map((l) => matchFrom(matches, l))).toEqual([0, 1, 3, 3, 0]);
    expect(matchFrom([], 0)).toBe(-1);
  });
});
