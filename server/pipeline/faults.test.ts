import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SAME_ORIGIN_POST, startTestConsole, type TestConsole } from './testkit.ts';

const T = '/api/v2/tasks/instances';

/**
 * Each fault of the simulator's fault control, through the real pipeline over real HTTP (a cut body
 * must end the browser's response, which inject cannot show), with a 500 ms reply timeout.
 */
describe('an upstream that misbehaves', () => {
  let c: TestConsole;
  let base: string;
  beforeAll(async () => {
    c = await startTestConsole({ OCP_REPLY_TIMEOUT_MS: '500', SIM_TICK_MS: '600000' });
    await c.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(c.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => c.close());
  beforeEach(async () => {
    await c.app.inject({ method: 'POST', url: '/__simulator/reset', headers: SAME_ORIGIN_POST, payload: {} });
  });
  const fault = (kind: string, path = `${T}/1001`, method = 'GET') =>
    c.app.inject({ method: 'POST', url: '/__simulator/fault', headers: SAME_ORIGIN_POST, payload: { path, kind, method } });

  it('hang: 504 reply-timeout after the reply timeout, worded', async () => {
    await fault('hang');
    const started = performance.now();
    const res = await fetch(`${base}${T}/1001`);
    const ms = performance.now() - started;
    expect(res.status).toBe(504);
    expect(res.headers.get('x-ocp-console-error')).toBe('reply-timeout');
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('OCP did not answer within 0.5 s.');
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(3000);
  });

  it('cut: the browser’s response ends at once, broken, not hanging', async () => {
    // Uncompressed, the first half is already on its way: the response is cut too.
    await fault('cut');
    const plain = await fetch(`${base}${T}/1001`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.status).toBe(200);
    const started = performance.now();
    await expect(plain.text()).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1000);
    // Compressed, the compressor may not have sent a byte yet: then a worded error instead.
    await fault('cut');
    const gzip = await fetch(`${base}${T}/1001`, { headers: { 'accept-encoding': 'gzip' } });
    if (gzip.status === 200) await expect(gzip.text()).rejects.toThrow();
    else expect(((await gzip.json()) as { error: { message: string } }).error.message).toBe('OCP broke off its reply.');
  });

  it('stall: silence mid-body ends the browser’s response after the reply timeout', async () => {
    await fault('stall');
    const res = await fetch(`${base}${T}/1001`);
    const started = performance.now();
    await expect(res.text()).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('redirect: 502 that says OCP refused the credentials, with no upstream URL anywhere', async () => {
    await fault('redirect');
    const res = await fetch(`${base}${T}/1001`, { redirect: 'manual' });
    expect(res.status).toBe(502);
    expect(res.headers.get('x-ocp-console-error')).toBe('redirect');
    expect(res.headers.get('location')).toBeNull();
    const text = await res.text();
    expect(text).toContain('refused the console’s credentials or session');
    expect(text).not.toContain('ocp-internal');
  });

  it('html: an error that keeps OCP’s HTTP status in its words', async () => {
    await fault('html');
    const res = await fetch(`${base}${T}/1001`);
    expect(res.status).toBe(502);
    expect(res.headers.get('x-ocp-console-error')).toBe('not-json');
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('OCP answered HTTP 200 with text/html, not JSON.');
  });

  it('a hung rollback: one request reached OCP, 504 worded, audited as failed', async () => {
    await fault('hang', `${T}/1001/rollback`, 'POST');
    const res = await fetch(`${base}${T}/1001/rollback`, { method: 'POST', headers: { origin: base, 'x-ocp-console': '1' } });
    expect(res.status).toBe(504);
    expect((await c.simStats()).rollbackRequests).toEqual({ '1001': 1 });
    expect(c.logs().some((l) => l.log === 'audit' && l.action === 'rollback' && l.outcome === 'failed')).toBe(true);
  });

  it('an unreachable OCP: 502 unreachable, quickly', async () => {
    const dead = await startTestConsole({ OCP_URL: 'http://127.0.0.1:1', OCP_USERNAME: 'a', OCP_PASSWORD: 'b' });
    try {
      const res = await dead.app.inject({ url: `${T}/1` });
      expect(res.statusCode).toBe(502);
      expect(res.json()).toMatchObject({ error: { message: 'Could not reach OCP: the connection was refused.' } });
      expect((await dead.app.inject({ url: '/readyz' })).statusCode).toBe(503);
    } finally {
      await dead.close();
    }
  });
});
