import { useCallback } from 'react';
import { useUrlState } from '../../components/urlState';

const PARAM = 'subtask';

/**
 * The selected subtask lives in `?subtask=<id>` so a link opens the same panel. Selecting replaces
 * the history entry: clicking around the graph must not trap the Back button inside one task.
 */
export function useSelectedSubtask(): [string | null, (id: string | null) => void] {
  const { params, patch } = useUrlState();
  const selected = params.get(PARAM) || null;
  const select = useCallback((id: string | null) => patch({ [PARAM]: id }), [patch]);
  return [selected, select];
}
