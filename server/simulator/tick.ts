import { compareSubtasks } from '../../src/api/schemas.ts';
import { hashSeed } from './rng.ts';
import { endRun, MAX_RUNNING, openRun, setStatus, stamp, startRun, tickTime, writeLog, type SubtaskRt, type TaskRt } from './runtime.ts';

/**
 * One engine tick of a RUNNING task, in the order OCP's scheduler works:
 * 1. runs that are due end (SUCCESSFUL / FAILED, PENDING after a rollback step; CANCELING → FAILED/CANCEL);
 * 2. skipped subtasks complete;
 * 3. forward: READY subtasks start in the free slots (at most MAX_RUNNING at once), then downstreams
 *    whose upstreams all succeeded become READY (so they start next tick);
 *    rollback: upstreams whose downstreams are now all PENDING become undoable, and undoable
 *    subtasks start in the free slots (there is no READY step in a rollback);
 * 4. the task ends when nothing is running and there is nothing left to do.
 * Cost: O(subtasks that change + their edges), plus sorting the waiting set.
 */
export function runTick(t: TaskRt, tickMs: number, k: number): void {
  const rollback = t.operation === 'ROLLBACK';
  const settled: SubtaskRt[] = [];
  for (const s of [...t.running]) if (k >= s.endTick) finishRun(t, s, tickMs, k, settled);
  for (const s of [...t.skips]) finishSkip(t, s, tickMs, k, settled);
  for (const s of t.running) writeProgress(t, s, tickMs, k);

  if (rollback) {
    for (const s of settled) for (const u of s.ups) markUndoable(t, t.subtasks[u] as SubtaskRt);
    startUndos(t, tickMs, k);
  } else {
    startReady(t, tickMs, k);
    promote(t, settled);
  }
  settle(t, tickMs, k);
}

function finishRun(t: TaskRt, s: SubtaskRt, tickMs: number, k: number, settled: SubtaskRt[]): void {
  const at = stamp(t, tickMs, k);
  if (s.status === 'CANCELING') {
    s.operation = 'CANCEL';
    endRun(t, s, 'FAILED', at, 'canceled');
    if (t.operation === 'ROLLBACK') t.rollbackFailures.add(s);
    return;
  }
  const undo = s.operation === 'ROLLBACK';
  if (s.runPlan.fail) {
    endRun(t, s, 'FAILED', at, s.runPlan);
    if (undo) t.rollbackFailures.add(s);
    return;
  }
  endRun(t, s, undo ? 'PENDING' : 'SUCCESSFUL', at, 'done');
  settled.push(s);
}

/** A running subtask writes to its log every tick (a little before the tick boundary). */
function writeProgress(t: TaskRt, s: SubtaskRt, tickMs: number, k: number): void {
  // A run that prints bulk output (the 10 MB scenario) writes it as one block across the run instead.
  if (k <= s.runStartTick || s.runPlan.bulkBytes) return;
  const jitter = hashSeed(k, s.spec.id) % Math.max(1, Math.floor(Math.min(300, tickMs / 4)));
  const at = Math.max(s.logMs + 1, tickTime(t, tickMs, k) - jitter - 1);
  if (s.runCtx) writeLog(s, at, [{ run: s.runCtx, tickOfRun: k - s.runStartTick, at }]);
}

function finishSkip(t: TaskRt, s: SubtaskRt, tickMs: number, k: number, settled: SubtaskRt[]): void {
  const at = stamp(t, tickMs, k);
  t.skips.delete(s);
  t.rollbackFailures.delete(s);
  s.startMs = at;
  openRun(t, s, at);
  endRun(t, s, s.operation === 'ROLLBACK_SKIP' ? 'PENDING' : 'SUCCESSFUL', at, 'skipped');
  settled.push(s);
}

/** Forward: READY subtasks take the free slots in seriesId order; after a failure only retried ones may. */
function startReady(t: TaskRt, tickMs: number, k: number): void {
  const free = MAX_RUNNING - t.running.size;
  if (free <= 0 || t.ready.size === 0) return;
  let waiting = [...t.ready];
  if (t.failed > 0) waiting = waiting.filter((s) => s.operation === 'RETRY');
  waiting.sort((a, b) => compareSubtasks(key(a), key(b)));
  for (const s of waiting.slice(0, free)) startRun(t, s, k, stamp(t, tickMs, k));
}

/** Rollback: undoable subtasks take the free slots, later ones in the flow first; a failed step stops new ones. */
function startUndos(t: TaskRt, tickMs: number, k: number): void {
  const free = MAX_RUNNING - t.running.size;
  if (free <= 0 || t.undoable.size === 0 || t.rollbackFailures.size > 0) return;
  const waiting = [...t.undoable].sort((a, b) => compareSubtasks(key(b), key(a)));
  for (const s of waiting.slice(0, free)) startRun(t, s, k, stamp(t, tickMs, k));
}

function key(s: SubtaskRt): { seriesId: number; id: string } {
  return { seriesId: s.seriesId, id: s.spec.id };
}

/** PENDING → READY once every upstream succeeded; held back while anything is FAILED. */
function promote(t: TaskRt, settled: readonly SubtaskRt[]): void {
  if (t.failed > 0) {
    if (settled.length > 0) t.promotionsHeld = true;
    return;
  }
  if (t.promotionsHeld) {
    // Successes while something had failed promoted nothing; catch up once the failure is gone.
    t.promotionsHeld = false;
    for (const s of t.subtasks) if (s.status === 'PENDING' && s.unmetUps === 0) makeReady(t, s);
  }
  for (const s of settled) {
    for (const d of s.downs) {
      const down = t.subtasks[d] as SubtaskRt;
      if (down.status === 'PENDING' && down.unmetUps === 0) makeReady(t, down);
    }
  }
}

export function makeReady(t: TaskRt, s: SubtaskRt): void {
  setStatus(t, s, 'READY');
  t.ready.add(s);
}

/** A rollback step may start once the subtask is not PENDING and all its downstreams are. */
export function markUndoable(t: TaskRt, s: SubtaskRt): void {
  if (s.status === 'PENDING' || s.activeDowns > 0 || t.running.has(s) || t.skips.has(s)) return;
  if (s.status === 'FAILED' && t.rollbackFailures.has(s)) return;
  t.undoable.add(s);
}

function settle(t: TaskRt, tickMs: number, k: number): void {
  if (t.running.size > 0 || t.skips.size > 0) return;
  const n = t.subtasks.length;
  let done = false;
  if (t.operation === 'ROLLBACK') {
    if (t.rollbackFailures.size > 0) {
      t.status = 'FAILED';
      done = true;
    } else if (t.pending === n) {
      t.status = 'SUCCESSFUL';
      done = true;
    }
  } else if (t.failed > 0) {
    t.status = 'FAILED';
    done = true;
  } else if (t.successful === n) {
    t.status = 'SUCCESSFUL';
    done = true;
  }
  if (done) {
    t.finishMs = Math.max(t.floorMs, tickTime(t, tickMs, k));
    t.floorMs = t.finishMs;
  }
}
