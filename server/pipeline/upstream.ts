import { Pool, type Dispatcher } from 'undici';
import type { ConsoleFault } from '../../src/api/consoleProtocol.ts';

/**
 * The one HTTP client towards OCP: an undici Pool (Node's own HTTP engine) with a connect timeout
 * and a reply timeout that covers both the wait for the headers and any silence inside the body.
 * Redirects are never followed (undici does not follow them), nothing is retried, and only headers
 * the pipeline builds itself are sent.
 */
export interface Upstream {
  /** Where OCP is, for the start-up banner only: never put in a reply to the browser. */
  readonly url: string;
  request(options: {
    method: 'GET' | 'POST';
    /** Path and query below OCP_URL, e.g. `/api/v2/tasks/instances/1`. */
    path: string;
    headers: Record<string, string>;
    body?: string | Uint8Array | undefined;
    signal?: AbortSignal;
    /** Overrides the reply timeout (readiness checks use 2 s). */
    timeoutMs?: number;
  }): Promise<Dispatcher.ResponseData>;
  close(): Promise<void>;
}

export interface UpstreamOptions {
  url: string;
  insecureTls: boolean;
  connectTimeoutMs: number;
  replyTimeoutMs: number;
}

export function createUpstream(options: UpstreamOptions): Upstream {
  const target = new URL(options.url);
  const prefix = target.pathname.replace(/\/+$/, '');
  const pool = new Pool(target.origin, {
    connect: { timeout: options.connectTimeoutMs, rejectUnauthorized: !options.insecureTls },
    headersTimeout: options.replyTimeoutMs,
    bodyTimeout: options.replyTimeoutMs,
    connections: 32,
  });
  return {
    url: options.url,
    request({ method, path, headers, body, signal, timeoutMs }) {
      return pool.request({
        method,
        path: prefix + path,
        headers: { 'user-agent': 'ocp-task-console', ...headers },
        body,
        signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
    },
    close: () => pool.close(),
  };
}

export interface UpstreamFailure {
  status: number;
  fault: ConsoleFault;
  message: string;
}

/** Words a failure to get a reply from OCP; never names OCP's address (the browser must not learn it). */
export function describeUpstreamError(
  error: unknown,
  options: Pick<UpstreamOptions, 'connectTimeoutMs' | 'replyTimeoutMs'>,
): UpstreamFailure {
  const code = errorCode(error);
  const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return {
      status: 504,
      fault: 'connect-timeout',
      message: `OCP did not accept a connection within ${seconds(options.connectTimeoutMs)}.`,
    };
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return { status: 504, fault: 'reply-timeout', message: `OCP did not answer within ${seconds(options.replyTimeoutMs)}.` };
  }
  const reason =
    code === 'ECONNREFUSED'
      ? 'the connection was refused'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'its host name does not resolve'
        : code?.startsWith('ERR_TLS') || code?.includes('CERT') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT'
          ? `its TLS certificate was refused (${code}); for a self-signed certificate set OCP_INSECURE_TLS=1`
          : `the connection failed${code ? ` (${code})` : ''}`;
  return { status: 502, fault: 'unreachable', message: `Could not reach OCP: ${reason}.` };
}

function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : undefined;
}
