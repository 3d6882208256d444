import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import type { SubtaskInstance } from '../../api/schemas';
import type { GraphLayout } from './geometry';
import { findFocusSubtask } from './model';
import { centreOn, fitViewport, isOnScreen, READABLE_ZOOM } from './viewport';

interface Options {
  layout: GraphLayout;
  subtasks: readonly SubtaskInstance[];
  selectedId: string | null;
  /** Members of collapsed groups → the group drawn in their place. */
  hidden?: ReadonlyMap<string, string>;
}

/**
 * Moves the viewport only on purpose: the "Locate current progress" and fit buttons, and bringing a selection
 * made outside the graph (the side panel's links) into view. The opening viewport is set at mount
 * (see GraphCanvas); nothing here reacts to a poll.
 */
export function useViewportFocus({ layout, subtasks, selectedId, hidden }: Options) {
  const { setViewport, viewportInitialized } = useReactFlow();
  const store = useStoreApi();

  const positionOf = useCallback((id: string) => layout.positions.get(hidden?.get(id) ?? id) ?? null, [layout, hidden]);

  /** Our own fit: with windowing React Flow holds only some nodes, so its fitView would fit those. */
  const fit = useCallback(() => {
    const { width, height } = store.getState();
    void setViewport(fitViewport(layout, { width, height }), { duration: 300 });
  }, [layout, store, setViewport]);

  const focusOn = useCallback(
    (id: string) => {
      const position = positionOf(id);
      const { width, height } = store.getState();
      if (position) void setViewport(centreOn(position, { width, height }, READABLE_ZOOM), { duration: 300 });
    },
    [positionOf, store, setViewport],
  );

  const locate = useCallback(() => {
    const target = findFocusSubtask(subtasks);
    if (target && positionOf(target)) focusOn(target);
    else fit();
  }, [subtasks, positionOf, focusOn, fit]);

  // The selection the canvas opened with is already placed (or a link's viewport says where to look).
  const openedWith = useRef(selectedId);
  useEffect(() => {
    if (!viewportInitialized) return;
    const opened = selectedId !== null && selectedId === openedWith.current;
    openedWith.current = null;
    if (opened || selectedId === null) return;
    const position = positionOf(selectedId);
    if (!position) return;
    const { transform, width, height } = store.getState();
    if (isOnScreen(position, transform, { width, height })) return;
    void setViewport(centreOn(position, { width, height }, Math.max(transform[2], 0.5)), { duration: 300 });
  }, [viewportInitialized, selectedId, positionOf, store, setViewport]);

  return { locate, fit, focusOn };
}
