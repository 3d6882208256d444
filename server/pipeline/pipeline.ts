import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_TASK_FILE_BYTES } from '../../src/api/taskFile.ts';
import type { ServerConfig } from '../config.ts';
import { createActorResolver } from './actor.ts';
import type { Audit } from './audit.ts';
import { registerAuthRoutes } from './authRoutes.ts';
import { crossSiteProblem } from './crossSite.ts';
import { sendConsoleError } from './envelope.ts';
import { LOG_COMPRESSION } from './compression.ts';
import { createApiHandler } from './proxy.ts';
import { createSessionSealer, sessionKey } from './session.ts';
import { basicAuth, createSessionCookies } from './sessionCookie.ts';
import { describeUpstreamError, type Upstream } from './upstream.ts';

export interface PipelineDeps {
  config: ServerConfig;
  upstream: Upstream;
  audit: Audit;
  /** Simulator mode: forward the simulator's test controls (`/__simulator/*`) too. */
  simulatorControls: boolean;
}

/**
 * The request pipeline shared by `npm run serve` and the dev server: `/api` through the allow-list,
 * cross-site checks and the actor's credentials to OCP; sign-in; health checks; and in simulator
 * mode the simulator's test controls. Everything else is left to the caller (static files, Vite).
 */
export function registerPipeline(app: FastifyInstance, deps: PipelineDeps): void {
  const { config, upstream, audit } = deps;
  const timeouts = { connectTimeoutMs: config.connectTimeoutMs, replyTimeoutMs: config.replyTimeoutMs };
  const cookies = createSessionCookies(createSessionSealer(sessionKey(config.session.secret), config.session), config.session);
  const actor = createActorResolver(config.auth, cookies);

  // Request bodies under /api are never forwarded (no allowed call has one): read none of them.
  app.register((api, _options, done) => {
    api.removeAllContentTypeParsers();
    api.addContentTypeParser('*', (_request, payload, done) => {
      payload.resume();
      done(null, undefined);
    });
    const handler = createApiHandler({
      upstream,
      timeouts,
      publicOrigin: config.publicOrigin,
      audit,
      actor,
      onCredentialsRefused(request, reply) {
        if (config.auth.kind === 'sign-in') {
          cookies.clear(request, reply);
          reply.header('x-ocp-console-error', 'sign-in-required');
        }
      },
    });
    api.all('/api', handler);
    api.all('/api*', handler);
    // The same handler (allow-list and all), compressed for size and speed of a long text.
    api.get('/api/v2/tasks/instances/:taskId/subtasks/:subtaskId/log', { compress: LOG_COMPRESSION }, handler);
    // A streamed reply that fails before its first bytes went out (OCP broke off, or went silent,
    // while the compressor was still filling its first block) still gets a worded error.
    api.setErrorHandler((error, request, reply) => {
      const failure = describeUpstreamError(error, timeouts);
      request.log.warn({ err: error }, `reply from OCP failed: ${failure.message}`);
      const broke = failure.fault === 'unreachable';
      return sendConsoleError(reply, broke ? 502 : failure.status, failure.fault, broke ? 'OCP broke off its reply.' : failure.message);
    });
    done();
  });

  registerAuthRoutes(app, { auth: config.auth, cookies, upstream, timeouts, publicOrigin: config.publicOrigin, audit });

  app.get('/healthz', async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'up' }));
  app.get('/readyz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const started = performance.now();
    try {
      const res = await upstream.request({
        method: 'GET',
        path: '/api/v2/tasks/instances?page=1&size=1',
        headers: {
          accept: 'application/json',
          ...(config.auth.kind === 'service-account' ? { authorization: basicAuth(config.auth.username, config.auth.password) } : {}),
        },
        timeoutMs: 2_000,
      });
      await res.body.dump();
      // Any HTTP answer (even 401 without credentials) means OCP is up and reachable.
      return { status: 'ready', ocpStatus: res.statusCode, ms: Math.round(performance.now() - started) };
    } catch {
      return reply.code(503).send({ status: 'not ready', reason: 'OCP did not answer within 2 s' });
    }
  });

  if (deps.simulatorControls) registerSimulatorControls(app, deps);
}

/**
 * Simulator mode: the simulator's test controls, forwarded as they are. POSTs pass the same cross-site
 * check as the task API's. `POST /__simulator/tasks` carries a whole task file (a 5,000-subtask task is
 * about 2 MB, past the server's 64 KB body limit), so it has its own scope that takes raw bytes of any
 * type up to MAX_TASK_FILE_BYTES and forwards them untouched; the simulator reads and checks them.
 */
function registerSimulatorControls(app: FastifyInstance, { config, upstream }: PipelineDeps): void {
  const refuseCrossSite = (request: FastifyRequest, reply: FastifyReply) => {
    const problem = request.method === 'POST' ? crossSiteProblem(request, config.publicOrigin) : null;
    return problem ? sendConsoleError(reply, 403, 'cross-site', problem) : undefined;
  };
  const forward = async (request: FastifyRequest, reply: FastifyReply, body: string | Uint8Array | undefined) => {
    const res = await upstream.request({
      method: request.method === 'POST' ? 'POST' : 'GET',
      path: request.raw.url ?? '/',
      headers: { 'content-type': body instanceof Uint8Array ? 'application/octet-stream' : 'application/json' },
      body,
    });
    return reply.code(res.statusCode).header('content-type', 'application/json').header('cache-control', 'no-store').send(res.body);
  };

  app.all('/__simulator/*', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'POST') return sendConsoleError(reply, 405, 'not-allowed', 'GET or POST only.');
    return (
      refuseCrossSite(request, reply) ?? forward(request, reply, request.method === 'POST' ? JSON.stringify(request.body ?? {}) : undefined)
    );
  });

  app.register((files, _options, done) => {
    files.removeAllContentTypeParsers();
    files.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_TASK_FILE_BYTES }, (_request, body, done) => done(null, body));
    files.post(
      '/__simulator/tasks',
      // Refused before a byte of the body is read: another site cannot make the server take in 64 MB.
      { bodyLimit: MAX_TASK_FILE_BYTES, onRequest: async (request, reply) => refuseCrossSite(request, reply) },
      async (request, reply) => forward(request, reply, request.body instanceof Uint8Array ? request.body : new Uint8Array()),
    );
    files.setErrorHandler((error, request, reply) => {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (status === 413) return reply.code(413).send({ error: `The file is over ${MAX_TASK_FILE_BYTES} bytes: it is not one task.` });
      if (typeof status === 'number' && status < 500)
        return reply.code(status).send({ error: error instanceof Error ? error.message : String(error) });
      request.log.warn({ err: error }, 'forwarding a task file to the simulator failed');
      return reply.code(502).send({ error: 'The built-in simulator did not take the task file.' });
    });
    done();
  });
}
