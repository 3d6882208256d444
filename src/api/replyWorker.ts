import { restoreTask, WORKER_SCHEMAS, type ReplyParseRequest, type ReplyParseResponse, type WorkerSchemaName } from './replyParse';
import type { TaskInstance } from './schemas';

/**
 * Replies from this size up are parsed in a worker. Below it the round trip (copying the bytes in,
 * cloning the result out) is not worth it; above it, JSON.parse plus validation is a long task on the
 * main thread (bench, 5,000-subtask poll: zod was the largest part of the poll's long task).
 */
export const WORKER_PARSE_MIN_BYTES = 256 * 1024;

const NAMES = new Map<unknown, WorkerSchemaName>(
  Object.entries(WORKER_SCHEMAS).map(([name, schema]) => [schema, name as WorkerSchemaName]),
);

/** The name the worker knows a schema by, or null for a schema it does not have. */
export const workerSchemaName = (schema: unknown): WorkerSchemaName | null => NAMES.get(schema) ?? null;

let worker: Worker | null = null;
/** Set when the worker cannot start or failed: from then on every reply is read on the main thread. */
let unavailable = typeof Worker === 'undefined';
let nextId = 1;
const waiting = new Map<number, (result: { data: unknown } | null) => void>();
/** The last task the worker sent, and its answer's id: the worker sends the next one against it (createReplyParser). */
let held: { seq: number; task: TaskInstance } | null = null;

function receive(response: ReplyParseResponse): { data: unknown } | null {
  if ('fallback' in response) return null;
  const { id, data, base } = response;
  if (base === undefined) return { data };
  const task = base === 0 ? (data as TaskInstance) : restoreTask(held, data, base);
  // Not restorable (it never is, answers come in order): read on the main thread; the next answer is whole.
  if (!task) return null;
  held = { seq: id, task };
  return { data: task };
}

function startWorker(): Worker {
  const w = new Worker(new URL('./reply.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (event: MessageEvent<ReplyParseResponse>) => {
    // Every answer goes through `receive`, awaited or not, so `held` is what the worker last sent.
    const result = receive(event.data);
    const done = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    done?.(result);
  };
  w.onerror = (event) => {
    event.preventDefault();
    giveUp();
  };
  return w;
}

/** The worker could not load or crashed: whatever waits on it is read on the main thread instead. */
function giveUp() {
  unavailable = true;
  worker?.terminate();
  worker = null;
  for (const done of waiting.values()) done(null);
  waiting.clear();
}

/**
 * The reply's data, parsed and validated in the worker; null when the worker is unavailable or the
 * reply is anything but a successful one that fits the schema (the caller then reads it itself and
 * words what is wrong). The bytes are copied, so the caller keeps its own.
 */
export function parseInWorker(bytes: Uint8Array, schema: WorkerSchemaName): Promise<{ data: unknown } | null> {
  if (unavailable) return Promise.resolve(null);
  worker ??= startWorker();
  const id = nextId++;
  const request: ReplyParseRequest = { id, bytes, schema, base: held?.seq ?? 0 };
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker?.postMessage(request);
  });
}
