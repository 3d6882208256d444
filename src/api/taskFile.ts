/**
 * Reading a task saved to a file: the console's "Export → Task as JSON" (OCP's reply, byte for byte),
 * a reply saved from OCP by hand (`curl …/instances/{id} > task.json`), or just the task object
 * (`data` of that reply). One reader for both sides: the browser opens such a file read-only, the
 * simulator installs it as an extra scenario. Keep this file free of browser and Node APIs.
 */
import type { core } from 'zod/mini';
// With its extension: the Vite config loads this file through the server (devServer → simulator).
import { Envelope, TaskInstance } from './schemas.ts';

/** Far above any real task (a 5,000-subtask reply is about 2 MB), low enough to refuse a wrong file fast. */
export const MAX_TASK_FILE_BYTES = 64 * 1024 * 1024;

export type TaskFileProblem =
  | { kind: 'empty' }
  | { kind: 'too-large'; bytes: number; limit: number }
  /** `detail`: the parser's own words, with the position of the first bad character. */
  | { kind: 'not-json'; detail: string }
  /** An error reply (`successful: false`) was saved instead of a task. */
  | { kind: 'error-reply'; status: number; code: number | undefined; message: string | undefined }
  /** A page of the task list (`data.contents`), not one task. */
  | { kind: 'task-list' }
  /** JSON, but neither a reply nor a task object. */
  | { kind: 'not-a-task' }
  /** A task without its `subtasks` (a list entry, or a reply cut down by hand): nothing to draw. */
  | { kind: 'no-subtasks'; field: string }
  /** A task whose fields break the contract; `root` is where the task sits in the file ('data' or ''). */
  | { kind: 'invalid'; error: core.$ZodError; root: string };

export type TaskFileResult =
  | {
      ok: true;
      task: TaskInstance;
      /** The task object exactly as the file holds it (`data` of a reply): what the simulator installs. */
      wire: unknown;
      /** The file was a whole OCP reply (envelope), not just the task. */
      reply: boolean;
    }
  | { ok: false; problem: TaskFileProblem };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a task file's bytes (UTF-8, a BOM is dropped). */
export function readTaskFileBytes(bytes: Uint8Array): TaskFileResult {
  if (bytes.byteLength > MAX_TASK_FILE_BYTES) {
    return { ok: false, problem: { kind: 'too-large', bytes: bytes.byteLength, limit: MAX_TASK_FILE_BYTES } };
  }
  return readTaskFileText(new TextDecoder().decode(bytes));
}

export function readTaskFileText(text: string): TaskFileResult {
  if (!text.trim()) return { ok: false, problem: { kind: 'empty' } };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: { kind: 'not-json', detail: e instanceof Error ? e.message : String(e) } };
  }
  return readTaskFileValue(value);
}

/** The file's parsed JSON: a reply with the task in `data`, or the task itself. */
export function readTaskFileValue(value: unknown): TaskFileResult {
  if (!isObject(value)) return { ok: false, problem: { kind: 'not-a-task' } };
  const envelope = 'successful' in value ? Envelope.safeParse(value) : undefined;
  if (envelope?.success) {
    const { successful, status, error, data } = envelope.data;
    if (!successful) return { ok: false, problem: { kind: 'error-reply', status, code: error?.code, message: error?.message } };
    return readTask(data, 'data', true);
  }
  return readTask(value, '', false);
}

function readTask(value: unknown, root: string, reply: boolean): TaskFileResult {
  if (!isObject(value)) return { ok: false, problem: { kind: 'not-a-task' } };
  if (isObject(value.page) && Array.isArray(value.contents)) return { ok: false, problem: { kind: 'task-list' } };
  // Not a task at all (some other JSON): say so rather than "id: expected a number".
  if (!('id' in value) || !('status' in value)) return { ok: false, problem: { kind: 'not-a-task' } };
  if (value.subtasks === undefined || value.subtasks === null) {
    return { ok: false, problem: { kind: 'no-subtasks', field: [root, 'subtasks'].filter(Boolean).join('.') } };
  }
  const parsed = TaskInstance.safeParse(value);
  if (!parsed.success) return { ok: false, problem: { kind: 'invalid', error: parsed.error, root } };
  return { ok: true, task: parsed.data, wire: value, reply };
}
