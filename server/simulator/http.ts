import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import type { EnvelopeWire } from '../../src/api/schemas.ts';
import { handleControl, sendBrokenReply } from './control.ts';
import { accessDenied, notALong, notLoggedIn, TaskApiError } from './errors.ts';
import { formatOcpTime } from './ocpTime.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from './simulator.ts';
import { ENDPOINTS, matchCall, type Call } from './routes.ts';
import { queryTasks } from './taskQuery.ts';
import { toOcpJson } from './wire.ts';

/** Connect-style middleware, as Vite's dev and preview servers (and node:http) take it. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

const API = '/api/v2/tasks';
/** Like OCP's `server` field: a short hex id of the host that answered. */
const SERVER_ID = createHash('sha1').update(hostname()).digest('hex').slice(0, 10);
const MAX_LONG = 9223372036854775807n;

type Role = 'TASK_VIEWER' | 'TASK_MANAGER';
const USERS: Record<string, { password: string; roles: readonly Role[] } | undefined> = {
  admin: { password: 'admin', roles: ['TASK_VIEWER', 'TASK_MANAGER'] },
  viewer: { password: 'viewer', roles: ['TASK_VIEWER'] },
};

/**
 * The built-in OCP task API, answered the way OCP answers it (see routes.ts for the endpoints);
 * other `/api` paths get OCP's 404.
 * Also serves the test-only control endpoints under `/__simulator/` (see control.ts).
 * Anything else goes to `next()`.
 */
export function createSimulatorMiddleware(options: SimulatorOptions & { simulator?: Simulator } = {}): Middleware {
  const sim = options.simulator ?? createSimulator(options);
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    if (url.pathname.startsWith('/__simulator/')) {
      handleControl(sim, req, res, url).catch(next);
      return;
    }
    if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) {
      next();
      return;
    }
    req.resume(); // bodies of API requests are not used
    handleApi(sim, req, res, url);
  };
}

function handleApi(sim: Simulator, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const started = performance.now();
  const method = req.method ?? 'GET';
  const header = req.headers['x-trace-id'];
  const traceId = (Array.isArray(header) ? header[0] : header)?.slice(0, 128) || randomBytes(8).toString('hex');
  const envelope = { server: SERVER_ID, traceId, timestamp: formatOcpTime(sim.now()) };
  const duration = () => Math.round(performance.now() - started);

  const call = matchCall(method, url.pathname);
  // Counted as they arrive, before faults and auth: a test checks what the console sent.
  if (call?.counted) sim.countRequest(call.endpoint, call.subtaskId === undefined ? call.taskId : `${call.taskId}/${call.subtaskId}`);
  sim.countApiRequest();
  const fault = sim.takeFault(method, url.pathname);
  if (fault && sendBrokenReply(fault, res)) return;

  try {
    if (fault?.kind === 'status') throw new TaskApiError(fault.status, undefined, FAULT_MESSAGES[fault.status]);
    const roles = authorize(sim, req);
    const data = route(sim, method, url, call, roles);
    // `applied`: the request was carried out, and OCP answers with an error anyway.
    if (fault) throw new TaskApiError(fault.status, undefined, FAULT_MESSAGES[fault.status]);
    send(res, 200, { ...envelope, data, duration: duration(), status: 200, successful: true });
  } catch (e) {
    const err = e instanceof TaskApiError ? e : internalError(e);
    const error = { code: err.code, message: err.message };
    send(res, err.status, { ...envelope, duration: duration(), error, status: err.status, successful: false });
  }
}

const FAULT_MESSAGES = { 500: 'Internal server error', 502: 'Bad gateway', 503: 'Service unavailable' } as const;

function internalError(e: unknown): TaskApiError {
  console.error('[ocp-simulator] unexpected error', e);
  return new TaskApiError(500, undefined, FAULT_MESSAGES[500]);
}

/** Basic auth when it is on; the roles of the caller. Never sends WWW-Authenticate (no browser dialog). */
function authorize(sim: Simulator, req: IncomingMessage): readonly Role[] {
  if (!sim.config.auth) return ['TASK_VIEWER', 'TASK_MANAGER'];
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(req.headers.authorization ?? '');
  const decoded = m ? Buffer.from(m[1] ?? '', 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const user = colon > 0 ? USERS[decoded.slice(0, colon)] : undefined;
  if (!user || user.password !== decoded.slice(colon + 1)) throw notLoggedIn();
  return user.roles;
}

function route(sim: Simulator, method: string, url: URL, call: Call | undefined, roles: readonly Role[]): unknown {
  const path = url.pathname.replace(/\/+$/, '');
  if (path === `${API}/instances`) {
    allow(method, 'GET');
    return queryTasks(sim.engine.tasks(), url.searchParams);
  }
  if (!call) throw new TaskApiError(404, undefined, `No handler found for ${method} ${url.pathname}`);
  const endpoint = ENDPOINTS[call.endpoint];
  allow(method, endpoint.method);
  const id = parseLong('taskInstanceId', call.taskId);
  const sid = call.subtaskId === undefined ? '' : parseLong('subtaskInstanceId', call.subtaskId);
  if (endpoint.method === 'POST' && !roles.includes('TASK_MANAGER')) throw accessDenied();
  return endpoint.answer(sim.engine, id, sid);
}

function allow(method: string, expected: 'GET' | 'POST'): void {
  if (method !== expected) throw new TaskApiError(405, undefined, `Request method '${method}' not supported`);
}

/** The path variable as Spring binds a Long: `abc` or an out-of-range number is a 400 without a code. */
function parseLong(param: string, raw: string): string {
  if (/^[-+]?\d{1,19}$/.test(raw)) {
    const n = BigInt(raw);
    if (n <= MAX_LONG && n >= -MAX_LONG - 1n) return n.toString();
  }
  throw notALong(param, raw);
}

function send(res: ServerResponse, status: number, body: EnvelopeWire<unknown>): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json;charset=UTF-8');
  res.setHeader('Cache-Control', 'no-cache, no-store, max-age=0, must-revalidate');
  res.end(toOcpJson(body));
}
