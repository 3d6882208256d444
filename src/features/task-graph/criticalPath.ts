/**
 * The critical path from what actually happened: the chain of subtasks that decided the task's
 * duration. It ends at the subtask that finished last (or is still running) and walks back, each step
 * to the upstream that finished last, since that is the one the subtask was waiting for.
 */
import type { SubtaskInstance } from '../../api/schemas';
import type { GraphEdge } from './model';

type Timed = Pick<SubtaskInstance, 'id' | 'startTime' | 'finishTime'>;

/** When a subtask's last run ended: its finishTime, `now` while it still runs; undefined if it never started. */
export function runEnd(s: Pick<SubtaskInstance, 'startTime' | 'finishTime'>, now: number): number | undefined {
  if (!s.startTime) return undefined;
  const end = s.finishTime ? Date.parse(s.finishTime) : now;
  return Number.isNaN(end) ? undefined : end;
}

/** Ids from the first subtask of the chain to the last; empty when nothing has run. */
export function criticalPath(subtasks: readonly Timed[], edges: readonly GraphEdge[], now: number): string[] {
  const end = new Map<string, number>();
  for (const s of subtasks) {
    const e = runEnd(s, now);
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
