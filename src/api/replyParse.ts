/**
 * The happy path of reading a large reply, without browser or i18n APIs, so it can run in a worker
 * (reply.worker.ts): decode the bytes, parse the JSON, check OCP's envelope and the data's schema.
 * Anything else (not JSON, an error reply, a reply off the contract) answers `null`, and the client
 * reads the same bytes on the main thread, where errors are worded: one place says what went wrong.
 */
import { sameSubtask } from './reuseSubtasks';
import { Envelope, TaskInstance, TaskPage, type SubtaskInstance } from './schemas';

/** The schemas whose replies can be large enough to parse off the main thread, by name. */
export const WORKER_SCHEMAS = { TaskInstance, TaskPage } as const;
export type WorkerSchemaName = keyof typeof WORKER_SCHEMAS;

export function parseLargeReply(bytes: Uint8Array, schema: WorkerSchemaName): { data: unknown } | null {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  const envelope = Envelope.safeParse(body);
  if (!envelope.success || !envelope.data.successful) return null;
  const parsed = WORKER_SCHEMAS[schema].safeParse(envelope.data.data);
  return parsed.success ? { data: parsed.data } : null;
}

export interface ReplyParseRequest {
  id: number;
  bytes: Uint8Array;
  schema: WorkerSchemaName;
  /** The answer whose task the page holds (the last it received), 0 for none: a new task is sent against it. */
  base: number;
}

export type ReplyParseResponse =
  | {
      id: number;
      data: unknown;
      /**
       * Set when `data` is a task: 0 when it is whole, else the answer it was sent against, its `subtasks`
       * holding, for each subtask equal to one of that answer's task, that one's index there.
       */
      base?: number;
    }
  | { id: number; data?: undefined; fallback: true };

/**
 * What the worker runs per request. A task's answer carries only the subtasks that changed since the
 * task the page holds; the others go as their index in it (`restoreTask`): a poll of a 5,000-subtask
 * task changes a few dozen, and copying all 5,000 objects to the main thread was a long task of its own
 * (the copy is read there, in one piece). The page keeps the objects it had, as it would after
 * `reuseUnchangedSubtasks`. Holds the last task it sent, to compare the next one against.
 */
export function createReplyParser(): (request: ReplyParseRequest) => ReplyParseResponse {
  let last: { seq: number; task: TaskInstance } | null = null;
  return ({ id, bytes, schema, base }) => {
    const parsed = parseLargeReply(bytes, schema);
    if (!parsed) return { id, fallback: true };
    if (schema !== 'TaskInstance') return { id, data: parsed.data };
    const task = parsed.data as TaskInstance;
    const previous = last && last.seq === base && last.task.id === task.id ? last.task : null;
    last = { seq: id, task };
    if (!previous) return { id, data: task, base: 0 };
    const at = new Map(previous.subtasks.map((s, i) => [s.id, i]));
    const subtasks: (SubtaskInstance | number)[] = task.subtasks.map((s) => {
      const i = at.get(s.id);
      return i !== undefined && sameSubtask(previous.subtasks[i]!, s) ? i : s;
    });
    return { id, data: { ...task, subtasks }, base };
  };
}

/** The task an answer with `base` stands for, from the task of answer `base` the page holds; null if it holds another. */
export function restoreTask(held: { seq: number; task: TaskInstance } | null, data: unknown, base: number): TaskInstance | null {
  if (!held || held.seq !== base) return null;
  const wire = data as Omit<TaskInstance, 'subtasks'> & { subtasks: (SubtaskInstance | number)[] };
  const before = held.task.subtasks;
  const subtasks: SubtaskInstance[] = [];
  for (const s of wire.subtasks) {
    const kept = typeof s === 'number' ? before[s] : s;
    if (kept === undefined) return null;
    subtasks.push(kept);
  }
  return { ...wire, subtasks };
}
