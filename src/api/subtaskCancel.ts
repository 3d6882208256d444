import { postTaskAction, subtaskPath, useTaskActionMutation } from './taskAction';

/**
 * `POST /instances/{id}/subtasks/{sid}/cancel` ("Stop"): OCP accepts it when the subtask is RUNNING
 * (else 400/20003). It goes CANCELING, then FAILED with operation CANCEL, and the task then ends FAILED.
 * OCP answers with no `data`.
 */
export async function cancelSubtask(taskId: string, subtaskId: string): Promise<void> {
  await postTaskAction(`${subtaskPath(taskId, subtaskId)}/cancel`);
}

/** `mutate()` sends one cancel; the refetch after it shows CANCELING (the reply carries no state). */
export function useCancelSubtask(taskId: string, subtaskId: string) {
  return useTaskActionMutation(taskId, ['subtask', subtaskId, 'cancel'], () => cancelSubtask(taskId, subtaskId));
}
