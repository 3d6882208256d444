import { postTaskAction, subtaskPath, useTaskActionMutation } from './taskAction';

/**
 * `POST /instances/{id}/subtasks/{sid}/skip` ("set to successful"): OCP accepts it when the subtask is
 * FAILED (else 400/20003). It becomes READY/SKIP, then SUCCESSFUL, and what waited on it starts; during a
 * rollback it is a ROLLBACK_SKIP and ends PENDING. OCP answers with no `data`.
 */
export async function skipSubtask(taskId: string, subtaskId: string): Promise<void> {
  await postTaskAction(`${subtaskPath(taskId, subtaskId)}/skip`);
}

/** `mutate()` sends one skip; the refetch after it shows the new state (the reply carries none). */
export function useSkipSubtask(taskId: string, subtaskId: string) {
  return useTaskActionMutation(taskId, ['subtask', subtaskId, 'skip'], () => skipSubtask(taskId, subtaskId));
}
