/**
 * The happy path of reading a large reply, without browser or i18n APIs, so it can run in a worker
 * (reply.worker.ts): decode the bytes, parse the JSON, check OCP's envelope and the data's schema.
 * Anything else (not JSON, an error reply, a reply off the contract) answers `null`, and the client
 * reads the same bytes on the main thread, where errors are worded: one place says what went wrong.
 */
import { Envelope, TaskInstance, TaskPage } from './schemas';

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
}

export type ReplyParseResponse = { id: number; data: unknown } | { id: number; data?: undefined; fallback: true };
