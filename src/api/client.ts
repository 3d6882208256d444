import type { z } from 'zod/mini';
import { currentLanguage } from '../i18n/i18n';
import { ApiError, describeZodError } from './errors';
import { Envelope } from './schemas';

/** Same-origin: the dev/preview server answers from the simulator or proxies to OCP; production sits behind a proxy. */
export const API_BASE = '/api/v2/tasks';

interface RequestOptions {
  method?: 'GET' | 'POST';
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal | undefined;
  /** Give up after this long with a network ApiError (the request may or may not have reached OCP). */
  timeoutMs?: number;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

/**
 * The one place the console talks HTTP. Unwraps OCP's envelope and parses `data` with `schema`;
 * every failure becomes an ApiError. Pass `schema: null` for endpoints whose reply may carry no data
 * (OCP Express answers rollback without `data`).
 */
export async function request<S extends z.ZodMiniType>(
  path: string,
  schema: S,
  options?: RequestOptions,
): Promise<z.output<S>>;
export async function request(path: string, schema: null, options?: RequestOptions): Promise<unknown>;
export async function request(path: string, schema: z.ZodMiniType | null, options: RequestOptions = {}): Promise<unknown> {
  const { method = 'GET', query, signal, timeoutMs } = options;
  const timeout = timeoutMs === undefined ? undefined : AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      signal: signal && timeout ? AbortSignal.any([signal, timeout]) : (signal ?? timeout),
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage() },
      credentials: 'same-origin',
    });
  } catch (cause) {
    if (timeout?.aborted) {
      throw new ApiError({ kind: 'network', message: `OCP did not answer within ${timeoutMs! / 1000} s.`, cause });
    }
    if (signal?.aborted) throw cause;
    throw new ApiError({ kind: 'network', message: 'Could not reach the OCP server. Check the network and try again.', cause });
  }

  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const envelope = Envelope.safeParse(body);

  if (!res.ok || (envelope.success && !envelope.data.successful)) {
    const env = envelope.success ? envelope.data : undefined;
    throw new ApiError({
      kind: 'http',
      status: res.status,
      code: env?.error?.code,
      traceId: env?.traceId,
      message: env?.error?.message ?? defaultMessage(res.status, res.statusText),
    });
  }
  if (!envelope.success) {
    const { field, message } = describeZodError(envelope.error, '');
    throw new ApiError({
      kind: 'schema',
      status: res.status,
      field: field || '(body)',
      message: `Unexpected reply from OCP: ${field || 'body'}: ${body === undefined ? 'not JSON' : message}`,
    });
  }
  if (schema === null) return envelope.data.data;

  const parsed = schema.safeParse(envelope.data.data);
  if (!parsed.success) {
    const { field, message } = describeZodError(parsed.error, 'data');
    throw new ApiError({
      kind: 'schema',
      status: res.status,
      field,
      traceId: envelope.data.traceId,
      message: `Unexpected reply from OCP: ${field}: ${message}`,
    });
  }
  return parsed.data;
}

function defaultMessage(status: number, statusText: string): string {
  if (status === 401) return 'Not logged in to OCP, or the credentials were refused.';
  if (status === 403) return 'You are not authorized to perform this operation.';
  if (status >= 500) return `The OCP server failed (HTTP ${status}${statusText ? ` ${statusText}` : ''}).`;
  return `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
}
