import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from './client';
import { TaskPage } from './schemas';
import { taskKeys, type TaskListParams } from './taskKeys';

export const LIST_POLL_INTERVAL_MS = 5_000;

/** `GET /instances`: one page of tasks (page is 1-based, as OCP counts). */
export function fetchTaskInstances(params: TaskListParams, signal?: AbortSignal) {
  return request('/instances', TaskPage, {
    signal,
    query: { page: params.page, size: params.size, name: params.name, status: params.status, sort: params.sort ?? 'id,desc' },
  });
}

/** Poll while a task on the page is RUNNING (its status on screen can still change), not otherwise. */
export function listPollInterval(page: TaskPage | undefined): number | false {
  return page?.contents.some((t) => t.status === 'RUNNING') ? LIST_POLL_INTERVAL_MS : false;
}

export const taskInstancesQueryOptions = (params: TaskListParams) =>
  queryOptions({
    queryKey: taskKeys.list(params),
    queryFn: ({ signal }) => fetchTaskInstances(params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => listPollInterval(query.state.data),
    refetchIntervalInBackground: false,
  });

export function useTaskInstances(params: TaskListParams) {
  return useQuery(taskInstancesQueryOptions(params));
}
