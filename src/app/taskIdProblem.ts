import { MAX_LONG, parseTaskId } from '../api/schemas';

/**
 * Why `raw` is not a task id, in words for an inline error; null when it is one.
 * The same check as `parseTaskId`, which is what the page and the request rely on.
 */
export function taskIdProblem(raw: string): string | null {
  const s = raw.trim();
  if (s === '') return 'Enter a task id';
  if (parseTaskId(s) !== null) return null;
  if (!/^\d+$/.test(s)) return 'Task id must be a positive whole number';
  const n = BigInt(s);
  if (n < 1n) return 'Task id must be 1 or more';
  if (n > MAX_LONG) return `Task id must be at most ${MAX_LONG} (OCP ids are 64-bit)`;
  return 'Task id must have at most 19 digits';
}
