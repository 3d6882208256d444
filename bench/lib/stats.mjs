/** Small statistics helpers for benchmark figures. `null` values (not measured) are ignored. */

export function quantile(values, q) {
  const xs = values.filter((v) => v !== null && v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const pos = (xs.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}

/**
 * Median, min and max of the runs' values; `n` counts the runs that measured the figure. With an even
 * count the median is the upper middle value: always a value some run really gave (a longest task of
 * "none over 50 ms" and one of 61 ms do not average to 31 ms), and the conservative one.
 */
export function summarize(values) {
  const xs = values.filter((v) => v !== null && v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return { median: null, min: null, max: null, n: 0 };
  return { median: xs[Math.floor(xs.length / 2)], min: xs[0], max: xs[xs.length - 1], n: xs.length };
}

/** Durations between consecutive timestamps (rAF stamps → frame durations). */
export function gaps(stamps) {
  const out = [];
  for (let i = 1; i < stamps.length; i++) out.push(stamps[i] - stamps[i - 1]);
  return out;
}

export const round = (v, digits = 0) => (v === null || v === undefined ? null : Number(v.toFixed(digits)));
