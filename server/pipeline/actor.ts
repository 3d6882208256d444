import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthMode } from '../config.ts';
import { sendConsoleError } from './envelope.ts';
import { basicAuth, type SessionCookies } from './sessionCookie.ts';

/** Who a request acts as towards OCP. */
export interface Actor {
  /** For the audit log: the signed-in person, the service account, or "(no auth)". */
  user: string;
  authorization: string | undefined;
}

export const SIGN_IN_REQUIRED = 'Sign in to the console with your OCP account.';

/**
 * Resolves the actor for the configured mode. With sign-in and no valid session, answers 401
 * (marked sign-in-required, so the app shows its sign-in page) and returns null.
 */
export function createActorResolver(auth: AuthMode, cookies: SessionCookies) {
  const service = auth.kind === 'service-account' ? basicAuth(auth.username, auth.password) : undefined;
  return function actor(request: FastifyRequest, reply: FastifyReply): Actor | null {
    if (auth.kind === 'none') return { user: '(no auth)', authorization: undefined };
    if (auth.kind === 'service-account') return { user: auth.username, authorization: service };
    const session = cookies.read(request);
    if (!session) {
      sendConsoleError(reply, 401, 'sign-in-required', SIGN_IN_REQUIRED);
      return null;
    }
    cookies.touch(request, reply, session);
    return { user: session.username, authorization: basicAuth(session.username, session.password) };
  };
}
