import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readListSearch, writeListSearch, type ListSearch } from './listSearch';

/**
 * The list's filters and page, kept in the URL so a filtered list is a shareable link.
 * Changing a filter goes back to page 1; typing in the name box replaces the history entry
 * instead of adding one per keystroke.
 */
export function useListSearch() {
  const [params, setParams] = useSearchParams();
  const search = useMemo(() => readListSearch(params), [params]);

  const update = useCallback(
    (patch: Partial<ListSearch>, options: { replace?: boolean } = {}) => {
      const next: ListSearch = { ...search, ...patch, page: patch.page ?? 1 };
      setParams(writeListSearch(next), { replace: options.replace ?? false });
    },
    [search, setParams],
  );

  const clearFilters = useCallback(() => update({ statuses: [], name: '' }), [update]);

  return { search, update, clearFilters };
}
