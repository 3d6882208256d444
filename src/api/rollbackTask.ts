import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from './client';
import { TaskInstance } from './schemas';
import { taskKeys } from './taskKeys';

export const ROLLBACK_TIMEOUT_MS = 30_000;

/**
 * `POST /instances/{id}/rollback`. OCP 4.x answers with the task; OCP Express with no `data`,
 * so the reply is parsed when present and otherwise the refetch brings the new state.
 */
export async function rollbackTask(id: string): Promise<TaskInstance | undefined> {
  const data = await request(`/instances/${encodeURIComponent(id)}/rollback`, null, {
    method: 'POST',
    // A hung POST must not trap the operator in a dialog that cannot be closed while it is in flight.
    timeoutMs: ROLLBACK_TIMEOUT_MS,
  });
  // The rollback was accepted either way; an odd reply body only means the refetch shows the state.
  const parsed = TaskInstance.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/** Refetches the task (and lists) whether the rollback was accepted or refused: the server's state is the truth. */
export function useRollbackTask(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...taskKeys.instance(id), 'rollback'],
    mutationFn: () => rollbackTask(id),
    // OCP 4.x answers with the task, now RUNNING/ROLLBACK: show it (and resume polling) even if the
    // refetch below fails, so the page never keeps offering a rollback that was already accepted.
    onSuccess: (task) => {
      if (task) queryClient.setQueryData(taskKeys.instance(id), task);
    },
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.instance(id) }),
        queryClient.invalidateQueries({ queryKey: taskKeys.lists() }),
      ]);
    },
  });
}
