import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

const PARAM = 'subtask';

/**
 * The selected subtask lives in `?subtask=<id>` so a link opens the same panel. Selecting replaces
 * the history entry: clicking around the graph must not trap the Back button inside one task.
 */
export function useSelectedSubtask(): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const selected = params.get(PARAM) || null;
  const select = useCallback(
    (id: string | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (id === null) next.delete(PARAM);
          else next.set(PARAM, id);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [selected, select];
}
