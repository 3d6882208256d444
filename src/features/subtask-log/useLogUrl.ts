import { useCallback, useMemo } from 'react';
import { patchSearch, useRawSearch, useUrlState } from '../../components/urlState';

/**
 * The log viewer's own query parameters (listed in components/urlState.ts): `logRun` 1-based run, `line`
 * 1-based line of the whole log, `logView=wide` the wide reading view is open.
 */
const RUN = 'logRun';
const LINE = 'line';
const VIEW = 'logView';

const positive = (raw: string | null): number | null => {
  const n = raw === null ? NaN : Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

export interface LogUrl {
  /** The run asked for (1-based), or null for "the latest". */
  run: number | null;
  /** The line asked for, as a 0-based index into the whole log, or null. */
  line: number | null;
  /** The wide reading view is open. */
  wide: boolean;
  /** Shows a run (and a line in it); replaces the history entry. */
  show: (run: number | null, line?: number | null) => void;
  /** Opens or closes the wide view. */
  setWide: (wide: boolean) => void;
  /** Forgets run, line and wide view: another subtask's log is shown. */
  reset: () => void;
  /** The address of a line, for links that can be copied and shared. */
  hrefOf: (run: number, line: number) => string;
}

/** Reads and writes the run and line of the log in the URL, so a link points at the line that matters. */
export function useLogUrl(): LogUrl {
  const { params, patch } = useUrlState();
  const search = useRawSearch();
  const run = positive(params.get(RUN));
  const lineNo = positive(params.get(LINE));
  const wide = params.get(VIEW) === 'wide';
  const show = useCallback(
    (nextRun: number | null, nextLine: number | null = null) =>
      patch({ [RUN]: nextRun === null ? null : String(nextRun), [LINE]: nextLine === null ? null : String(nextLine + 1) }),
    [patch],
  );
  const setWide = useCallback((on: boolean) => patch({ [VIEW]: on ? 'wide' : null }), [patch]);
  const reset = useCallback(() => patch({ [RUN]: null, [LINE]: null, [VIEW]: null }), [patch]);
  const hrefOf = useCallback(
    (r: number, l: number) => `${window.location.pathname}${patchSearch(search, { [RUN]: String(r), [LINE]: String(l + 1) })}`,
    [search],
  );
  return useMemo(
    () => ({ run, line: lineNo === null ? null : lineNo - 1, wide, show, setWide, reset, hrefOf }),
    [run, lineNo, wide, show, setWide, reset, hrefOf],
  );
}
