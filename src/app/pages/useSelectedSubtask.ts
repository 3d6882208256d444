import { useCallback } from 'react';
import { useLocation } from 'wouter';
import { useRawSearch } from '../useRawSearch';

const PARAM = 'subtask';

/**
 * The selected subtask lives in `?subtask=<id>` so a link opens the same panel. Selecting replaces
 * the history entry: clicking around the graph must not trap the Back button inside one task.
 */
export function useSelectedSubtask(): [string | null, (id: string | null) => void] {
  const [path, navigate] = useLocation();
  const search = useRawSearch();
  const selected = new URLSearchParams(search).get(PARAM) || null;
  const select = useCallback(
    (id: string | null) => {
      const next = new URLSearchParams(search);
      if (id === null) next.delete(PARAM);
      else next.set(PARAM, id);
      const query = next.toString();
      navigate(query ? `${path}?${query}` : path, { replace: true });
    },
    [path, search, navigate],
  );
  return [selected, select];
}
