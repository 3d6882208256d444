import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ORIGIN, SAME_ORIGIN_POST, startRecordingOcp, startTestConsole, type RecordingOcp, type TestConsole } from './testkit.ts';

const T = '/api/v2/tasks/instances';
const anyString: unknown = expect.any(String);

describe('the pipeline in front of the simulator', () => {
  let c: TestConsole;
  beforeAll(async () => {
    c = await startTestConsole({ SIM_TICK_MS: '600000' });
  });
  afterAll(() => c.close());
  beforeEach(async () => {
    await c.app.inject({ method: 'POST', url: '/__simulator/reset', headers: SAME_ORIGIN_POST, payload: {} });
  });

  it.each([
    ['GET', '/api/v2/users'],
    ['POST', '/api/v2/ob/clusters/1/stop'],
    ['PUT', `${T}/1001/rollback`],
    ['DELETE', `${T}/1001`],
    ['PATCH', `${T}/1001`],
    ['OPTIONS', `${T}/1001/rollback`],
    ['GET', '/apifoo/bar'],
    ['GET', '/api/v2/tasks/../users'],
    ['GET', '/api/v2/tasks/%2e%2e/users'],
    ['GET', `${T}%2f1001`],
    ['GET', `/api/v2/tasks//instances/1001`],
    ['POST', `${T}/1001/rollback/`],
  ])('%s %s is refused in OCP’s envelope and never reaches OCP', async (method, url) => {
    const res = await c.app.inject({ method: method as 'GET', url, headers: SAME_ORIGIN_POST });
    expect([404, 405]).toContain(res.statusCode);
    expect(res.json()).toMatchObject({ successful: false, status: res.statusCode, error: { message: expect.any(String) as unknown } });
    expect(res.headers['x-ocp-console-error']).toBe('not-allowed');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect((await c.simStats()).apiRequests).toBe(0);
  });

  it('forwards an allowed GET and answers with OCP’s reply, not cached', async () => {
    const res = await c.app.inject({ method: 'GET', url: `${T}/1001` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ successful: true, data: { id: 1001 } });
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await c.simStats()).apiRequests).toBe(1);
  });

  describe('a rollback is accepted only from the console itself', () => {
    const refused: [string, Record<string, string>][] = [
      ['no Origin (curl, or an old browser)', { 'x-ocp-console': '1' }],
      ['another origin', { ...SAME_ORIGIN_POST, origin: 'http://localhost:6020' }],
      ['the null origin (sandboxed frame)', { ...SAME_ORIGIN_POST, origin: 'null' }],
      ['Sec-Fetch-Site: same-site', { ...SAME_ORIGIN_POST, 'sec-fetch-site': 'same-site' }],
      ['Sec-Fetch-Site: cross-site', { ...SAME_ORIGIN_POST, 'sec-fetch-site': 'cross-site' }],
      ['no custom header (a form or a no-cors fetch)', { origin: ORIGIN, 'sec-fetch-site': 'same-origin' }],
      ['a wrong custom header value', { ...SAME_ORIGIN_POST, 'x-ocp-console': 'yes' }],
    ];
    it.each(refused)('refuses %s with 403, nothing sent to OCP', async (_name, headers) => {
      const res = await c.app.inject({ method: 'POST', url: `${T}/1001/rollback`, headers });
      expect(res.statusCode).toBe(403);
      expect(res.headers['x-ocp-console-error']).toBe('cross-site');
      expect(await c.simStats()).toMatchObject({ apiRequests: 0, rollbackRequests: {} });
    });

    it('accepts the console’s own POST, sends exactly one request, and writes one audit line', async () => {
      const res = await c.app.inject({ method: 'POST', url: `${T}/1001/rollback`, headers: SAME_ORIGIN_POST });
      expect(res.statusCode).toBe(200);
      expect((await c.simStats()).rollbackRequests).toEqual({ '1001': 1 });
      const audit = c.logs().filter((l) => l.log === 'audit' && l.action === 'rollback' && l.outcome === 'ok');
      expect(audit.at(-1)).toMatchObject({
        user: '(no auth)',
        taskId: '1001',
        status: 200,
        traceId: anyString,
        client: anyString,
        time: anyString,
      });
    });

    it('a refused form POST is audited as refused', async () => {
      await c.app.inject({
        method: 'POST',
        url: `${T}/1002/rollback`,
        headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'a=1',
      });
      expect(c.logs().some((l) => l.log === 'audit' && l.taskId === '1002' && l.outcome === 'refused')).toBe(true);
    });
  });

  it('refuses reads from another site (Sec-Fetch-Site: cross-site), allows typed URLs', async () => {
    expect((await c.app.inject({ url: `${T}/1001`, headers: { 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(403);
    expect((await c.app.inject({ url: `${T}/1001`, headers: { 'sec-fetch-site': 'none' } })).statusCode).toBe(200);
  });

  it('refuses an unknown Host (DNS rebinding) everywhere', async () => {
    for (const url of [`${T}/1001`, '/healthz', '/']) {
      const res = await c.app.inject({ url, headers: { host: 'evil.example:80' } });
      expect(res.statusCode, url).toBe(403);
    }
  });

  it('sends the security headers and compresses API replies with brotli or gzip', async () => {
    for (const encoding of ['br', 'gzip']) {
      const res = await c.app.inject({ url: `${T}/1008`, headers: { 'accept-encoding': encoding } });
      expect(res.headers['content-encoding']).toBe(encoding);
      // 2,000 subtasks: ~800 KB of JSON, ~40 KB on the wire.
      expect(res.rawPayload.length).toBeLessThan(100_000);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('sends a subtask log gzip-first (it streams at once), a task brotli-first, both through the allow-list', async () => {
    const both = { 'accept-encoding': 'gzip, deflate, br, zstd' };
    const log = await c.app.inject({ url: `${T}/1009/subtasks/2080002/log`, headers: both });
    expect(log.statusCode).toBe(200);
    expect(log.headers['content-encoding']).toBe('gzip');
    expect(log.rawPayload.length).toBeLessThan(2_000_000);
    const brOnly = await c.app.inject({ url: `${T}/1009/subtasks/2080002/log`, headers: { 'accept-encoding': 'br' } });
    expect(brOnly.headers['content-encoding']).toBe('br');
    expect((await c.app.inject({ url: `${T}/1009`, headers: both })).headers['content-encoding']).toBe('br');
    // The log's own route still answers only what the allow-list lets through.
    expect((await c.app.inject({ method: 'DELETE', url: `${T}/1009/subtasks/2080002/log` })).statusCode).toBe(405);
  });

  it('has /healthz and /readyz', async () => {
    expect((await c.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'up' });
    expect((await c.app.inject({ url: '/readyz' })).json()).toMatchObject({ status: 'ready' });
  });
});

describe('headers towards OCP', () => {
  let ocp: RecordingOcp;
  let c: TestConsole;
  beforeAll(async () => {
    ocp = await startRecordingOcp();
    c = await startTestConsole({ OCP_URL: `${ocp.url}/ocp`, OCP_USERNAME: 'svc', OCP_PASSWORD: 's3cret-PW' });
  });
  afterAll(async () => {
    await c.close();
    await ocp.close();
  });

  it('sends the service account’s credentials, never the browser’s headers, and only known list parameters', async () => {
    const browserHeaders = {
      authorization: 'Basic YnJvd3Nlcjp4',
      cookie: 'JSESSIONID=browser',
      'proxy-authorization': 'Basic eA==',
      'x-forwarded-for': '10.0.0.1',
      'x-forwarded-host': 'evil.example',
      'x-custom': 'a',
      'accept-language': 'zh-CN',
    };
    await c.app.inject({ url: `${T}?page=1&size=10&status=FAILED&debug=true&page=5`, headers: browserHeaders });
    const got = ocp.seen.at(-1)!;
    expect(got.url).toBe(`/ocp${T}?status=FAILED&page=1&size=10`);
    expect(got.headers.authorization).toBe(`Basic ${Buffer.from('svc:s3cret-PW').toString('base64')}`);
    for (const name of ['cookie', 'proxy-authorization', 'x-forwarded-for', 'x-forwarded-host', 'x-custom'])
      expect(got.headers[name], name).toBeUndefined();
    expect(got.headers['x-trace-id']).toMatch(/^[0-9a-f]{16}$/);
    expect(got.headers['accept-language']).toBe('zh-CN');
  });

  it('never writes the password or an Authorization value to any log line', async () => {
    await c.app.inject({ method: 'POST', url: `${T}/5/rollback`, headers: { ...SAME_ORIGIN_POST, authorization: 'Basic YnJvd3Nlcjp4' } });
    expect(c.logs().some((l) => l.log === 'audit' && l.user === 'svc' && l.taskId === '5')).toBe(true);
    const all = c.rawLogs.join('\n');
    expect(all).not.toContain('s3cret-PW');
    expect(all).not.toContain(Buffer.from('svc:s3cret-PW').toString('base64'));
    expect(all).not.toContain('YnJvd3Nlcjp4');
  });
});
