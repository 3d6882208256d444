import type { SubtaskOperation, SubtaskStatus, TaskOperation, TaskStatus } from '../../src/api/schemas.ts';

/** One run of a subtask as the scenario plans it: how many ticks it takes and whether it fails. */
export interface RunPlan {
  ticks: number;
  fail?: boolean;
  /** Written to the subtask log (as an ERROR line) when the run fails. */
  error?: string;
  /** Lines written after the error line, e.g. a Java exception and its stack trace. */
  trace?: readonly string[];
  /** Bytes of verbose output the run writes (built lazily: the 10 MB log scenario). */
  bulkBytes?: number;
}

/** A subtask as a scenario defines it. Plans are counted in ticks (one engine second each). */
export interface SubtaskSpec {
  id: string;
  name: string;
  description?: string;
  /** Defaults to the position in the task's list. */
  seriesId?: number;
  /** Seconds (= ticks); a run planned longer than this fails when it runs past it. 0 = none. */
  timeout?: number;
  nodeType?: string;
  /** -1 (default) when the subtask is not one of a parallel group. */
  parallelIdx?: number;
  upstreams?: readonly string[];
  prohibitRollback?: boolean;
  executor?: string;
  /** Forward runs in order (EXECUTE, then each RETRY); the last one repeats. Default: 1 tick, success. */
  runs?: readonly RunPlan[];
  /** Rollback steps in order (first rollback, then each "rollback again"); the last one repeats. */
  rollbackRuns?: readonly RunPlan[];
  /** Ticks between a cancel request and the subtask ending FAILED/CANCEL. Default 1. */
  cancelTicks?: number;
}

/** Ids are numbers, or strings above 2^53 (a saved task keeps OCP's); types are open (a saved task may carry new ones). */
export interface ClusterRef {
  id: number | string;
  name: string;
  obClusterId?: number | string;
  type?: 'PRIMARY' | 'STANDBY' | (string & {});
}

export interface TenantRef {
  id: number | string;
  name: string;
  obTenantId?: number | string;
  mode?: 'MYSQL' | 'ORACLE' | (string & {});
}

export interface TaskSpec {
  id: string;
  name: string;
  type?: string;
  /** -1 for a manual task (the default). */
  taskDefinitionId?: number | string;
  cluster?: ClusterRef;
  tenant?: TenantRef;
  creator?: { id?: number | string; name: string };
  executor?: string;
  /** The task's template forbids rollback, whatever its subtasks say. */
  prohibitRollback?: boolean;
  /** Send subtasks in the order given instead of a seeded shuffle (the vendor sample keeps its order). */
  keepOrder?: boolean;
  subtasks: readonly SubtaskSpec[];
}

/** A subtask as the engine holds it. Views are live: serialise them before the engine moves on. */
export interface SubtaskView {
  readonly spec: SubtaskSpec;
  readonly seriesId: number;
  readonly ups: readonly number[];
  readonly downs: readonly number[];
  readonly status: SubtaskStatus;
  readonly operation: SubtaskOperation;
  readonly runTime: number;
  readonly startMs: number | undefined;
  readonly finishMs: number | undefined;
  readonly executor: string | undefined;
}

export interface TaskView {
  readonly spec: TaskSpec;
  readonly status: TaskStatus;
  readonly operation: TaskOperation;
  readonly prohibitRollback: boolean;
  readonly createMs: number;
  readonly startMs: number | undefined;
  readonly finishMs: number | undefined;
  readonly subtasks: readonly SubtaskView[];
  /** Indexes into `subtasks`, in the order the server sends them. */
  readonly wireOrder: readonly number[];
}

/** The state of a finished task, for scenarios that must match a recorded reply to the millisecond. */
export interface TaskSnapshot {
  status: 'SUCCESSFUL' | 'FAILED';
  operation: TaskOperation;
  createMs: number;
  startMs: number;
  finishMs: number;
  subtasks: Record<string, SubtaskSnapshot>;
}

/**
 * One subtask of a finished task. READY is allowed: a failure stops promotion, so subtasks made READY
 * before it stay READY in a FAILED task (and start once the failure is retried or skipped).
 */
export interface SubtaskSnapshot {
  status: SubtaskStatus;
  operation?: SubtaskOperation;
  runTime?: number;
  startMs?: number;
  finishMs?: number;
  /** The host that ran it, when it differs from the spec's (a saved task records it per subtask). */
  executor?: string;
}
