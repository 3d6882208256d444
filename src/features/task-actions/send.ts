/**
 * The five POSTs of the task API, one function each (reference, "Endpoints"). Each is bounded in time:
 * a hung request ends as a network ApiError, and the task itself then says what happened.
 */
import { request } from '../../api/client';
import { rollbackTask } from '../../api/rollbackTask';
import type { TaskInstance } from '../../api/schemas';
import type { ActionKind } from './availability';

export const ACTION_TIMEOUT_MS = 30_000;

const post = (path: string) => request(path, null, { method: 'POST', timeoutMs: ACTION_TIMEOUT_MS });
const instance = (id: string) => `/instances/${encodeURIComponent(id)}`;
const subtask = (id: string, sid: string) => `${instance(id)}/subtasks/${encodeURIComponent(sid)}`;

/** Sends one operation; resolves with the task when OCP answered with a whole one (rollback on OCP 4.x). */
export async function sendAction(kind: ActionKind, taskId: string, subtaskId?: string): Promise<TaskInstance | undefined> {
  if (kind === 'rollback') return rollbackTask(taskId);
  if (kind === 'retryTask') {
    await post(`${instance(taskId)}/retry`);
    return undefined;
  }
  if (subtaskId === undefined) throw new Error(`${kind} needs a subtask id`);
  const verb = kind === 'retrySubtask' ? 'retry' : kind === 'skipSubtask' ? 'skip' : 'cancel';
  await post(`${subtask(taskId, subtaskId)}/${verb}`);
  return undefined;
}
