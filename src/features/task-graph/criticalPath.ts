/**
 * The critical path from what actually happened: the chain of subtasks that decided the task's
 * duration. It ends at the subtask that finished last (or is still running) and walks back, each step
 * to the upstream that finished last, since that is the one the subtask was waiting for.
 *
 * It depends on the subtasks only, never on the clock. A subtask still running ends at "now", which is
 * later than every finish (bar a server clock ahead of ours, where "still running" is the truer
 * reading anyway), and all running ones end at the same "now": so whichever now it is, the chain ends at
 * a running subtask, the same one (the first in the list, as ties go), and walks back the same way.
 * Running ones are therefore timed as ending at +Infinity, and the path changes only when a poll does.
 */
import type { SubtaskInstance } from '../../api/schemas';
import type { GraphEdge } from './model';

type Timed = Pick<SubtaskInstance, 'id' | 'startTime' | 'finishTime'>;

/** When a subtask's last run ended: its finishTime, +Infinity while it still runs; undefined if it never started. */
function runEnd(s: Pick<SubtaskInstance, 'startTime' | 'finishTime'>): number | undefined {
  if (!s.startTime) return undefined;
  const end = s.finishTime ? Date.parse(s.finishTime) : Infinity;
  return Number.isNaN(end) ? undefined : end;
}

/** Ids from the first subtask of the chain to the last; empty when nothing has run. */
export function criticalPath(subtasks: readonly Timed[], edges: readonly GraphEdge[]): string[] {
  const end = new Map<string, number>();
  for (const s of subtasks) {
    const e = runEnd(s);
    if (e !== undefined) end.set(s.id, e);
  }
  let last: string | null = null;
  for (const [id, e] of end) if (last === null || e > (end.get(last) as number)) last = id;
  if (last === null) return [];

  const parents = new Map<string, string[]>();
  for (const e of edges) {
    const list = parents.get(e.target);
    if (list) list.push(e.source);
    else parents.set(e.target, [e.source]);
  }
  const path = [last];
  const seen = new Set(path);
  let current: string = last;
  for (;;) {
    let gate: string | null = null;
    for (const p of parents.get(current) ?? []) {
      const e = end.get(p);
      if (e !== undefined && !seen.has(p) && (gate === null || e > (end.get(gate) as number))) gate = p;
    }
    if (gate === null) break;
    path.push(gate);
    seen.add(gate);
    current = gate;
  }
  return path.reverse();
}
