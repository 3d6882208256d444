import { TaskInstance } from './schemas';
import { instancePath, postTaskAction, useTaskActionMutation } from './taskAction';

/**
 * `POST /instances/{id}/retry`: OCP accepts it when the task is FAILED and its operation is not
 * ROLLBACK (else 400/20003); every FAILED subtask runs again (READY/RETRY). OCP answers with the task,
 * now RUNNING/RETRY; an odd or missing body only means the refetch shows the state.
 */
export async function retryTask(taskId: string): Promise<TaskInstance | undefined> {
  const parsed = TaskInstance.safeParse(await postTaskAction(`${instancePath(taskId)}/retry`));
  return parsed.success ? parsed.data : undefined;
}

/** `mutate()` sends one retry of the task; the cached task becomes OCP's answer, then everything refetches. */
export function useRetryTask(taskId: string) {
  return useTaskActionMutation(
    taskId,
    ['retry'],
    () => retryTask(taskId),
    (task, reply) => reply ?? task,
  );
}
