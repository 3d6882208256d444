import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SubtaskInstance } from '../../api/schemas';
import type { GraphLayout } from './geometry';
import { followViewport } from './marks';
import { MIN_ZOOM } from './viewport';

const runs = (s: SubtaskInstance) => s.status === 'RUNNING' || s.status === 'CANCELING';

/**
 * Follow mode: on a RUNNING task (on by default) the viewport keeps the running subtasks in view as
 * they change, moving only when one has left the screen. The operator's own pan or zoom turns it off
 * (React Flow passes the input event then; a programmatic move has none). Only the viewport moves,
 * never a node.
 */
interface FollowOptions {
  layout: GraphLayout;
  subtasks: readonly SubtaskInstance[];
  live: boolean;
  /** Picking a subtask is looking somewhere on purpose: Follow stops rather than pull the view away. */
  selectedId: string | null;
}

export function useFollow({ layout, subtasks, live, selectedId }: FollowOptions) {
  const { setViewport, viewportInitialized } = useReactFlow();
  const store = useStoreApi();
  const [on, setOn] = useState(live);
  // Follow reacts to which subtasks run, not to every poll.
  const running = useMemo(
    () =>
      subtasks
        .filter(runs)
        .map((s) => s.id)
        .join(','),
    [subtasks],
  );
  const following = on && live;
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  const [lastSelected, setLastSelected] = useState(selectedId);
  if (selectedId !== lastSelected) {
    setLastSelected(selectedId);
    setOn(false);
  }

  useEffect(() => {
    if (!following || !viewportInitialized || running === '') return;
    const positions = running.split(',').flatMap((id) => layout.positions.get(id) ?? []);
    const { transform, width, height } = store.getState();
    const next = followViewport(positions, transform, { width, height }, MIN_ZOOM);
    if (next) void setViewport(next, { duration: 300 });
  }, [following, viewportInitialized, running, layout, store, setViewport]);

  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) setOn(false);
  }, []);

  return { following, live, setFollowing: setOn, onMoveStart };
}
