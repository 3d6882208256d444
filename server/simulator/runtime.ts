import type { SubtaskOperation, SubtaskStatus, TaskOperation, TaskStatus } from '../../src/api/schemas.ts';
import { bulkLines, endLines, runHeader, startLines, stateLine, timeoutPlan, type LogEntry, type RunContext } from './logs.ts';
import type { RunPlan, SubtaskView, TaskSpec, TaskView } from './model.ts';
import { createRng, hashSeed, shuffle, type Rng } from './rng.ts';

/** OCP runs at most this many subtasks of one task at a time, rollback steps included. */
export const MAX_RUNNING = 10;

export interface SubtaskRt extends SubtaskView {
  status: SubtaskStatus;
  operation: SubtaskOperation;
  runTime: number;
  startMs: number | undefined;
  finishMs: number | undefined;
  executor: string | undefined;
  readonly index: number;
  readonly ups: number[];
  readonly downs: number[];
  /** Tick at which the current run (or cancel) ends. */
  endTick: number;
  /** The plan of the current run: whether it fails, and what it writes when it does. */
  runPlan: RunPlan;
  /** Tick at which the current run started. */
  runStartTick: number;
  /** Runs written to the log so far (skips included): the current run's position. */
  logRuns: number;
  /** The current run, as its log lines need it. */
  runCtx: RunContext | undefined;
  execRuns: number;
  rollbackRuns: number;
  /** Upstreams that are not SUCCESSFUL. */
  unmetUps: number;
  /** Downstreams that are not PENDING: a rollback step may start only at 0. */
  activeDowns: number;
  hasRun: boolean;
  log: LogEntry[];
  /** Time of the last line written, so lines never go back in time. */
  logMs: number;
  /** The rendered log, valid while `log` has `entries` entries (a log only grows). */
  logText: { entries: number; text: string } | undefined;
}

export interface TaskRt extends TaskView {
  status: TaskStatus;
  operation: TaskOperation;
  prohibitRollback: boolean;
  createMs: number;
  startMs: number | undefined;
  finishMs: number | undefined;
  readonly subtasks: SubtaskRt[];
  readonly byId: Map<string, SubtaskRt>;
  /** Tick k happens at originMs + k * tickMs. */
  readonly originMs: number;
  tick: number;
  /** Last timestamp handed out: stamps never go backwards within a task. */
  floorMs: number;
  readonly rng: Rng;
  readonly tickMs: number;
  /** RUNNING and CANCELING subtasks. */
  readonly running: Set<SubtaskRt>;
  /** READY subtasks waiting for a free slot (forward runs). */
  readonly ready: Set<SubtaskRt>;
  /** READY subtasks being skipped (SKIP / ROLLBACK_SKIP). */
  readonly skips: Set<SubtaskRt>;
  /** Rollback: not PENDING, all downstreams PENDING, not yet started. */
  readonly undoable: Set<SubtaskRt>;
  /** Rollback steps (or cancels during a rollback) that failed and stop the rollback. */
  readonly rollbackFailures: Set<SubtaskRt>;
  failed: number;
  successful: number;
  pending: number;
  /** A success happened while something had failed, so its downstreams were not promoted. */
  promotionsHeld: boolean;
  /** Subtask ids in the order their rollback steps started. */
  readonly undoOrder: string[];
}

/** Checks ids and edges, then builds the runtime with adjacency by index. Throws on a malformed spec. */
export function createTaskRt(spec: TaskSpec, originMs: number, seed: number, tickMs: number): TaskRt {
  const byId = new Map<string, SubtaskRt>();
  const subtasks = spec.subtasks.map((s, index): SubtaskRt => {
    if (byId.has(s.id)) throw new Error(`task ${spec.id}: duplicate subtask id ${s.id}`);
    const rt: SubtaskRt = {
      spec: s,
      index,
      seriesId: s.seriesId ?? index,
      ups: [],
      downs: [],
      status: 'PENDING',
      operation: 'EXECUTE',
      runTime: 1,
      startMs: undefined,
      finishMs: undefined,
      executor: undefined,
      endTick: 0,
      runPlan: { ticks: 1 },
      runStartTick: 0,
      logRuns: 0,
      runCtx: undefined,
      execRuns: 0,
      rollbackRuns: 0,
      unmetUps: 0,
      activeDowns: 0,
      hasRun: false,
      log: [],
      logMs: 0,
      logText: undefined,
    };
    byId.set(s.id, rt);
    return rt;
  });
  for (const s of subtasks) {
    for (const upId of new Set(s.spec.upstreams ?? [])) {
      const up = byId.get(upId);
      if (!up || up === s) throw new Error(`task ${spec.id}: subtask ${s.spec.id} has a bad upstream ${upId}`);
      s.ups.push(up.index);
      up.downs.push(s.index);
    }
    s.unmetUps = s.ups.length;
  }
  assertAcyclic(spec.id, subtasks);

  const rng = createRng(hashSeed(seed, spec.id));
  const order = subtasks.map((_, i) => i);
  return {
    spec,
    status: 'RUNNING',
    operation: 'EXECUTE',
    prohibitRollback: spec.prohibitRollback ?? false,
    createMs: originMs,
    startMs: originMs,
    finishMs: undefined,
    subtasks,
    byId,
    wireOrder: spec.keepOrder ? order : shuffle(order, rng),
    originMs,
    tick: 0,
    floorMs: originMs,
    rng,
    tickMs,
    running: new Set(),
    ready: new Set(),
    skips: new Set(),
    undoable: new Set(),
    rollbackFailures: new Set(),
    failed: 0,
    successful: 0,
    pending: subtasks.length,
    promotionsHeld: false,
    undoOrder: [],
  };
}

function assertAcyclic(taskId: string, subtasks: readonly SubtaskRt[]): void {
  const indegree = subtasks.map((s) => s.ups.length);
  const queue = subtasks.filter((s) => s.ups.length === 0).map((s) => s.index);
  let seen = 0;
  for (let q = 0; q < queue.length; q++) {
    seen++;
    for (const d of (subtasks[queue[q] as number] as SubtaskRt).downs) {
      indegree[d] = (indegree[d] as number) - 1;
      if (indegree[d] === 0) queue.push(d);
    }
  }
  if (seen !== subtasks.length) throw new Error(`task ${taskId}: the subtask graph has a cycle`);
}

/** Moves a subtask to `next`, keeping the task's counters and its neighbours' counts in step. */
export function setStatus(t: TaskRt, s: SubtaskRt, next: SubtaskStatus): void {
  const prev = s.status;
  if (prev === next) return;
  t.failed += Number(next === 'FAILED') - Number(prev === 'FAILED');
  t.successful += Number(next === 'SUCCESSFUL') - Number(prev === 'SUCCESSFUL');
  t.pending += Number(next === 'PENDING') - Number(prev === 'PENDING');
  if ((prev === 'PENDING') !== (next === 'PENDING')) {
    const delta = next === 'PENDING' ? -1 : 1;
    for (const u of s.ups) (t.subtasks[u] as SubtaskRt).activeDowns += delta;
  }
  if ((prev === 'SUCCESSFUL') !== (next === 'SUCCESSFUL')) {
    const delta = next === 'SUCCESSFUL' ? -1 : 1;
    for (const d of s.downs) (t.subtasks[d] as SubtaskRt).unmetUps += delta;
  }
  s.status = next;
}

/**
 * A timestamp for an event of tick k: a little before the tick boundary, a few ms after the previous
 * event, never past the boundary (so the task's own finishTime, stamped at the boundary, comes last).
 */
export function stamp(t: TaskRt, tickMs: number, k: number): number {
  const boundary = tickTime(t, tickMs, k);
  const jitter = Math.floor(t.rng() * Math.min(300, tickMs / 4));
  const step = 1 + Math.floor(t.rng() * 4);
  t.floorMs = Math.min(boundary, Math.max(t.floorMs + step, boundary - jitter));
  return t.floorMs;
}

export function tickTime(t: TaskRt, tickMs: number, k: number): number {
  return t.originMs + k * tickMs;
}

function planFor(plans: readonly RunPlan[] | undefined, attempt: number): RunPlan {
  if (!plans || plans.length === 0) return { ticks: 1 };
  return plans[Math.min(attempt, plans.length - 1)] as RunPlan;
}

export function runContext(t: TaskRt, s: SubtaskRt, ticks = 0): RunContext {
  return { spec: s.spec, operation: s.operation, run: s.logRuns, ticks, executor: s.executor ?? s.spec.executor ?? t.spec.executor };
}

/** Appends lines to a subtask's log, written at `at` (never before its previous line). */
export function writeLog(s: SubtaskRt, at: number, lines: readonly LogEntry[]): void {
  s.log.push(...lines);
  s.logMs = Math.max(s.logMs, at);
}

/** Opens a new run in the log: OCP's header line, then the executor's first lines. */
export function openRun(t: TaskRt, s: SubtaskRt, at: number, ticks = 0): RunContext {
  s.logRuns++;
  const c = runContext(t, s, ticks);
  s.runCtx = c;
  writeLog(s, at, [runHeader(s.operation, at)]);
  if (s.operation !== 'SKIP' && s.operation !== 'ROLLBACK_SKIP') writeLog(s, at, startLines(c, at));
  return c;
}

/** Starts a run (forward, or a rollback step when the subtask's operation is ROLLBACK) at tick k. */
export function startRun(t: TaskRt, s: SubtaskRt, k: number, at: number): void {
  const rollback = s.operation === 'ROLLBACK';
  const plan = planFor(rollback ? s.spec.rollbackRuns : s.spec.runs, rollback ? s.rollbackRuns++ : s.execRuns++);
  const ticks = Math.max(1, Math.round(plan.ticks));
  const timeout = s.spec.timeout ?? 0;
  const timesOut = timeout > 0 && ticks > timeout;
  s.endTick = k + (timesOut ? timeout + 1 : ticks);
  s.runStartTick = k;
  setStatus(t, s, 'RUNNING');
  t.ready.delete(s);
  t.undoable.delete(s);
  t.running.add(s);
  if (rollback) t.undoOrder.push(s.spec.id);
  s.startMs = at;
  s.finishMs = undefined;
  s.executor = s.spec.executor ?? t.spec.executor;
  if (!s.hasRun && s.spec.prohibitRollback) t.prohibitRollback = true;
  s.hasRun = true;
  const c = openRun(t, s, at, s.endTick - k);
  s.runPlan = timesOut ? timeoutPlan(c) : plan;
  if (plan.bulkBytes) {
    // Spread over the run, ending half a tick before it does, so the end lines come after it.
    const until = at + Math.max(1, (s.endTick - k - 0.5) * t.tickMs);
    writeLog(s, at, [bulkLines(c, plan.bulkBytes, at + 1, until)]);
  }
}

/** Ends the current run or cancel of a subtask in `next` state, with its closing lines and OCP's state line. */
export function endRun(t: TaskRt, s: SubtaskRt, next: SubtaskStatus, at: number, outcome: Parameters<typeof endLines>[2]): void {
  t.running.delete(s);
  setStatus(t, s, next);
  s.finishMs = at;
  const when = Math.max(at, s.logMs);
  writeLog(s, when, [...endLines(runContext(t, s), when, outcome), stateLine(s.spec.id, s.operation, next)]);
}
