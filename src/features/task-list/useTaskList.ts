import { useQuery } from '@tanstack/react-query';
import type { TaskPage } from '../../api/schemas';
import type { TaskListParams } from '../../api/taskKeys';
import { taskInstancesQueryOptions } from '../../api/taskInstances';

export const LIST_POLL_INTERVAL_MS = 5_000;

/** Poll while a task on the page is RUNNING (its status on screen can still change), not otherwise. */
export function listPollInterval(page: TaskPage | undefined): number | false {
  return page?.contents.some((t) => t.status === 'RUNNING') ? LIST_POLL_INTERVAL_MS : false;
}

/** One page of tasks, polled as `listPollInterval` says; built on the endpoint's own queryOptions, so key and fetcher stay in src/api. */
export function useTaskList(params: TaskListParams) {
  return useQuery({
    ...taskInstancesQueryOptions(params),
    refetchInterval: (query) => listPollInterval(query.state.data),
    refetchIntervalInBackground: false,
  });
}
