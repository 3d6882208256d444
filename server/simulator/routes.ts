import type { SubtaskLogWire } from '../../src/api/schemas.ts';
import type { Engine } from './engine.ts';
import { formatOcpTime } from './ocpTime.ts';
import { subtaskToWire, taskToWire } from './wire.ts';

/**
 * The task endpoints under `/api/v2/tasks/instances/{id}`, as OCP 4.x serves them (the reference's
 * endpoint table): which method each takes, and what `data` it answers with. The engine refuses
 * exactly where OCP does (404/20000, 400/20003, 400/20004); http.ts checks the method, the ids and
 * the caller's role first.
 */
export const ENDPOINTS = {
  task: { method: 'GET', answer: (e: Engine, id: string) => taskToWire(e.task(id)) },
  rollback: { method: 'POST', answer: (e: Engine, id: string) => taskToWire(e.rollback(id)) },
  retry: { method: 'POST', answer: (e: Engine, id: string) => taskToWire(e.retryTask(id)) },
  subtaskRetry: {
    method: 'POST',
    answer(e: Engine, id: string, sid: string) {
      const s = e.retrySubtask(id, sid);
      const task = e.task(id);
      return subtaskToWire(task, s, formatOcpTime(task.createMs));
    },
  },
  // skip and cancel answer with no `data` (the envelope alone).
  subtaskSkip: { method: 'POST', answer: (e: Engine, id: string, sid: string) => void e.skipSubtask(id, sid) },
  subtaskCancel: { method: 'POST', answer: (e: Engine, id: string, sid: string) => void e.cancelSubtask(id, sid) },
  subtaskLog: { method: 'GET', answer: (e: Engine, id: string, sid: string): SubtaskLogWire => ({ log: e.subtaskLog(id, sid) }) },
} satisfies Record<string, { method: 'GET' | 'POST'; answer: (e: Engine, id: string, sid: string) => unknown }>;

export type EndpointName = keyof typeof ENDPOINTS;

/** A request to one of the endpoints above, with its path ids decoded but not yet parsed as Longs. */
export interface Call {
  endpoint: EndpointName;
  taskId: string;
  subtaskId: string | undefined;
  /** POSTs and log reads are counted in `/__simulator/stats`; the task GET is not (it polls every second). */
  counted: boolean;
}

const TASK_PATH = /^\/api\/v2\/tasks\/instances\/([^/]+)(?:\/(rollback|retry)|\/subtasks\/([^/]+)\/(retry|skip|cancel|log))?\/*$/;
const SUBTASK_ENDPOINTS = { retry: 'subtaskRetry', skip: 'subtaskSkip', cancel: 'subtaskCancel', log: 'subtaskLog' } as const;

/** Which endpoint a path names, whatever the method (a wrong method is OCP's 405, not a 404). */
export function matchCall(method: string, pathname: string): Call | undefined {
  const m = TASK_PATH.exec(pathname);
  if (!m) return undefined;
  const [, rawId = '', taskAction, rawSid, subtaskAction] = m;
  const endpoint: EndpointName = subtaskAction
    ? SUBTASK_ENDPOINTS[subtaskAction as keyof typeof SUBTASK_ENDPOINTS]
    : ((taskAction as 'rollback' | 'retry' | undefined) ?? 'task');
  return {
    endpoint,
    taskId: decode(rawId),
    subtaskId: rawSid === undefined ? undefined : decode(rawSid),
    counted: method === ENDPOINTS[endpoint].method && endpoint !== 'task',
  };
}

/** A malformed escape stays as sent, so the Long check words it instead of the request failing with a 500. */
function decode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
