/**
 * `npm run simulator`: the built-in OCP task API on its own, for other tools and for testing the
 * console's proxy mode (`OCP_URL=http://localhost:5181`). Env: SIM_PORT (5181), HOST (localhost),
 * SIM_AUTH=1, SIM_TICK_MS, SIM_TASKS_DIR (saved task files installed as extra scenarios; a bad one stops start-up).
 */
import { createServer } from 'node:http';
import { createSimulatorMiddleware } from './http.ts';
import { createSimulator, readSimulatorConfig, type Simulator } from './simulator.ts';

const env = process.env;
const port = Number(env.SIM_PORT) || 5181;
const host = env.HOST || 'localhost';
let sim: Simulator;
try {
  sim = createSimulator({ env });
} catch (e) {
  console.error(`Cannot start the simulator: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
const handle = createSimulatorMiddleware({ simulator: sim });

const server = createServer((req, res) =>
  handle(req, res, (err) => {
    res.statusCode = err ? 500 : 404;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ error: err ? 'Internal error' : 'Not found: the simulator serves /api/v2/tasks/... and /__simulator/...' }));
  }),
);

server.listen(port, host, () => {
  const { auth, tickMs } = readSimulatorConfig({ env });
  const authText = auth ? 'on: admin/admin, viewer/viewer' : 'off';
  console.log(`OCP task API simulator on http://${host}:${port}/api/v2/tasks (auth ${authText}, tick ${tickMs} ms)`);
  const saved = sim.scenarios().filter((s) => s.key.startsWith('file:'));
  if (env.SIM_TASKS_DIR?.trim())
    console.log(`  saved tasks from SIM_TASKS_DIR (${env.SIM_TASKS_DIR.trim()}): ${saved.map((s) => s.id).join(', ') || 'none'}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
  });
}
