import { SubtaskInstance, type TaskInstance } from './schemas';
import { postTaskAction, subtaskPath, useTaskActionMutation } from './taskAction';

/**
 * `POST /instances/{id}/subtasks/{sid}/retry`: OCP accepts it when the subtask is FAILED and its
 * operation is not ROLLBACK (else 400/20003; unknown ids 404/20000). The subtask becomes READY/RETRY,
 * the task RUNNING with its operation unchanged. OCP answers with the subtask.
 */
export async function retrySubtask(taskId: string, subtaskId: string): Promise<SubtaskInstance | undefined> {
  const parsed = SubtaskInstance.safeParse(await postTaskAction(`${subtaskPath(taskId, subtaskId)}/retry`));
  return parsed.success ? parsed.data : undefined;
}

/** Puts OCP's answer for one subtask into the cached task, which is RUNNING again (so polling resumes). */
export function withRetriedSubtask(task: TaskInstance, subtask: SubtaskInstance | undefined): TaskInstance {
  if (!subtask) return task;
  return { ...task, status: 'RUNNING', subtasks: task.subtasks.map((s) => (s.id === subtask.id ? subtask : s)) };
}

/** `mutate()` sends one retry of the subtask, then refetches the task and its logs. */
export function useRetrySubtask(taskId: string, subtaskId: string) {
  return useTaskActionMutation(taskId, ['subtask', subtaskId, 'retry'], () => retrySubtask(taskId, subtaskId), withRetriedSubtask);
}
