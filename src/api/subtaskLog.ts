import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { request } from './client';
import { SubtaskLog, type SubtaskInstance } from './schemas';
import { subtaskPath } from './taskAction';
import { POLL_INTERVAL_MS } from './taskInstance';
import { taskKeys } from './taskKeys';

/** `GET /instances/{id}/subtasks/{sid}/log`: the whole log as one string ("" before the subtask ran). */
export async function fetchSubtaskLog(taskId: string, subtaskId: string, signal?: AbortSignal): Promise<string> {
  const { log } = await request(`${subtaskPath(taskId, subtaskId)}/log`, SubtaskLog, { signal });
  return log;
}

/** A subtask that is running writes to its log: poll it. CANCELING still runs until it stops. */
export const isLogLive = (status: SubtaskInstance['status']) => status === 'RUNNING' || status === 'CANCELING';

/**
 * Polls every second while the subtask runs (never two at once, paused in a hidden tab, last text kept
 * on screen on error), like the task. OCP has no offset parameter, so each poll brings the whole text;
 * the viewer appends only what is new.
 */
export const subtaskLogQueryOptions = (taskId: string, subtaskId: string, live: boolean) =>
  queryOptions({
    queryKey: taskKeys.subtaskLog(taskId, subtaskId),
    queryFn: ({ signal }) => fetchSubtaskLog(taskId, subtaskId, signal),
    refetchInterval: live ? POLL_INTERVAL_MS : false,
    refetchIntervalInBackground: false,
    // Comparing a 10 MB string with the last one buys nothing: the viewer compares lengths.
    structuralSharing: false,
    // Live: fresh for half a poll, so the viewer mounting just after the page prefetched it does not
    // ask again; polling itself goes by the interval, not by staleness.
    staleTime: live ? POLL_INTERVAL_MS / 2 : 5_000,
  });

/**
 * The log of `subtask`, polled while it runs. Fetched again whenever the subtask's state, operation or
 * run count changes (it finished, was retried, skipped or rolled back), so the last lines of a run are
 * never missed between the final poll and the task's own refresh.
 */
export function useSubtaskLog(taskId: string, subtask: Pick<SubtaskInstance, 'id' | 'status' | 'operation' | 'runTime'>) {
  const queryClient = useQueryClient();
  const revision = `${subtask.id}/${subtask.status}/${subtask.operation}/${subtask.runTime}`;
  const seen = useRef(revision);
  useEffect(() => {
    if (seen.current === revision) return;
    const sameSubtask = seen.current.startsWith(`${subtask.id}/`);
    seen.current = revision;
    if (sameSubtask) void queryClient.invalidateQueries({ queryKey: taskKeys.subtaskLog(taskId, subtask.id), exact: true });
  }, [queryClient, revision, taskId, subtask.id]);
  return useQuery(subtaskLogQueryOptions(taskId, subtask.id, isLogLive(subtask.status)));
}
