import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildConsoleServer, type RequestHandler } from './app.ts';
import { readServerConfig, type Env, type ServerConfig } from './config.ts';
import { createUpstream } from './pipeline/upstream.ts';
import { createSimulatorMiddleware } from './simulator/http.ts';
import { createSimulator } from './simulator/simulator.ts';

export interface RunningConsole {
  app: FastifyInstance;
  handler: RequestHandler;
  config: ServerConfig;
  /** What the start-up banner says: mode, who acts, where OCP is, warnings. */
  describe(): string[];
  close(): Promise<void>;
}

/**
 * Builds the console's server for the environment. Without OCP_URL the built-in simulator runs on a
 * private loopback port and sits behind the very same pipeline (allow-list, cross-site checks,
 * sign-in with SIM_AUTH=1) as a real OCP would.
 */
export async function startConsole(options: {
  env: Env;
  distDir?: string;
  handOff?: boolean;
  accessLog?: boolean;
  logStream?: Writable;
}): Promise<RunningConsole> {
  const config = readServerConfig(options.env);
  const simulator = config.mode === 'simulator' ? await startSimulator(options.env) : undefined;
  const ocpUrl = simulator?.url ?? config.ocpUrl;
  if (!ocpUrl) throw new Error('unreachable: no OCP_URL and no simulator');
  const upstream = createUpstream({ ...config, url: ocpUrl });
  const { app, handler } = await buildConsoleServer({
    config,
    upstream,
    simulatorControls: simulator !== undefined,
    distDir: options.distDir,
    handOff: options.handOff,
    accessLog: options.accessLog,
    logStream: options.logStream,
  });
  return {
    app,
    handler,
    config,
    describe: () => [...describeConsole(config), ...(simulator?.describe ?? [])],
    async close() {
      await app.close();
      await upstream.close();
      if (simulator)
        await new Promise<void>((done) => {
          simulator.server.closeAllConnections();
          simulator.server.close(() => done());
        });
    },
  };
}

/** The private simulator; SIM_TASKS_DIR's task files are read here, and a bad one stops start-up (its Error names it). */
async function startSimulator(env: Env): Promise<{ server: Server; url: string; describe: string[] }> {
  const sim = createSimulator({ env });
  const saved = sim.scenarios().filter((s) => s.key.startsWith('file:')).length;
  const describe = env.SIM_TASKS_DIR?.trim() ? [`saved tasks: ${saved} from SIM_TASKS_DIR (${env.SIM_TASKS_DIR.trim()})`] : [];
  const handle = createSimulatorMiddleware({ simulator: sim });
  const server = createServer((req, res) =>
    handle(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, describe };
}

function describeConsole(config: ServerConfig): string[] {
  const who =
    config.auth.kind === 'none'
      ? 'no sign-in (simulator without SIM_AUTH)'
      : config.auth.kind === 'service-account'
        ? `service account "${config.auth.username}": everyone who reaches the console acts as it`
        : `per-user sign-in with OCP accounts (idle timeout ${config.session.idleMs / 60_000} min)`;
  return [
    `mode: ${config.mode === 'simulator' ? 'built-in OCP simulator (set OCP_URL for a real OCP)' : `proxy to OCP at ${config.ocpUrl}`}`,
    `acting as: ${who}`,
    `OCP timeouts: connect ${config.connectTimeoutMs} ms, reply ${config.replyTimeoutMs} ms`,
    `accepted Host names: ${[...config.allowedHosts].join(', ')}${config.trustProxy ? `; trusting X-Forwarded-* (${String(config.trustProxy)})` : ''}`,
    ...config.warnings.map((w) => `WARNING: ${w}`),
  ];
}
