/**
 * What each operation will do, shown in its confirmation before anything is sent. Pure, and computed
 * the way OCP's engine works (reference, "The state machine"):
 * - a retried or skipped subtask leaves FAILED; PENDING subtasks start once all their upstreams succeeded;
 * - while any subtask is still FAILED the engine promotes nothing new (only retried ones run);
 * - a skip during a rollback leaves the subtask as it is (PENDING, ROLLBACK_SKIP) and the undo goes on;
 * - a stopped subtask goes CANCELING, then FAILED with operation CANCEL, and the task ends FAILED.
 * Each effect carries a `key`: two tasks with the same key show the same effect, so a confirmation
 * is only sent for the effect the operator reviewed.
 */
import { compareSubtasks, type SubtaskInstance, type TaskInstance } from '../../api/schemas';
import { rollbackWaves } from './rollbackPlan';

type S = SubtaskInstance;

export interface ForwardEffect {
  kind: 'retryTask' | 'retrySubtask' | 'skipSubtask';
  /** Run again (retry), or marked successful without running (skip). */
  targets: S[];
  /** What starts first once nothing is failed: PENDING or READY subtasks whose upstreams all succeed. */
  startNext: S[];
  /** Everything that then runs, in flow order (includes `startNext`). */
  continues: S[];
  /** Other FAILED subtasks: while any remains, the engine starts nothing new. */
  stillFailed: S[];
  key: string;
}

export interface RollbackSkipEffect {
  kind: 'rollbackSkip';
  target: S;
  /** What the rollback then undoes, in the engine's order. */
  thenUndo: S[];
  key: string;
}

export interface RollbackEffect {
  kind: 'rollback';
  waves: S[][];
  plan: S[];
  key: string;
}

export interface StopEffect {
  kind: 'stopSubtask';
  target: S;
  /** Stopping an undo step ends the rollback "Rollback failed". */
  rollback: boolean;
  /** Running besides the target: the task ends FAILED once these finish too. */
  othersRunning: number;
  key: string;
}

export type ActionEffect = ForwardEffect | RollbackSkipEffect | RollbackEffect | StopEffect;

const stateOf = (s: S) => `${s.id}:${s.status}:${s.operation}:${s.runTime}`;
const listKey = (list: readonly S[]) => list.map(stateOf).join(',');
const taskKey = (task: TaskInstance) => `${task.status}/${task.operation}`;

/** Upstream ids of each subtask, read from both sides (either list may be the only one filled). */
function upstreamsOf(subtasks: readonly S[]): Map<string, Set<string>> {
  const known = new Set(subtasks.map((s) => s.id));
  const ups = new Map<string, Set<string>>(subtasks.map((s) => [s.id, new Set(s.upstreams.filter((u) => known.has(u)))]));
  for (const s of subtasks) for (const d of s.downstreams) ups.get(d)?.add(s.id);
  return ups;
}

/**
 * Which waiting (PENDING/READY) subtasks run if `succeeding` all succeed and so does everything after:
 * a fixpoint over the DAG, linear in subtasks + edges.
 */
function forward(task: TaskInstance, succeeding: ReadonlySet<string>): { startNext: S[]; continues: S[] } {
  const { subtasks } = task;
  const ups = upstreamsOf(subtasks);
  const downs = new Map<string, string[]>();
  for (const [id, us] of ups) for (const u of us) downs.set(u, [...(downs.get(u) ?? []), id]);
  const byId = new Map(subtasks.map((s) => [s.id, s]));
  // Running subtasks are expected to finish; a FAILED one that is not retried blocks what follows it.
  const ok = new Set(subtasks.filter((s) => s.status === 'SUCCESSFUL' || s.status === 'RUNNING' || succeeding.has(s.id)).map((s) => s.id));
  const waiting = (s: S) => (s.status === 'PENDING' || s.status === 'READY') && !succeeding.has(s.id);
  const allOk = (id: string) => [...(ups.get(id) ?? [])].every((u) => ok.has(u));

  const startNext = subtasks.filter((s) => waiting(s) && allOk(s.id));
  const continues: S[] = [];
  const queue = [...startNext];
  const queued = new Set(queue.map((s) => s.id));
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i] as S;
    continues.push(s);
    ok.add(s.id);
    for (const d of downs.get(s.id) ?? []) {
      const down = byId.get(d);
      if (down && !queued.has(d) && waiting(down) && allOk(d)) {
        queued.add(d);
        queue.push(down);
      }
    }
  }
  return { startNext, continues: continues.sort(compareSubtasks) };
}

function forwardEffect(kind: ForwardEffect['kind'], task: TaskInstance, targets: S[]): ForwardEffect {
  const ids = new Set(targets.map((s) => s.id));
  const { startNext, continues } = forward(task, ids);
  const stillFailed = task.subtasks.filter((s) => s.status === 'FAILED' && !ids.has(s.id));
  const key = [taskKey(task), listKey(targets), listKey(continues), listKey(stillFailed)].join('|');
  return { kind, targets, startNext, continues, stillFailed, key };
}

/** Task retry: every FAILED subtask runs again, then the task continues from there. */
export function retryTaskEffect(task: TaskInstance): ForwardEffect {
  return forwardEffect(
    'retryTask',
    task,
    task.subtasks.filter((s) => s.status === 'FAILED'),
  );
}

export function retrySubtaskEffect(task: TaskInstance, subtask: S): ForwardEffect {
  return forwardEffect('retrySubtask', task, [subtask]);
}

/** "Set to successful"; during a rollback, a rollback skip: the undo goes on past this subtask. */
export function skipSubtaskEffect(task: TaskInstance, subtask: S): ForwardEffect | RollbackSkipEffect {
  if (task.operation !== 'ROLLBACK') return forwardEffect('skipSubtask', task, [subtask]);
  const after = task.subtasks.map((s) => (s.id === subtask.id ? { ...s, status: 'PENDING' as const } : s));
  const thenUndo = rollbackWaves(after).flat();
  return { kind: 'rollbackSkip', target: subtask, thenUndo, key: [taskKey(task), stateOf(subtask), listKey(thenUndo)].join('|') };
}

export function rollbackEffect(task: TaskInstance): RollbackEffect {
  const waves = rollbackWaves(task.subtasks);
  const plan = waves.flat();
  return { kind: 'rollback', waves, plan, key: [taskKey(task), waves.map(listKey).join(';')].join('|') };
}

/** What stopping shows does not depend on the rest of a running task, so its progress never makes the dialog stale. */
export function stopSubtaskEffect(task: TaskInstance, subtask: S): StopEffect {
  const othersRunning = task.subtasks.filter((s) => s.id !== subtask.id && (s.status === 'RUNNING' || s.status === 'CANCELING')).length;
  return {
    kind: 'stopSubtask',
    target: subtask,
    rollback: task.operation === 'ROLLBACK',
    othersRunning,
    key: [taskKey(task), stateOf(subtask)].join('|'),
  };
}
