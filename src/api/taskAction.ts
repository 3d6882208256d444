import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from './client';
import type { TaskInstance } from './schemas';
import { taskKeys } from './taskKeys';

/** A hung POST must not trap the operator in a dialog that cannot be closed while it is in flight. */
export const ACTION_TIMEOUT_MS = 30_000;

/**
 * `POST` to a task action path (`/instances/{id}/…`). Never retried (the query client's mutation policy);
 * returns the reply's `data`, unparsed: each endpoint parses what it expects and treats anything else as
 * "accepted, the refetch shows the state".
 */
export function postTaskAction(path: string): Promise<unknown> {
  return request(path, null, { method: 'POST', timeoutMs: ACTION_TIMEOUT_MS });
}

export const instancePath = (taskId: string) => `/instances/${encodeURIComponent(taskId)}`;
export const subtaskPath = (taskId: string, subtaskId: string) => `${instancePath(taskId)}/subtasks/${encodeURIComponent(subtaskId)}`;

/**
 * The mutation every task action shares (rollbackTask.ts is the model): keyed under the task so a
 * second tab's or a dialog's `useIsMutating` sees it; on success it shows what OCP answered at once
 * (`apply` folds the reply into the cached task, so polling resumes even if the refetch fails); settled
 * either way, it refetches the task, its logs and the lists: the server's state is the truth.
 */
export function useTaskActionMutation<R>(
  taskId: string,
  action: readonly string[],
  send: () => Promise<R>,
  apply?: (task: TaskInstance, reply: R) => TaskInstance,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...taskKeys.instance(taskId), ...action],
    mutationFn: send,
    onSuccess: (reply) => {
      if (!apply) return;
      queryClient.setQueryData<TaskInstance>(taskKeys.instance(taskId), (task) => (task ? apply(task, reply) : task));
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.instance(taskId) }),
        queryClient.invalidateQueries({ queryKey: taskKeys.lists() }),
      ]);
    },
  });
}
