import type { BasicTaskInstanceWire, LongId, SubtaskInstanceWire, TaskInstanceWire } from '../../src/api/schemas.ts';
import type { SubtaskView, TaskView } from './model.ts';
import { formatOcpTime } from './ocpTime.ts';

/** OCP sends a Long as a JSON number, or as a string when a double cannot hold it exactly. */
export function toWireId(id: string): LongId {
  const n = Number(id);
  return Number.isSafeInteger(n) && String(n) === id ? n : id;
}

const time = (ms: number | undefined) => (ms === undefined ? undefined : formatOcpTime(ms));

/** Subtask ids and edges never change, so their wire form is computed once per subtask. */
const edgeCache = new WeakMap<SubtaskView, { id: LongId; upstreams: LongId[]; downstreams: LongId[] }>();

function edgesOf(task: TaskView, s: SubtaskView) {
  let edges = edgeCache.get(s);
  if (!edges) {
    const idAt = (i: number) => toWireId((task.subtasks[i] as SubtaskView).spec.id);
    edges = { id: toWireId(s.spec.id), upstreams: s.ups.map(idAt), downstreams: s.downs.map(idAt) };
    edgeCache.set(s, edges);
  }
  return edges;
}

export function subtaskToWire(task: TaskView, s: SubtaskView, createTime: string | undefined): SubtaskInstanceWire {
  const { id, upstreams, downstreams } = edgesOf(task, s);
  return {
    createTime,
    description: s.spec.description ?? s.spec.name,
    downstreams,
    executor: s.executor,
    finishTime: time(s.finishMs),
    id,
    name: s.spec.name,
    nodeType: s.spec.nodeType ?? 'JAVA_TASK',
    operation: s.operation,
    parallelIdx: s.spec.parallelIdx ?? -1,
    prohibitRollback: s.spec.prohibitRollback ?? false,
    runTime: s.runTime,
    seriesId: s.seriesId,
    startTime: time(s.startMs),
    status: s.status,
    timeout: s.spec.timeout ?? 0,
    upstreams,
  };
}

/** Subtasks in the server's (random, seeded) order. */
function inWireOrder(task: TaskView): SubtaskView[] {
  return task.wireOrder.map((i) => task.subtasks[i] as SubtaskView);
}

function taskHeader(task: TaskView) {
  const { spec } = task;
  return {
    cluster: spec.cluster,
    createTime: formatOcpTime(task.createMs),
    creator: spec.creator ?? { id: 100, name: 'admin' },
    finishTime: time(task.finishMs),
    id: toWireId(spec.id),
    name: spec.name,
    operation: task.operation,
    startTime: time(task.startMs),
    status: task.status,
    tenant: spec.tenant,
    type: spec.type ?? 'MANUAL',
  };
}

/** WrappedTaskInstance, as `GET /instances/{id}` and `POST .../rollback` send it. */
export function taskToWire(task: TaskView): TaskInstanceWire {
  const createTime = formatOcpTime(task.createMs);
  return {
    ...taskHeader(task),
    executor: task.spec.executor,
    prohibitRollback: task.prohibitRollback,
    subtasks: inWireOrder(task).map((s) => subtaskToWire(task, s, createTime)),
    taskDefinitionId: task.spec.taskDefinitionId ?? -1,
  };
}

/** BasicTaskInstance, as the list sends it: the header and a short summary of each subtask. */
export function taskToBasicWire(task: TaskView): BasicTaskInstanceWire {
  return {
    ...taskHeader(task),
    subtasks: inWireOrder(task).map((s) => ({
      description: s.spec.description ?? s.spec.name,
      id: edgesOf(task, s).id,
      name: s.spec.name,
      operation: s.operation,
      status: s.status,
    })),
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Jackson as OCP configures it: keys sorted alphabetically at every level, null fields left out. */
export function toOcpJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!isPlainObject(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const field = v[k];
      if (field !== null && field !== undefined) sorted[k] = field;
    }
    return sorted;
  });
}
