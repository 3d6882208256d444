import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Session, SessionSealer } from './session.ts';

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), Secure with the `__Host-` prefix over HTTPS (no subdomain or plain-HTTP page can set it).
 */
export interface SessionCookies {
  read(request: FastifyRequest): Session | null;
  /** Re-seals with seenAt = now once a minute, so the idle timeout slides with use. */
  touch(request: FastifyRequest, reply: FastifyReply, session: Session): void;
  write(request: FastifyRequest, reply: FastifyReply, session: Session): void;
  clear(request: FastifyRequest, reply: FastifyReply): void;
}

const TOUCH_EVERY_MS = 60_000;

export function createSessionCookies(sealer: SessionSealer, limits: { maxMs: number }, now = Date.now): SessionCookies {
  const nameFor = (request: FastifyRequest) => (request.protocol === 'https' ? '__Host-ocp-console' : 'ocp-console');
  const options = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: request.protocol === 'https',
  });
  const write = (request: FastifyRequest, reply: FastifyReply, session: Session) => {
    reply.setCookie(nameFor(request), sealer.seal(session), { ...options(request), maxAge: Math.floor(limits.maxMs / 1000) });
  };
  return {
    read: (request) => sealer.open(request.cookies[nameFor(request)], now()),
    touch(request, reply, session) {
      const t = now();
      if (t - session.seenAt >= TOUCH_EVERY_MS) write(request, reply, { ...session, seenAt: t });
    },
    write,
    clear(request, reply) {
      reply.clearCookie(nameFor(request), options(request));
    },
  };
}

export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
