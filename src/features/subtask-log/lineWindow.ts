/**
 * Windowing for the log: which lines are on screen, so only those are rendered (a 10 MB log has
 * ~50,000 lines). Lines are one row each, or, wrapped, as many rows as their characters fill in a
 * monospace column (`white-space: pre-wrap; word-break: break-all` breaks at exactly that width).
 * Pure, so the arithmetic is tested without a browser.
 */

/** Rows a line takes when wrapped at `columns` characters (a tab counts as 4, the log's tab-size). */
export function rowsOf(line: string, columns: number): number {
  let length = line.length;
  for (let i = line.indexOf('\t'); i !== -1; i = line.indexOf('\t', i + 1)) length += 3;
  return Math.max(1, Math.ceil(length / Math.max(1, columns)));
}

/**
 * Row offsets of lines [start, end): `offsets[k]` is the first row of line start+k, `offsets[end-start]`
 * the total. Without wrapping (`columns` null) every line is one row.
 */
export function rowOffsets(lines: readonly string[], start: number, end: number, columns: number | null): Float64Array {
  const offsets = new Float64Array(end - start + 1);
  for (let i = start; i < end; i++) {
    const k = i - start;
    offsets[k + 1] = (offsets[k] as number) + (columns === null ? 1 : rowsOf(lines[i] as string, columns));
  }
  return offsets;
}

/** Index k of the line whose rows contain `row` (the last one when past the end). */
export function lineAtRow(offsets: Float64Array, row: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] as number) <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface LineWindow {
  /** Line indexes (relative to the run's start) to render: [first, last). */
  first: number;
  last: number;
}

/** The lines a viewport of `height` px scrolled to `scrollTop` shows, plus `overscan` lines on each side. */
export function visibleLines(offsets: Float64Array, scrollTop: number, height: number, rowHeight: number, overscan = 10): LineWindow {
  const count = offsets.length - 1;
  if (count <= 0) return { first: 0, last: 0 };
  const first = lineAtRow(offsets, Math.max(0, scrollTop / rowHeight));
  const last = lineAtRow(offsets, (scrollTop + height) / rowHeight) + 1;
  return { first: Math.max(0, first - overscan), last: Math.min(count, last + overscan) };
}
