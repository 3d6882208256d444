/**
 * One operation at a time per task across the browser's tabs: the Web Locks API serialises the
 * check-then-send of two tabs, so the second one checks the task only after the first one's request
 * changed it, sees that, and sends nothing. Where the API is missing the in-tab guard still holds.
 */
export async function withTaskLock<T>(taskId: string, signal: AbortSignal, fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return fn();
  return locks.request(`ocp-console:task-action:${taskId}`, { signal }, () => fn());
}
