/**
 * Test fixtures built as OCP puts them on the wire and parsed with the real contract
 * (`TaskInstance.parse`), so tests see exactly what the app sees. Test-only: nothing in the app imports this.
 */
import { TaskInstance, type SubtaskInstance, type SubtaskInstanceWire, type SubtaskStatus, type TaskInstanceWire } from '../api/schemas';

export interface SubtaskSpec {
  id: number;
  status: SubtaskStatus;
  /** Upstream ids; downstreams are derived so both sides agree, as on the real server. */
  ups?: number[];
  name?: string;
  seriesId?: number;
  wire?: Partial<SubtaskInstanceWire>;
}

const T0 = Date.parse('2021-08-25T15:09:30.000+08:00');
const iso = (offsetS: number) => new Date(T0 + offsetS * 1000).toISOString().replace('Z', '+00:00');

/** Wire subtasks for a DAG given by upstream lists. seriesId defaults to the id. */
export function wireSubtasks(specs: readonly SubtaskSpec[]): SubtaskInstanceWire[] {
  const downs = new Map<number, number[]>();
  for (const s of specs) for (const u of s.ups ?? []) downs.set(u, [...(downs.get(u) ?? []), s.id]);
  return specs.map((s, i) => {
    const ran = s.status !== 'PENDING';
    return {
      id: s.id,
      seriesId: s.seriesId ?? s.id,
      name: s.name ?? `Subtask ${s.id}`,
      description: s.name ?? `Subtask ${s.id}`,
      timeout: 3600,
      status: s.status,
      operation: 'EXECUTE',
      executor: ran ? '10.0.0.1:8080' : undefined,
      runTime: ran ? 1 : 0,
      nodeType: 'JAVA_TASK',
      parallelIdx: -1,
      upstreams: s.ups ?? [],
      downstreams: downs.get(s.id) ?? [],
      prohibitRollback: false,
      createTime: iso(0),
      startTime: ran ? iso(i + 1) : undefined,
      finishTime: ran && s.status !== 'RUNNING' ? iso(i + 2) : undefined,
      ...s.wire,
    };
  });
}

export function subtasksOf(specs: readonly SubtaskSpec[]): SubtaskInstance[] {
  return makeTask({ subtasks: wireSubtasks(specs) }).subtasks;
}

export function wireTask(over: Partial<TaskInstanceWire> = {}): TaskInstanceWire {
  return {
    id: 1001,
    name: 'Create tenant t1',
    taskDefinitionId: -1,
    cluster: { id: 1, name: 'obcluster', obClusterId: 1, type: 'PRIMARY' },
    tenant: { id: 1002, name: 't1', obTenantId: 1002, mode: 'MYSQL' },
    creator: { id: 200, name: 'admin' },
    status: 'FAILED',
    type: 'MANUAL',
    operation: 'EXECUTE',
    executor: '10.0.0.1:8080',
    prohibitRollback: false,
    createTime: iso(0),
    startTime: iso(1),
    finishTime: iso(42),
    subtasks: [],
    ...over,
  };
}

export function makeTask(over: Partial<TaskInstanceWire> = {}): TaskInstance {
  return TaskInstance.parse(wireTask(over));
}

/**
 * A FAILED task with a parallel fan-out: 1 → {2, 3, 4} → 5 → 6, where 3 failed and 5, 6 never ran.
 * The engine undoes 4, 3, 2 (in parallel), then 1.
 */
export const FAN_OUT_SPECS: SubtaskSpec[] = [
  { id: 1, status: 'SUCCESSFUL', name: 'Prepare' },
  { id: 2, status: 'SUCCESSFUL', ups: [1], name: 'Install on host a', wire: { parallelIdx: 0 } },
  { id: 3, status: 'FAILED', ups: [1], name: 'Install on host b', wire: { parallelIdx: 1 } },
  { id: 4, status: 'SUCCESSFUL', ups: [1], name: 'Install on host c', wire: { parallelIdx: 2 } },
  { id: 5, status: 'PENDING', ups: [2, 3, 4], name: 'Join' },
  { id: 6, status: 'PENDING', ups: [5], name: 'Finish' },
];

export function failedFanOutTask(over: Partial<TaskInstanceWire> = {}): TaskInstance {
  return makeTask({ subtasks: wireSubtasks(FAN_OUT_SPECS), ...over });
}
