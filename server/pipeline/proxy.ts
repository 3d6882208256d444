import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Dispatcher } from 'undici';
import { matchAllowList, type AllowedCall } from './allowList.ts';
import { envelopeFacts, type Audit } from './audit.ts';
import { crossSiteProblem, crossSiteReadProblem } from './crossSite.ts';
import { newTraceId, sendConsoleError } from './envelope.ts';
import type { Actor } from './actor.ts';
import { describeUpstreamError, type Upstream, type UpstreamOptions } from './upstream.ts';

export interface ProxyDeps {
  upstream: Upstream;
  timeouts: Pick<UpstreamOptions, 'connectTimeoutMs' | 'replyTimeoutMs'>;
  publicOrigin: string | undefined;
  audit: Audit;
  /** Who acts for this request, or a reply already sent (sign-in required). */
  actor(request: FastifyRequest, reply: FastifyReply): Actor | null;
  /** OCP refused the actor's credentials: with sign-in, the session is over. */
  onCredentialsRefused(request: FastifyRequest, reply: FastifyReply): void;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
/** State-changing replies are buffered (for the audit line); they are small. */
const MAX_BUFFERED = 4 * 1024 * 1024;

/** Handles every request under /api: the allow-list, cross-site checks, credentials, then OCP. */
export function createApiHandler(deps: ProxyDeps) {
  return async function handleApi(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const matched = matchAllowList(request.method, request.raw.url ?? '/');
    if (!matched.ok) {
      if (matched.status === 405) reply.header('allow', matched.allow);
      return sendConsoleError(reply, matched.status, 'not-allowed', matched.message);
    }
    const { call } = matched;
    const problem = call.mutating ? crossSiteProblem(request, deps.publicOrigin) : crossSiteReadProblem(request);
    if (problem) {
      if (call.mutating) deps.audit({ ...auditBase(request, call, '(unknown)'), status: 403, outcome: 'refused', reason: problem });
      return sendConsoleError(reply, 403, 'cross-site', problem);
    }
    const actor = deps.actor(request, reply);
    if (!actor) return reply;
    return forward(request, reply, call, actor, deps);
  };
}

async function forward(request: FastifyRequest, reply: FastifyReply, call: AllowedCall, actor: Actor, deps: ProxyDeps) {
  const traceId = newTraceId();
  const audit = (status: number, outcome: 'ok' | 'refused' | 'failed', facts: { code?: number; traceId?: string; reason?: string }) => {
    if (call.mutating) deps.audit({ ...auditBase(request, call, actor.user), status, outcome, traceId, ...facts });
  };
  // The browser leaving must not leave a request hanging towards OCP.
  const abort = new AbortController();
  reply.raw.once('close', () => abort.abort());

  let res: Dispatcher.ResponseData;
  try {
    res = await deps.upstream.request({
      method: call.method,
      path: call.upstreamPath,
      headers: {
        accept: 'application/json',
        // OCP words its messages in the console's language; the only browser header passed on.
        ...acceptLanguage(request),
        'x-trace-id': traceId,
        ...(actor.authorization ? { authorization: actor.authorization } : {}),
      },
      signal: abort.signal,
    });
  } catch (e) {
    const failure = describeUpstreamError(e, deps.timeouts);
    request.log.warn({ err: e, traceId }, `OCP request failed: ${failure.message}`);
    audit(failure.status, 'failed', { reason: failure.message });
    return sendConsoleError(reply, failure.status, failure.fault, failure.message, traceId);
  }

  const status = res.statusCode;
  if (status >= 300 && status < 400) {
    res.body.destroy();
    const message = `OCP answered with a redirect (HTTP ${status}) instead of data: it refused the console’s credentials or session.`;
    audit(status, 'failed', { reason: message });
    return sendConsoleError(reply, 502, 'redirect', message, traceId);
  }
  const type = String(res.headers['content-type'] ?? '');
  if (!JSON_TYPE.test(type)) {
    res.body.destroy();
    const what = type ? type.split(';')[0] : 'no content type';
    const message = `OCP answered HTTP ${status} with ${what}, not JSON.`;
    audit(status, 'failed', { reason: message });
    return sendConsoleError(reply, status >= 400 ? status : 502, 'not-json', message, traceId);
  }
  if (status === 401) deps.onCredentialsRefused(request, reply);

  reply.code(status).header('content-type', type).header('cache-control', 'no-store');
  if (!call.mutating) return reply.send(res.body); // streamed: an upstream that dies mid-body ends this reply at once

  let body: string;
  try {
    body = await readCapped(res.body);
  } catch (e) {
    const failure = describeUpstreamError(e, deps.timeouts);
    const message = failure.fault === 'reply-timeout' ? failure.message : 'OCP broke off its reply.';
    audit(status, 'failed', { reason: message });
    return sendConsoleError(reply, failure.fault === 'reply-timeout' ? 504 : 502, failure.fault, message, traceId);
  }
  const facts = envelopeFacts(body);
  audit(status, status < 400 ? 'ok' : 'refused', { code: facts.code, traceId: facts.traceId ?? traceId });
  return reply.send(body);
}

function acceptLanguage(request: FastifyRequest): { 'accept-language'?: string } {
  const value = request.headers['accept-language'];
  return typeof value === 'string' && /^[A-Za-z0-9,;=.\- *]{1,100}$/.test(value) ? { 'accept-language': value } : {};
}

function auditBase(request: FastifyRequest, call: AllowedCall, user: string) {
  return { user, client: request.ip, action: call.action, taskId: call.taskId, subtaskId: call.subtaskId };
}

async function readCapped(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BUFFERED) {
      body.destroy();
      throw new Error('reply too large');
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
