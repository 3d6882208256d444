import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ServerConfig } from './config.ts';
import { createAudit } from './pipeline/audit.ts';
import { COMPRESSION } from './pipeline/compression.ts';
import { hostProblem } from './pipeline/crossSite.ts';
import { sendConsoleError } from './pipeline/envelope.ts';
import { registerPipeline } from './pipeline/pipeline.ts';
import type { Upstream } from './pipeline/upstream.ts';

export interface ConsoleServerOptions {
  config: ServerConfig;
  upstream: Upstream;
  simulatorControls: boolean;
  /** The built app (`dist/`): served with the SPA fallback. The dev server passes none (Vite serves the app). */
  distDir?: string | undefined;
  /** Where JSON log lines go (default stdout); tests pass a stream to read them. */
  logStream?: Writable;
  /** One JSON line per request. Off for the dev server, whose terminal is for people. */
  accessLog?: boolean;
  /** The dev server hands requests in itself instead of Fastify listening. */
  handOff?: boolean;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The console's server: security headers, compression, the request pipeline and, for production,
 * the built app. One Fastify instance for `npm run serve` and, without `distDir`, for the dev server.
 */
export async function buildConsoleServer(options: ConsoleServerOptions): Promise<{ app: FastifyInstance; handler: RequestHandler }> {
  const { config } = options;
  let handler: RequestHandler | undefined;
  const fastifyOptions: FastifyServerOptions = {
    logger: {
      level: process.env.LOG_LEVEL ?? 'info',
      // Nothing logs headers; redaction is the second line of defence if someone adds that.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', 'password', '*.password'],
        censor: '[redacted]',
      },
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    // One access line per request is written below instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    return503OnClosing: true,
    // The handler is kept so the dev server can hand requests in; HTTPS when TLS_CERT/TLS_KEY are set.
    serverFactory: (h: RequestHandler) => {
      handler = h;
      const tls = options.handOff ? undefined : config.tls;
      return tls ? createHttpsServer(tls, h) : createServer(h);
    },
  };
  const app = Fastify(fastifyOptions);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets its CSS variables in a <style> element and React Flow positions nodes with style attributes.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Sent below only when the request really came over HTTPS.
    strictTransportSecurity: false,
  });
  await app.register(fastifyCompress, {
    ...COMPRESSION,
    globalDecompression: false,
  });

  app.addHook('onRequest', async (request, reply) => {
    const problem = hostProblem(request, config.allowedHosts);
    if (problem) return sendConsoleError(reply, 403, 'not-allowed', problem);
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  if (options.accessLog !== false) {
    const access = app.log.child({ log: 'access' });
    app.addHook('onResponse', async (request, reply) => {
      access.info({
        method: request.method,
        path: (request.raw.url ?? '/').split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        client: request.ip,
      });
    });
  }

  registerPipeline(app, { config, upstream: options.upstream, audit: createAudit(app.log), simulatorControls: options.simulatorControls });
  if (options.distDir) await registerApp(app, options.distDir);
  await app.ready();
  if (!handler) throw new Error('Fastify did not call serverFactory');
  return { app, handler };
}

/** The built app: hashed assets cached for a year, index.html never cached, deep links answered with index.html. */
async function registerApp(app: FastifyInstance, distDir: string): Promise<void> {
  const root = resolve(distDir);
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`npm run build\` first.`);
  }
  await app.register(fastifyStatic, {
    root,
    index: false,
    wildcard: false,
    cacheControl: false,
    // Source maps stay on the server's disk for debugging; they are not served.
    allowedPath: (path) => !path.endsWith('.map'),
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.endsWith('.html') ? 'no-store' : /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.setNotFoundHandler(async (request, reply) => {
    const path = (request.raw.url ?? '/').split('?')[0] ?? '/';
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !/^\/+api(?:\/|$)/i.test(path) && !path.endsWith('.map');
    if (!wantsPage) return sendConsoleError(reply, 404, 'not-allowed', `Nothing at ${request.method} ${path.slice(0, 120)}.`);
    return reply.header('cache-control', 'no-store').sendFile('index.html');
  });
}
