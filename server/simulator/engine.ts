import { illegalState, rollbackProhibited, taskNotFound } from './errors.ts';
import type { SubtaskView, TaskSnapshot, TaskSpec, TaskView } from './model.ts';
import { canceledLines, endLines, renderLog, stateLine } from './logs.ts';
import { createTaskRt, openRun, runContext, setStatus, writeLog, type SubtaskRt, type TaskRt } from './runtime.ts';
import { makeReady, markUndoable, runTick } from './tick.ts';

export interface EngineOptions {
  /** The clock; the engine never sets timers and catches up lazily whenever it is asked something. */
  now: () => number;
  /** Real milliseconds per engine tick (OCP ticks every second). Default 1000. */
  tickMs?: number;
  seed?: number;
}

/**
 * OCP's task engine as a pure state machine (rules: docs in the reference, "The state machine").
 * Every call first runs the ticks that are due for the task(s) it touches. Actions take an optional
 * `at` (ms) so scenarios can replay a history that happened before now.
 * Actions throw TaskApiError (404/20000, 400/20003, 400/20004) exactly where OCP refuses.
 * Returned views are live objects: read or serialise them before the next call.
 */
export interface Engine {
  readonly tickMs: number;
  now(): number;
  submit(spec: TaskSpec, at?: number): TaskView;
  /** Installs a finished task exactly as recorded (times to the millisecond); actions then work on it as on any task. */
  restore(spec: TaskSpec, snapshot: TaskSnapshot): TaskView;
  /** Forgets a task (a saved task replaced by a new upload). Returns whether it existed. */
  remove(id: string): boolean;
  task(id: string, at?: number): TaskView;
  tasks(at?: number): TaskView[];
  rollback(id: string, at?: number): TaskView;
  retryTask(id: string, at?: number): TaskView;
  retrySubtask(id: string, subtaskId: string, at?: number): SubtaskView;
  skipSubtask(id: string, subtaskId: string, at?: number): SubtaskView;
  cancelSubtask(id: string, subtaskId: string, at?: number): SubtaskView;
  subtaskLog(id: string, subtaskId: string, at?: number): string;
  /** Subtask ids in the order the engine started undoing them, over the task's life. */
  undoOrder(id: string): readonly string[];
}

/** Beyond this many ticks behind, a task's clock jumps instead of replaying (a server left idle for days). */
const MAX_CATCH_UP_TICKS = 100_000;

export function createEngine(options: EngineOptions): Engine {
  const tickMs = options.tickMs ?? 1000;
  if (!(tickMs > 0)) throw new Error(`tickMs must be positive, got ${tickMs}`);
  const seed = options.seed ?? 1;
  const tasks = new Map<string, TaskRt>();
  const now = () => options.now();

  function catchUp(t: TaskRt, until: number): void {
    const due = Math.floor((until - t.originMs) / tickMs);
    if (due <= t.tick) return;
    const last = t.status === 'RUNNING' ? Math.min(due, t.tick + MAX_CATCH_UP_TICKS) : t.tick;
    while (t.tick < last && t.status === 'RUNNING') {
      t.tick++;
      runTick(t, tickMs, t.tick);
    }
    t.tick = due;
  }

  function current(id: string, at: number): TaskRt {
    const t = tasks.get(id);
    if (!t) throw taskNotFound(id);
    catchUp(t, at);
    return t;
  }

  /** The task as of `at`, about to be changed by an action: later events are stamped after it. */
  function acting(id: string, at: number): TaskRt {
    const t = current(id, at);
    t.floorMs = Math.max(t.floorMs, at);
    return t;
  }

  function subtaskOf(t: TaskRt, subtaskId: string): SubtaskRt {
    const s = t.byId.get(subtaskId);
    if (!s) throw taskNotFound(subtaskId);
    return s;
  }

  function add(t: TaskRt): TaskRt {
    if (tasks.has(t.spec.id)) throw new Error(`task ${t.spec.id} already exists`);
    tasks.set(t.spec.id, t);
    return t;
  }

  /** The task runs again: it is no longer finished. */
  function reopen(t: TaskRt): void {
    t.status = 'RUNNING';
    t.finishMs = undefined;
  }

  return {
    tickMs,
    now,

    submit(spec, at = now()) {
      const t = add(createTaskRt(spec, at, seed, tickMs));
      t.createMs = Math.floor(at / 1000) * 1000; // OCP stores createTime with second precision
      for (const s of t.subtasks) if (s.ups.length === 0) makeReady(t, s);
      return t;
    },

    restore(spec, snap) {
      const t = add(createTaskRt(spec, snap.createMs, seed, tickMs));
      Object.assign(t, { status: snap.status, operation: snap.operation, startMs: snap.startMs, finishMs: snap.finishMs });
      t.floorMs = snap.finishMs;
      for (const s of t.subtasks) {
        const rec = snap.subtasks[s.spec.id];
        if (!rec) continue;
        if (rec.status === 'RUNNING' || rec.status === 'CANCELING') {
          throw new Error(`restore: subtask ${s.spec.id} of a finished task cannot be ${rec.status}`);
        }
        s.operation = rec.operation ?? 'EXECUTE';
        s.runTime = rec.runTime ?? 1;
        s.startMs = rec.startMs;
        s.finishMs = rec.finishMs;
        if (rec.status === 'READY') makeReady(t, s);
        else setStatus(t, s, rec.status);
        // A failed rollback step holds the rollback until it is rolled back again or skipped (tick.ts).
        if (rec.status === 'FAILED' && s.operation === 'ROLLBACK') t.rollbackFailures.add(s);
        if (rec.startMs === undefined) continue;
        s.hasRun = true;
        s.executor = rec.executor ?? s.spec.executor ?? spec.executor;
        if (s.spec.prohibitRollback) t.prohibitRollback = true;
        openRun(t, s, rec.startMs);
        if (rec.finishMs !== undefined) {
          const outcome = rec.status === 'FAILED' ? { ticks: 0, fail: true } : 'done';
          writeLog(s, rec.finishMs, [...endLines(runContext(t, s), rec.finishMs, outcome), stateLine(s.spec.id, s.operation, rec.status)]);
        }
      }
      // A rollback that stopped on a failed step resumes where it was once that step is skipped.
      if (t.status === 'FAILED' && t.operation === 'ROLLBACK') for (const s of t.subtasks) markUndoable(t, s);
      return t;
    },

    remove: (id) => tasks.delete(id),

    task: (id, at = now()) => current(id, at),

    tasks(at = now()) {
      return [...tasks.keys()].map((id) => current(id, at));
    },

    rollback(id, at = now()) {
      const t = acting(id, at);
      if (t.status !== 'FAILED') throw illegalState(id, t.status);
      if (t.prohibitRollback) throw rollbackProhibited(id);
      reopen(t);
      t.operation = 'ROLLBACK';
      t.ready.clear();
      t.undoable.clear();
      t.rollbackFailures.clear();
      // Everything that is not PENDING is undone, not only what failed.
      for (const s of t.subtasks) if (s.status !== 'PENDING') s.operation = 'ROLLBACK';
      for (const s of t.subtasks) markUndoable(t, s);
      return t;
    },

    retryTask(id, at = now()) {
      const t = acting(id, at);
      if (t.status !== 'FAILED' || t.operation === 'ROLLBACK') throw illegalState(id, t.status);
      reopen(t);
      t.operation = 'RETRY';
      for (const s of t.subtasks) if (s.status === 'FAILED') retry(t, s);
      return t;
    },

    retrySubtask(id, subtaskId, at = now()) {
      const t = acting(id, at);
      const s = subtaskOf(t, subtaskId);
      if (s.status !== 'FAILED' || s.operation === 'ROLLBACK' || t.operation === 'ROLLBACK') {
        throw illegalState(subtaskId, s.status);
      }
      reopen(t);
      retry(t, s);
      return s;
    },

    skipSubtask(id, subtaskId, at = now()) {
      const t = acting(id, at);
      const s = subtaskOf(t, subtaskId);
      if (s.status !== 'FAILED') throw illegalState(subtaskId, s.status);
      reopen(t);
      s.operation = t.operation === 'ROLLBACK' ? 'ROLLBACK_SKIP' : 'SKIP';
      s.finishMs = undefined;
      setStatus(t, s, 'READY');
      t.skips.add(s);
      t.promotionsHeld = true;
      return s;
    },

    cancelSubtask(id, subtaskId, at = now()) {
      const t = acting(id, at);
      const s = subtaskOf(t, subtaskId);
      if (s.status !== 'RUNNING') throw illegalState(subtaskId, s.status);
      setStatus(t, s, 'CANCELING');
      s.endTick = t.tick + Math.max(1, s.spec.cancelTicks ?? 1);
      writeLog(s, at, canceledLines(runContext(t, s), Math.max(at, s.logMs)));
      return s;
    },

    subtaskLog(id, subtaskId, at = now()) {
      const s = subtaskOf(current(id, at), subtaskId);
      // A log only grows, so the text rendered for as many entries is still the text (the 10 MB one is read every second).
      if (s.logText?.entries !== s.log.length) s.logText = { entries: s.log.length, text: renderLog(s.log) };
      return s.logText.text;
    },

    undoOrder(id) {
      const t = tasks.get(id);
      if (!t) throw taskNotFound(id);
      return t.undoOrder;
    },
  };
}

function retry(t: TaskRt, s: SubtaskRt): void {
  s.operation = 'RETRY';
  s.runTime++;
  s.finishMs = undefined;
  makeReady(t, s);
  // Downstreams of successes held back by this failure may go once it is gone.
  t.promotionsHeld = true;
}

/**
 * Checks an undo order against the reference's rule: a subtask is undone only after every downstream
 * that was undone too. Returns the first violation as text, or null when the order is reverse topological.
 */
export function findUndoOrderViolation(task: TaskView, order: readonly string[]): string | null {
  const position = new Map(order.map((id, i) => [id, i]));
  for (const s of task.subtasks) {
    const mine = position.get(s.spec.id);
    if (mine === undefined) continue;
    for (const d of s.downs) {
      const downId = (task.subtasks[d] as SubtaskView).spec.id;
      const theirs = position.get(downId);
      if (theirs !== undefined && theirs > mine) return `${s.spec.id} was undone before its downstream ${downId}`;
    }
  }
  return null;
}
