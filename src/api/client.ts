import i18next from 'i18next';
import type { z } from 'zod/mini';
import { CONSOLE_ERROR_HEADER, CONSOLE_HEADER, CONSOLE_HEADER_VALUE, isConsoleFault } from './consoleProtocol';
import { currentLanguage } from '../i18n/i18n';
import { ApiError, describeZodError } from './errors';
import { keepRawReply } from './rawReply';
import { parseInWorker, WORKER_PARSE_MIN_BYTES, workerSchemaName } from './replyWorker';
import { Envelope } from './schemas';

/** Same-origin: the console's own server (`npm start` or `npm run serve`) forwards these to OCP. */
export const API_BASE = '/api/v2/tasks';

/**
 * GETs give up after this long. The console's server answers a hung OCP with a worded 504 after 30 s
 * (its default); this limit is for a deployment behind another web server that does not.
 */
export const GET_TIMEOUT_MS = 35_000;

interface RequestOptions {
  method?: 'GET' | 'POST';
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal | undefined;
  /** Give up after this long with a network ApiError (the request may or may not have reached OCP). Default for GET: GET_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Keep the reply's bytes with the parsed value (rawReply.ts): only for replies someone may save as sent. */
  keepRaw?: boolean;
}

/** Called when the console's server says sign-in is required (per-user sign-in mode); the auth feature sets it. */
let onSignInRequired: (() => void) | undefined;
export function setSignInRequiredHandler(handler: (() => void) | undefined): void {
  onSignInRequired = handler;
}

const t = (key: string, options?: Record<string, unknown>) => i18next.t(`errors:${key}`, options);

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * The one place the console talks HTTP to its server: sets the console's custom header (the server
 * refuses state-changing requests without it), bounds the wait, and turns a failure to get any reply
 * into a worded network ApiError.
 */
export async function send(
  url: string,
  init: { method: 'GET' | 'POST'; body?: string; signal?: AbortSignal | undefined; timeoutMs?: number | undefined },
): Promise<Response> {
  const { method, body, signal } = init;
  const timeoutMs = init.timeoutMs ?? (method === 'GET' ? GET_TIMEOUT_MS : undefined);
  const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  // OCP words its own messages in the language on screen.
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
    [CONSOLE_HEADER]: CONSOLE_HEADER_VALUE,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(url, {
      method,
      body,
      signal: signal && timeout ? AbortSignal.any([signal, timeout]) : (signal ?? timeout),
      headers,
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    await loadWording();
    if (timeout?.aborted) {
      throw new ApiError({ kind: 'network', timedOut: true, message: t('client.timeout', { seconds: timeoutMs! / 1000 }), cause });
    }
    throw new ApiError({ kind: 'network', message: t('client.unreachable'), cause });
  }
}

/** Errors are worded when they happen; make sure their catalog is in (a no-op once loaded). */
function loadWording(): Promise<unknown> {
  return i18next.isInitialized ? i18next.loadNamespaces('errors') : Promise.resolve();
}

/**
 * Unwraps OCP's envelope and parses `data` with `schema`; every failure becomes an ApiError. Pass
 * `schema: null` for endpoints whose reply may carry no data (OCP Express answers rollback without `data`).
 */
export async function request<S extends z.ZodMiniType>(path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
export async function request(path: string, schema: null, options?: RequestOptions): Promise<unknown>;
export async function request(path: string, schema: z.ZodMiniType | null, options: RequestOptions = {}): Promise<unknown> {
  const { method = 'GET', query, signal, timeoutMs, keepRaw = false } = options;
  const res = await send(buildUrl(path, query), { method, signal, timeoutMs });

  // Read as bytes, so they can be kept; decoded below as `res.text()` would (UTF-8, BOM dropped).
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (cause) {
    if (signal?.aborted) throw cause;
    await loadWording();
    // The headers came, then the connection died: the console's server ends the reply at once when OCP does.
    throw new ApiError({ kind: 'network', status: res.status, message: t('client.cutOff', { status: res.status }), cause });
  }
  // A large reply is parsed and validated in a worker: at 5,000 subtasks that is a long task per poll.
  const inWorker = res.ok && bytes.length >= WORKER_PARSE_MIN_BYTES ? workerSchemaName(schema) : null;
  if (inWorker) {
    const parsed = await parseInWorker(bytes, inWorker);
    if (parsed) {
      if (keepRaw) keepRawReply(parsed.data, bytes);
      return parsed.data;
    }
    // Not a successful reply on the contract (or no worker): read below, where what is wrong is worded.
  }

  const text = new TextDecoder().decode(bytes);
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const envelope = Envelope.safeParse(body);

  if (!res.ok || (envelope.success && !envelope.data.successful)) {
    await loadWording();
    const env = envelope.success ? envelope.data : undefined;
    const header = res.headers.get(CONSOLE_ERROR_HEADER);
    const fault = isConsoleFault(header) ? header : undefined;
    if (fault === 'sign-in-required') onSignInRequired?.();
    throw new ApiError({
      kind: 'http',
      status: res.status,
      code: env?.error?.code,
      traceId: env?.traceId,
      fault,
      message: env?.error?.message ?? defaultMessage(res.status, res.statusText),
    });
  }
  if (!envelope.success) {
    await loadWording();
    const { field, message } = describeZodError(envelope.error, '');
    throw new ApiError({
      kind: 'schema',
      status: res.status,
      field: field || '(body)',
      message: t('client.unexpectedReply', { field: field || 'body', problem: body === undefined ? t('client.notJson') : message }),
    });
  }
  if (schema === null) return envelope.data.data;

  const parsed = schema.safeParse(envelope.data.data);
  if (!parsed.success) {
    await loadWording();
    const { field, message } = describeZodError(parsed.error, 'data');
    throw new ApiError({
      kind: 'schema',
      status: res.status,
      field,
      traceId: envelope.data.traceId,
      message: t('client.unexpectedReply', { field, problem: message }),
    });
  }
  if (keepRaw) keepRawReply(parsed.data, bytes);
  return parsed.data;
}

function defaultMessage(status: number, statusText: string): string {
  const http = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 401) return t('client.status401');
  if (status === 403) return t('client.status403');
  if (status >= 500) return t('client.status5xx', { http });
  return http;
}
