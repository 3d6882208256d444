import { request } from './client';
import { TaskInstance } from './schemas';

export const ROLLBACK_TIMEOUT_MS = 30_000;

/**
 * `POST /instances/{id}/rollback`. OCP 4.x answers with the task; OCP Express with no `data`. The reply
 * is returned only when it is a whole task: one without its `subtasks` would read as "nothing to undo".
 */
export async function rollbackTask(id: string): Promise<TaskInstance | undefined> {
  const data = await request(`/instances/${encodeURIComponent(id)}/rollback`, null, {
    method: 'POST',
    // A hung POST must not trap the operator in a dialog that cannot be closed while it is in flight.
    timeoutMs: ROLLBACK_TIMEOUT_MS,
  });
  // The rollback was accepted either way; an odd reply body only means the refetch shows the state.
  const parsed = TaskInstance.safeParse(data);
  return parsed.success && parsed.data.subtasksListed ? parsed.data : undefined;
}
