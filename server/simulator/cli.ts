/**
 * `npm run simulator`: the built-in OCP task API on its own, for other tools and for testing the
 * console's proxy mode (`OCP_URL=http://localhost:5181`). Env: SIM_PORT (5181), HOST (localhost),
 * SIM_AUTH=1, SIM_TICK_MS.
 */
import { createServer } from 'node:http';
import { createSimulatorMiddleware } from './http.ts';
import { readSimulatorConfig } from './simulator.ts';

const env = process.env;
const port = Number(env.SIM_PORT) || 5181;
const host = env.HOST || 'localhost';
const handle = createSimulatorMiddleware({ env });

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
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
  });
}
