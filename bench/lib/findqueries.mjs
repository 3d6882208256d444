/** Issue 9's search benchmark queries, picked from the task (pure: the harness's unit tests load it without tsx). */

/**
 * The queries: a rare one (the failed subtask's host, else its id), a word most names hold, one letter.
 * `task` is the reply's data as the simulator sends it.
 */
export function findQueries(task) {
  const failed = task.subtasks.find((s) => s.status === 'FAILED') ?? task.subtasks[0];
  const host = failed && /\d+\.\d+\.\d+\.\d+/.exec(failed.name ?? '')?.[0];
  return [
    { kind: 'rare', query: host ?? String(failed?.id ?? '') },
    { kind: 'common', query: 'Install' },
    { kind: 'one letter', query: 'e' },
  ];
}
