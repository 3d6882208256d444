import { createEngine, type Engine } from './engine.ts';
import { TaskApiError } from './errors.ts';
import type { SubtaskSpec, SubtaskView, TaskSpec } from './model.ts';

/** Test helpers: an engine on a hand-driven clock. Not used by the simulator itself. */
export const T0 = Date.parse('2024-03-01T10:00:00+08:00');

export function manualEngine(tickMs = 1000) {
  let now = T0;
  const engine: Engine = createEngine({ now: () => now, tickMs });
  return {
    engine,
    /** Moves the clock forward by whole ticks. */
    advance: (ticks = 1) => {
      now += ticks * tickMs;
    },
    advanceMs: (ms: number) => {
      now += ms;
    },
    get now() {
      return now;
    },
  };
}

export const sub = (id: string, upstreams: string[] = [], extra: Partial<SubtaskSpec> = {}): SubtaskSpec => ({
  id,
  name: `Subtask ${id}`,
  timeout: 600,
  upstreams,
  ...extra,
});

export const task = (id: string, subtasks: SubtaskSpec[], extra: Partial<TaskSpec> = {}): TaskSpec => ({
  id,
  name: `Task ${id}`,
  subtasks,
  ...extra,
});

/** `{ a: 'RUNNING', b: 'PENDING' }` */
export function statuses(engine: Engine, id: string): Record<string, string> {
  return Object.fromEntries(engine.task(id).subtasks.map((s) => [s.spec.id, s.status]));
}

export function byId(engine: Engine, taskId: string, subtaskId: string): SubtaskView {
  const s = engine.task(taskId).subtasks.find((x) => x.spec.id === subtaskId);
  if (!s) throw new Error(`no subtask ${subtaskId}`);
  return s;
}

export function count(engine: Engine, id: string, status: string, operation?: string): number {
  return engine.task(id).subtasks.filter((s) => s.status === status && (!operation || s.operation === operation)).length;
}

/** The TaskApiError that `fn` throws; fails the test when it throws nothing or something else. */
export function refusal(fn: () => unknown): TaskApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof TaskApiError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** The operations of a log's run headers, in order: `['EXECUTE', 'RETRY']`. */
export function runHeaders(log: string): string[] {
  return [...log.matchAll(/^#{12}\{(\w+)\}\{[^}]+\}#{12}$/gm)].map((m) => m[1] ?? '');
}
