import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_TASK_FILE_BYTES } from '../../src/api/taskFile.ts';
import { readSavedTask, SavedTaskError } from './savedTasks.ts';
import type { Fault, FaultKind, Simulator, SimulatorConfig } from './simulator.ts';

/**
 * Test-only endpoints, outside `/api` so a proxy to a real OCP never forwards them:
 * - `POST /__simulator/reset` `{ auth?, tickMs?, dropUploads? }`: every scenario back to its initial state
 *   as of now, saved tasks (SIM_TASKS_DIR and uploads) reinstalled as saved, or the uploads forgotten with
 *   `dropUploads: true`; fields left out return to the start-up configuration; clears faults and stats.
 * - `POST /__simulator/tasks`, body: a saved task file (OCP's reply to `GET …/instances/{id}`, the console's
 *   "Task as JSON" export, or the bare task), up to MAX_TASK_FILE_BYTES: installed as an extra scenario
 *   that survives resets (savedTasks.ts) → 201 `{ id, name, subtasks, replaced }`; 400 `{ error, field?,
 *   subtaskId? }` for a file it cannot hold (worded: what, where, what to do); 409 for a built-in id.
 * - `POST /__simulator/fault` `{ method?, path, kind? = "status", status?: 500|502|503, count? = 1 }`:
 *   the next `count` requests to exactly `path` (and `method`, when given) fail: with that status, or
 *   as a broken OCP does (`applied`, `hang`, `stall`, `cut`, `redirect`, `html`: see FaultKind).
 * - `GET /__simulator/scenarios`: `[{ id, key, title }]`, saved tasks last with key `file:<id>`.
 * - `GET /__simulator/stats`: `{ rollbackRequests: { "<taskId>": n }, requests: { <endpoint>: { "<taskId>[/<subtaskId>]": n } }, apiRequests: n }`
 *   (apiRequests: every /api request that arrived),
 *   endpoints `rollback`, `retry`, `subtaskRetry`, `subtaskSkip`, `subtaskCancel`, `subtaskLog` (routes.ts).
 */
export async function handleControl(sim: Simulator, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'POST /__simulator/reset': {
        const body = await readJson(req);
        if (body.dropUploads !== undefined && typeof body.dropUploads !== 'boolean') throw new Error('"dropUploads" must be a boolean');
        sim.reset(parseReset(body), { dropUploads: body.dropUploads === true });
        return reply(res, 200, { ...sim.config, scenarios: sim.scenarios().length });
      }
      case 'POST /__simulator/tasks': {
        const task = readSavedTask(await readBytes(req, MAX_TASK_FILE_BYTES));
        const { replaced } = sim.upload(task);
        return reply(res, 201, { id: task.spec.id, name: task.spec.name, subtasks: task.spec.subtasks.length, replaced });
      }
      case 'POST /__simulator/fault': {
        const fault = parseFault(await readJson(req));
        sim.addFault(fault);
        return reply(res, 200, fault);
      }
      case 'GET /__simulator/scenarios':
        return reply(res, 200, sim.scenarios());
      case 'GET /__simulator/stats':
        return reply(res, 200, { rollbackRequests: sim.requests.rollback ?? {}, requests: sim.requests, apiRequests: sim.apiRequests });
      default:
        return reply(res, 404, { error: `No simulator control endpoint ${route}` });
    }
  } catch (e) {
    if (e instanceof SavedTaskError) return reply(res, e.status, { error: e.message, ...e.where });
    return reply(res, 400, { error: e instanceof Error ? e.message : String(e) });
  }
}

/** The body as bytes, refused past `limit` (a task file is read as bytes: its encoding is the reader's job). */
async function readBytes(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Read to the end even past the limit: leaving the loop would destroy the socket before the 400 goes out.
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.byteLength;
    if (size <= limit) chunks.push(buf);
  }
  if (size > limit) throw new SavedTaskError(`The file is ${size} bytes, above the limit of ${limit} bytes: it is not one task.`);
  return Buffer.concat(chunks);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > 65_536) throw new Error('request body too large');
  }
  if (!text.trim()) return {};
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('expected a JSON object');
  return value as Record<string, unknown>;
}

function parseReset(body: Record<string, unknown>): Partial<SimulatorConfig> {
  const out: Partial<SimulatorConfig> = {};
  if (body.auth !== undefined) {
    if (typeof body.auth !== 'boolean') throw new Error('"auth" must be a boolean');
    out.auth = body.auth;
  }
  if (body.tickMs !== undefined) {
    if (typeof body.tickMs !== 'number' || !(body.tickMs >= 10 && body.tickMs <= 600_000)) {
      throw new Error('"tickMs" must be a number of milliseconds between 10 and 600000');
    }
    out.tickMs = body.tickMs;
  }
  return out;
}

const KINDS: readonly FaultKind[] = ['status', 'applied', 'hang', 'stall', 'cut', 'redirect', 'html'];

function parseFault(body: Record<string, unknown>): Fault {
  const { method, path, kind = 'status', count = 1 } = body;
  const status = body.status ?? 500;
  if (method !== undefined && method !== 'GET' && method !== 'POST') throw new Error('"method" must be "GET" or "POST"');
  if (typeof path !== 'string' || !path.startsWith('/api/')) throw new Error('"path" must be an /api/... path');
  if (!KINDS.includes(kind as FaultKind)) throw new Error(`"kind" must be one of ${KINDS.join(', ')}`);
  if (status !== 500 && status !== 502 && status !== 503) throw new Error('"status" must be 500, 502 or 503');
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw new Error('"count" must be a positive integer');
  return { method, path: path.split('?')[0] ?? path, kind: kind as FaultKind, status, count };
}

/** A reply whose first half looks like the start of OCP's envelope. */
const HALF_BODY = '{"data":{"cluster":{"id":1,"name":"ob-prod"},"createTime":"2026-01-01T00:00:00.000+08:00","id":';

/**
 * Answers as a broken OCP for every kind but `status` and `applied` (which the API answers as an OCP
 * error, `applied` after carrying the request out) and returns whether it did.
 */
export function sendBrokenReply(fault: Fault, res: ServerResponse): boolean {
  switch (fault.kind) {
    case 'status':
    case 'applied':
      return false;
    case 'hang':
      return true; // nothing, ever: only the caller's timeout ends this
    case 'stall':
    case 'cut':
      res.writeHead(200, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': String(HALF_BODY.length * 2) });
      res.write(HALF_BODY);
      if (fault.kind === 'cut') setTimeout(() => res.destroy(), 50);
      return true;
    case 'redirect':
      res.writeHead(302, { Location: 'http://ocp-internal.corp.example:8080/login?redirect=%2Fapi%2Fv2%2Ftasks' });
      res.end();
      return true;
    case 'html':
      res.writeHead(200, { 'Content-Type': 'text/html;charset=UTF-8' });
      res.end('<!doctype html><html><head><title>OCP login</title></head><body><form action="/login"></form></body></html>');
      return true;
  }
}
