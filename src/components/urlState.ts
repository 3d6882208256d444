import { useCallback, useMemo } from 'react';
import { useLocation, useRouter } from 'wouter';

/**
 * A page's view state kept in its URL query, so a reload or a shared link opens the same view.
 *
 * Every feature reads and patches only its own parameters; one patch never drops another feature's.
 * Names in use on the task page (add yours here so two features never pick the same one):
 * - `subtask` the selected subtask (task page)
 * - `view` graph | timeline, `vp` viewport x,y,zoom, `q` search, `status` status filter, `lineage` on/off,
 *   `expand` expanded parallel groups (graph and timeline)
 * - `logRun`, `line`, `logView` (log viewer)
 */

/**
 * The URL's query string as the address bar has it ("?a=1", or "" when there is none).
 * Not wouter's useSearch(): that one runs decodeURI over the query, so parsing it again with
 * URLSearchParams would decode twice ("%2541" would come back as "A" instead of "%41").
 */
export function useRawSearch(): string {
  const router = useRouter();
  // The memory location used in tests gives the query without its "?"; the browser's has it.
  const raw = router.searchHook(router);
  return raw === '' || raw.startsWith('?') ? raw : `?${raw}`;
}

/** A parameter → its new value; `null` (or '') removes it. */
export type UrlPatch = Readonly<Record<string, string | null>>;

/** Applies a patch to a query string; unchanged parameters keep their order. Pure, for tests and callers. */
export function patchSearch(search: string, patch: UrlPatch): string {
  const next = new URLSearchParams(search);
  for (const [name, value] of Object.entries(patch)) {
    if (value === null || value === '') next.delete(name);
    else next.set(name, value);
  }
  const query = next.toString();
  return query ? `?${query}` : '';
}

/**
 * The last patch written before React re-rendered with it. Two features patching in the same event
 * (a selection and the viewport that follows it) each start from the other's result, not from the
 * query both last rendered with, so neither undoes the other.
 */
let unrendered: { path: string; from: string; to: string } | null = null;

export interface UrlState {
  params: URLSearchParams;
  /** Replaces the history entry by default: moving around a view must not trap the Back button. */
  patch: (patch: UrlPatch, options?: { replace?: boolean }) => void;
}

export function useUrlState(): UrlState {
  const [path, navigate] = useLocation();
  const search = useRawSearch();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const patch = useCallback(
    (changes: UrlPatch, { replace = true }: { replace?: boolean } = {}) => {
      const base = unrendered && unrendered.path === path && unrendered.from === search ? unrendered.to : search;
      const next = patchSearch(base, changes);
      if (next === base) return;
      unrendered = { path, from: search, to: next };
      navigate(`${path}${next}`, { replace });
    },
    [path, search, navigate],
  );
  return { params, patch };
}
