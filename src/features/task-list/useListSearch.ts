import { useCallback, useMemo } from 'react';
import { useLocation, useRouter } from 'wouter';
import { readListSearch, writeListSearch, type ListSearch } from './listSearch';

/**
 * The list's filters and page, kept in the URL so a filtered list is a shareable link.
 * Changing a filter goes back to page 1; typing in the name box replaces the history entry
 * instead of adding one per keystroke.
 */
export function useListSearch() {
  const [path, navigate] = useLocation();
  const router = useRouter();
  // The raw query, not wouter's useSearch(): that one runs decodeURI first, so URLSearchParams
  // would decode twice and a name filter "%41" would come back as "A".
  const rawSearch = router.searchHook(router);
  const search = useMemo(() => readListSearch(new URLSearchParams(rawSearch)), [rawSearch]);

  const update = useCallback(
    (patch: Partial<ListSearch>, options: { replace?: boolean } = {}) => {
      const next: ListSearch = { ...search, ...patch, page: patch.page ?? 1 };
      const query = writeListSearch(next).toString();
      navigate(query ? `${path}?${query}` : path, { replace: options.replace ?? false });
    },
    [search, path, navigate],
  );

  const clearFilters = useCallback(() => update({ statuses: [], name: '' }), [update]);

  return { search, update, clearFilters };
}
