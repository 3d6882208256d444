/**
 * The five POSTs of the task API, through the console's one client file per endpoint (src/api). Each is
 * bounded in time there: a hung request ends as a network ApiError, and the task then says what happened.
 */
import { rollbackTask } from '../../api/rollbackTask';
import type { TaskInstance } from '../../api/schemas';
import { cancelSubtask } from '../../api/subtaskCancel';
import { retrySubtask } from '../../api/subtaskRetry';
import { skipSubtask } from '../../api/subtaskSkip';
import { retryTask } from '../../api/taskRetry';
import type { ActionKind } from './availability';

/**
 * Sends one operation. Resolves with the task when OCP answered with a whole one (rollback and retry
 * on OCP 4.x): one without its `subtasks` would read as a task with nothing in it, so it is dropped.
 */
export async function sendAction(kind: ActionKind, taskId: string, subtaskId?: string): Promise<TaskInstance | undefined> {
  if (kind === 'rollback' || kind === 'retryTask') {
    const task = await (kind === 'rollback' ? rollbackTask(taskId) : retryTask(taskId));
    return task?.subtasksListed ? task : undefined;
  }
  if (subtaskId === undefined) throw new Error(`${kind} needs a subtask id`);
  if (kind === 'retrySubtask') await retrySubtask(taskId, subtaskId);
  else if (kind === 'skipSubtask') await skipSubtask(taskId, subtaskId);
  else await cancelSubtask(taskId, subtaskId);
  return undefined;
}
