import type { FastifyInstance } from 'fastify';
import type { SessionInfo } from '../../src/api/consoleProtocol.ts';
import type { AuthMode } from '../config.ts';
import type { Audit } from './audit.ts';
import { crossSiteProblem } from './crossSite.ts';
import { sendConsoleError } from './envelope.ts';
import { basicAuth, type SessionCookies } from './sessionCookie.ts';
import { describeUpstreamError, type Upstream, type UpstreamOptions } from './upstream.ts';

interface AuthDeps {
  auth: AuthMode;
  cookies: SessionCookies;
  upstream: Upstream;
  timeouts: Pick<UpstreamOptions, 'connectTimeoutMs' | 'replyTimeoutMs'>;
  publicOrigin: string | undefined;
  audit: Audit;
}

/** The cheapest task API call: proves the account exists and may view tasks. */
const CHECK_PATH = '/api/v2/tasks/instances?page=1&size=1';

/**
 * `GET /auth/session` (who acts), `POST /auth/sign-in` `{username, password}` (checked against OCP,
 * then sealed into the cookie; nothing stored anywhere else), `POST /auth/sign-out`.
 */
export function registerAuthRoutes(app: FastifyInstance, deps: AuthDeps): void {
  const { auth, cookies } = deps;

  app.get('/auth/session', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (auth.kind === 'none') return { mode: 'none' } satisfies SessionInfo;
    if (auth.kind === 'service-account') return { mode: 'service-account', user: auth.username } satisfies SessionInfo;
    const session = cookies.read(request);
    return (session ? { mode: 'sign-in', user: session.username } : { mode: 'sign-in' }) satisfies SessionInfo;
  });

  app.post('/auth/sign-in', { bodyLimit: 4096 }, async (request, reply) => {
    const problem = crossSiteProblem(request, deps.publicOrigin);
    if (problem) return sendConsoleError(reply, 403, 'cross-site', problem);
    if (auth.kind !== 'sign-in') return sendConsoleError(reply, 404, 'not-allowed', 'This console does not use per-user sign-in.');
    const { username, password } = (request.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || !username.trim() || username.length > 128) {
      return sendConsoleError(reply, 400, 'not-allowed', 'Enter your OCP username (at most 128 characters).');
    }
    if (typeof password !== 'string' || !password || password.length > 512) {
      return sendConsoleError(reply, 400, 'not-allowed', 'Enter your OCP password (at most 512 characters).');
    }
    const user = username.trim();
    const audit = (status: number, outcome: 'ok' | 'refused' | 'failed', reason?: string) =>
      deps.audit({ user, client: request.ip, action: 'sign-in', status, outcome, reason });

    let status: number;
    try {
      const res = await deps.upstream.request({
        method: 'GET',
        path: CHECK_PATH,
        headers: { accept: 'application/json', authorization: basicAuth(user, password) },
      });
      status = res.statusCode;
      await res.body.dump();
    } catch (e) {
      const failure = describeUpstreamError(e, deps.timeouts);
      audit(failure.status, 'failed', failure.message);
      return sendConsoleError(reply, failure.status, failure.fault, failure.message);
    }
    if (status === 401 || (status >= 300 && status < 400)) {
      audit(status, 'refused');
      // No fault header: the sign-in page shows this itself instead of redirecting to itself.
      return reply
        .code(401)
        .header('cache-control', 'no-store')
        .send({ status: 401, successful: false, error: { message: 'OCP refused this username and password.' } });
    }
    if (status === 403) {
      audit(status, 'refused');
      return reply.code(403).send({
        status: 403,
        successful: false,
        error: { message: 'OCP accepted the account, but it may not view tasks (TASK_VIEWER is needed).' },
      });
    }
    if (status < 200 || status >= 300) {
      audit(status, 'failed');
      return sendConsoleError(reply, 502, 'unreachable', `OCP answered the sign-in check with HTTP ${status}; try again later.`);
    }
    const now = Date.now();
    cookies.write(request, reply, { username: user, password, issuedAt: now, seenAt: now });
    audit(status, 'ok');
    return reply.header('cache-control', 'no-store').send({ mode: 'sign-in', user } satisfies SessionInfo);
  });

  app.post('/auth/sign-out', async (request, reply) => {
    const problem = crossSiteProblem(request, deps.publicOrigin);
    if (problem) return sendConsoleError(reply, 403, 'cross-site', problem);
    const session = cookies.read(request);
    cookies.clear(request, reply);
    if (session) deps.audit({ user: session.username, client: request.ip, action: 'sign-out', status: 204, outcome: 'ok' });
    return reply.code(204).header('cache-control', 'no-store').send();
  });
}
