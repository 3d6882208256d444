import type { FastifyRequest } from 'fastify';
import { CONSOLE_HEADER, CONSOLE_HEADER_VALUE } from '../../src/api/consoleProtocol.ts';

/** The console's own origin: CONSOLE_ORIGIN when set, else the scheme and Host this request came in on. */
export function ownOrigin(request: FastifyRequest, publicOrigin: string | undefined): string {
  return publicOrigin ?? `${request.protocol}://${request.host}`;
}

/** DNS rebinding: a page on evil.example resolving to this server's address arrives with Host: evil.example. */
export function hostProblem(request: FastifyRequest, allowedHosts: ReadonlySet<string>): string | null {
  const host = request.hostname.toLowerCase();
  if (allowedHosts.has(host)) return null;
  return `Host "${host}" is not one this console answers to. Add it to ALLOWED_HOSTS (or set CONSOLE_ORIGIN).`;
}

/**
 * Why a request that changes state must be refused, or null when it comes from the console itself:
 * the browser's own Origin equals the console's origin, Sec-Fetch-Site (when the browser sends it)
 * is same-origin, and the app's custom header is present. A form or a no-cors fetch cannot add that
 * header, and a cross-origin fetch that adds it needs a CORS preflight, which this server refuses.
 */
export function crossSiteProblem(request: FastifyRequest, publicOrigin: string | undefined): string | null {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return `Refused a ${site} request: only the console itself may change state.`;
  const origin = request.headers.origin;
  const expected = ownOrigin(request, publicOrigin);
  if (origin !== expected) {
    return origin === undefined
      ? 'Refused a request without an Origin header: only the console itself may change state.'
      : `Refused a request from ${origin}: only the console itself (${expected}) may change state.`;
  }
  if (request.headers[CONSOLE_HEADER.toLowerCase()] !== CONSOLE_HEADER_VALUE) {
    return `Refused a request without the ${CONSOLE_HEADER} header: only the console itself may change state.`;
  }
  return null;
}

/** A read from another site (e.g. a script tag including an API URL) is refused too; typed URLs ("none") are fine. */
export function crossSiteReadProblem(request: FastifyRequest): string | null {
  const site = request.headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin' || site === 'none') return null;
  return `Refused a ${site} request: the task API answers the console itself only.`;
}
