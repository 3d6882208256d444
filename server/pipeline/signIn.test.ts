import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAME_ORIGIN_POST, startTestConsole, type TestConsole } from './testkit.ts';

const SECRET = 'unit-test-session-secret-0123456789-abcdef';
const T = '/api/v2/tasks/instances';

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const set = res.headers['set-cookie'];
  const first = Array.isArray(set) ? String(set[0]) : String(set);
  return first.split(';')[0] ?? '';
}

describe('per-user sign-in (simulator with SIM_AUTH=1)', () => {
  let a: TestConsole;
  let b: TestConsole;
  beforeAll(async () => {
    a = await startTestConsole({ SIM_AUTH: '1', CONSOLE_SESSION_SECRET: SECRET });
    b = await startTestConsole({ SIM_AUTH: '1', CONSOLE_SESSION_SECRET: SECRET });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });
  const signIn = (c: TestConsole, username: string, password: string) =>
    c.app.inject({ method: 'POST', url: '/auth/sign-in', headers: SAME_ORIGIN_POST, payload: { username, password } });

  it('without a session, /api answers 401 sign-in-required and nothing reaches OCP', async () => {
    const res = await a.app.inject({ url: `${T}/1001` });
    expect(res.statusCode).toBe(401);
    expect(res.headers['x-ocp-console-error']).toBe('sign-in-required');
    expect((await a.simStats()).apiRequests).toBe(0);
    expect((await a.app.inject({ url: '/auth/session' })).json()).toEqual({ mode: 'sign-in' });
  });

  it('a wrong password is refused, sets no cookie, and is audited without the password', async () => {
    const res = await signIn(a, 'admin', 'not-the-Passw0rd');
    expect(res.statusCode).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(a.logs().some((l) => l.log === 'audit' && l.action === 'sign-in' && l.outcome === 'refused' && l.user === 'admin')).toBe(true);
    expect(a.rawLogs.join('\n')).not.toContain('not-the-Passw0rd');
  });

  it('signs in: an HttpOnly SameSite=Strict cookie that opens on another instance with the same secret', async () => {
    const res = await signIn(a, 'admin', 'admin');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mode: 'sign-in', user: 'admin' });
    const set = String(res.headers['set-cookie']);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).not.toMatch(/Secure/); // plain HTTP here; HTTPS adds Secure and the __Host- prefix
    const cookie = cookieOf(res);
    expect((await b.app.inject({ url: `${T}/1001`, headers: { cookie } })).statusCode).toBe(200);
    expect((await b.app.inject({ url: '/auth/session', headers: { cookie } })).json()).toEqual({ mode: 'sign-in', user: 'admin' });
  });

  it('a read-only user is refused the rollback by OCP (403/30014), audited as refused', async () => {
    const cookie = cookieOf(await signIn(a, 'viewer', 'viewer'));
    const res = await a.app.inject({ method: 'POST', url: `${T}/1001/rollback`, headers: { ...SAME_ORIGIN_POST, cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 30014 } });
    expect(
      a.logs().some((l) => l.log === 'audit' && l.user === 'viewer' && l.action === 'rollback' && l.status === 403 && l.code === 30014),
    ).toBe(true);
  });

  it('sign-out clears the cookie; a forged or foreign cookie is no session', async () => {
    const cookie = cookieOf(await signIn(a, 'admin', 'admin'));
    const out = await a.app.inject({ method: 'POST', url: '/auth/sign-out', headers: { ...SAME_ORIGIN_POST, cookie } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/ocp-console=;/);
    expect((await a.app.inject({ url: `${T}/1001`, headers: { cookie: 'ocp-console=v1.AAAA' } })).statusCode).toBe(401);
    const other = await startTestConsole({ SIM_AUTH: '1', CONSOLE_SESSION_SECRET: `${SECRET}-other` });
    try {
      expect((await other.app.inject({ url: `${T}/1001`, headers: { cookie } })).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('sign-in itself is a state change: refused from another origin', async () => {
    const res = await a.app.inject({
      method: 'POST',
      url: '/auth/sign-in',
      headers: { ...SAME_ORIGIN_POST, origin: 'http://evil.example' },
      payload: { username: 'admin', password: 'admin' },
    });
    expect(res.statusCode).toBe(403);
  });
});
