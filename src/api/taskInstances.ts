import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { request } from './client';
import { TaskPage } from './schemas';
import { taskKeys, type TaskListParams } from './taskKeys';

/** `GET /instances`: one page of tasks (page is 1-based, as OCP counts). */
export function fetchTaskInstances(params: TaskListParams, signal?: AbortSignal) {
  return request('/instances', TaskPage, {
    signal,
    query: { page: params.page, size: params.size, name: params.name, status: params.status, sort: 'id,desc' },
  });
}

export const taskInstancesQueryOptions = (params: TaskListParams) =>
  queryOptions({
    queryKey: taskKeys.list(params),
    queryFn: ({ signal }) => fetchTaskInstances(params, signal),
    placeholderData: keepPreviousData,
  });

export function useTaskInstances(params: TaskListParams) {
  return useQuery(taskInstancesQueryOptions(params));
}
