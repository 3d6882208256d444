import { queryOptions, useQuery } from '@tanstack/react-query';
import { request } from './client';
import { reuseUnchangedSubtasks } from './reuseSubtasks';
import { TaskInstance } from './schemas';
import { taskKeys } from './taskKeys';

export const POLL_INTERVAL_MS = 1_000;

/**
 * `GET /instances/{id}`: the task with all its subtasks, sorted. `timeoutMs` bounds a one-off check.
 * The reply's bytes stay with the task (`rawReplyOf(task)`), so it can be saved exactly as OCP sent it:
 * about 2 MB at 5,000 subtasks, held only while that task object is.
 */
export function fetchTaskInstance(id: string, signal?: AbortSignal, timeoutMs?: number) {
  return request(`/instances/${encodeURIComponent(id)}`, TaskInstance, {
    signal,
    keepRaw: true,
    ...(timeoutMs !== undefined && { timeoutMs }),
  });
}

/**
 * Polls every second while the task is RUNNING (a rollback is RUNNING too) and stops once it is
 * terminal. TanStack Query never starts a poll while one is in flight, pauses in a hidden tab
 * (refetchIntervalInBackground is off), and keeps the last good data on screen while refetching or on error.
 */
export const taskInstanceQueryOptions = (id: string) =>
  queryOptions({
    queryKey: taskKeys.instance(id),
    queryFn: ({ signal }) => fetchTaskInstance(id, signal),
    refetchInterval: (query) => (query.state.data?.status === 'RUNNING' ? POLL_INTERVAL_MS : false),
    refetchIntervalInBackground: false,
    // Unchanged subtasks keep the object on screen (a flat compare per subtask, not TanStack's deep one),
    // so what is memoised per subtask is rebuilt only for the few a poll changed.
    structuralSharing: reuseUnchangedSubtasks,
  });

export function useTaskInstance(id: string) {
  return useQuery(taskInstanceQueryOptions(id));
}
