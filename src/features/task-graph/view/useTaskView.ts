import { useCallback, useMemo, useState } from 'react';
import { useUrlState } from '../../../components/urlState';
import { createViewCommands } from '../viewCommands';
import { readViewState, viewPatch, type TaskViewState } from './viewState';

/**
 * The task page's view (mode, search, filters, lineage, viewport, groups) read from and written to
 * the URL, plus the channel the page uses to ask the showing view to move.
 */
export function useTaskView() {
  const { params, patch } = useUrlState();
  const state = useMemo(() => readViewState(params), [params]);
  const [commands] = useState(createViewCommands);
  const update = useCallback((change: Partial<TaskViewState>) => patch(viewPatch(change)), [patch]);
  return { state, update, commands };
}
