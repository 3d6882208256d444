import type { Connect, Plugin } from 'vite';
import type { Env } from './config.ts';
import { startConsole, type RunningConsole } from './start.ts';

/** Paths the console's server answers; everything else is Vite's (the app's modules and pages). */
const PIPELINE_PATHS = /^\/(?:api|auth\/|__simulator\/|healthz$|readyz$)/;

/**
 * Mounts the console's request pipeline into Vite's dev (and preview) server, so `npm start` has the
 * same allow-list, cross-site checks, sign-in and timeouts as `npm run serve`: requests for /api,
 * /auth, the health checks and the simulator controls go to the pipeline's Fastify instance.
 */
export function consoleServer(options: { env: Env }): Plugin {
  let running: Promise<RunningConsole> | undefined;
  const mount = (server: {
    middlewares: Connect.Server;
    httpServer: { once(e: 'close', f: () => void): unknown } | null;
    config: { logger: { info(m: string): void; error(m: string): void } };
  }) => {
    running ??= startConsole({ env: options.env, handOff: true, accessLog: false });
    running.then(
      (c) => server.config.logger.info(`[console] ${c.describe().join('\n[console] ')}`),
      (e: unknown) => server.config.logger.error(`[console] cannot start: ${e instanceof Error ? e.message : String(e)}`),
    );
    server.middlewares.use((req, res, next) => {
      if (!PIPELINE_PATHS.test(req.url ?? '/')) return next();
      running!.then((c) => c.handler(req, res), next);
    });
    server.httpServer?.once('close', () => void running?.then((c) => c.close()));
  };
  return { name: 'ocp-console-server', configureServer: mount, configurePreviewServer: mount };
}
