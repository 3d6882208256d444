import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { Envelope } from '../../src/api/schemas.ts';
import { createSimulatorMiddleware } from './http.ts';
import { createSimulator } from './simulator.ts';
import { T0 } from './testkit.ts';

export type Reply = Record<string, unknown> & { data?: unknown; error?: { code?: number; message?: string } };

/**
 * Test helper: the simulator behind a real node:http server on a loopback port, on a hand-driven
 * clock that every test starts at T0 with every scenario reset. Registers its own Vitest hooks.
 */
export function serveSimulator() {
  let now = T0;
  const sim = createSimulator({ now: () => now, env: {} });
  let server: Server;
  let base = '';

  beforeAll(async () => {
    const handle = createSimulatorMiddleware({ simulator: sim });
    server = createServer((req, res) => handle(req, res, () => res.writeHead(418).end('{"next":true}')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    now = T0;
    sim.reset();
  });

  async function call(path: string, init: RequestInit & { user?: string } = {}) {
    const headers = new Headers(init.headers);
    if (init.user) headers.set('Authorization', `Basic ${Buffer.from(init.user).toString('base64')}`);
    const res = await fetch(base + path, { ...init, headers });
    const text = await res.text();
    return { res, text, body: JSON.parse(text) as Reply };
  }

  const post = (path: string, body: unknown) =>
    call(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

  async function expectError(
    path: string,
    init: RequestInit & { user?: string },
    status: number,
    code: number | undefined,
    message: string,
  ) {
    const { res, body } = await call(path, init);
    expect(res.status, path).toBe(status);
    expect(res.headers.get('www-authenticate')).toBeNull();
    expectOcpShape(body);
    expect(Envelope.parse(body)).toMatchObject({ status, successful: false });
    expect(Object.keys(body)).toEqual(['duration', 'error', 'server', 'status', 'successful', 'timestamp', 'traceId']);
    expect(body.error, path).toEqual(code === undefined ? { message } : { code, message });
  }

  return {
    sim,
    call,
    post,
    expectError,
    expectOcpShape,
    advanceMs: (ms: number) => {
      now += ms;
    },
  };
}

/** Where the value breaks OCP's Jackson set-up (keys sorted at every level, no nulls), or null. */
export function shapeViolation(value: unknown, path = '$'): string | null {
  if (value === null) return `${path} is null`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = shapeViolation(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== 'object') return null;
  const keys = Object.keys(value);
  if (keys.join() !== [...keys].sort().join()) return `${path} keys not sorted: ${keys.join()}`;
  for (const k of keys) {
    const found = shapeViolation((value as Record<string, unknown>)[k], `${path}.${k}`);
    if (found) return found;
  }
  return null;
}

export const expectOcpShape = (value: unknown) => expect(shapeViolation(value)).toBeNull();
