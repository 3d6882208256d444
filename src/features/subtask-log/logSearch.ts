import type { LogModel } from './logModel';

export interface LogMatch {
  /** Line index (0-based). */
  line: number;
  /** Offset of the match in its line. */
  column: number;
}

export interface SearchResult {
  query: string;
  matches: LogMatch[];
  /** More matches than `limit` exist; only the first `limit` are listed. */
  truncated: boolean;
}

/** Lower-cased text, once per model: the 10 MB log is searched on every keystroke. */
const lowered = new WeakMap<LogModel, string>();

/**
 * Every case-insensitive occurrence of `query` in the whole log, in order, as (line, column). One pass
 * of indexOf over the text, then one walk over the line lengths: O(text + matches).
 */
export function searchLog(model: LogModel, query: string, limit = 100_000): SearchResult {
  const needle = query.toLowerCase();
  if (needle === '' || needle.includes('\n')) return { query, matches: [], truncated: false };
  let text = lowered.get(model);
  if (text === undefined) {
    text = model.text.toLowerCase();
    lowered.set(model, text);
  }
  const matches: LogMatch[] = [];
  let line = 0;
  let lineStart = 0;
  let lineEnd = model.lines[0]?.length ?? 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) {
    if (matches.length === limit) return { query, matches, truncated: true };
    while (at > lineEnd) {
      lineStart = lineEnd + 1;
      line++;
      lineEnd = lineStart + (model.lines[line]?.length ?? 0);
    }
    matches.push({ line, column: at - lineStart });
  }
  return { query, matches, truncated: false };
}

/** The first match at or after `line` (wrapping to the first match), as an index into `matches`. */
export function matchFrom(matches: readonly LogMatch[], line: number): number {
  if (matches.length === 0) return -1;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((matches[mid] as LogMatch).line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo === matches.length ? 0 : lo;
}
