/** Query keys for the task API, built in one place so invalidations never use a hand-typed key. */
export interface TaskListParams {
  page: number;
  size: number;
  name?: string | undefined;
  status?: string | undefined;
  /** Spring's `property,direction` (`startTime,asc`); `id,desc` when absent. */
  sort?: string | undefined;
}

export const taskKeys = {
  all: ['tasks'] as const,
  lists: () => [...taskKeys.all, 'list'] as const,
  list: (params: TaskListParams) => [...taskKeys.lists(), params] as const,
  instance: (id: string) => [...taskKeys.all, 'instance', id] as const,
  /** Under the task's key, so whatever refetches the task after an action refetches its logs too. */
  subtaskLog: (id: string, subtaskId: string) => [...taskKeys.instance(id), 'subtask', subtaskId, 'log'] as const,
};
