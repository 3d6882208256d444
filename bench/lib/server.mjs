/** Builds the app, starts `vite preview` (which mounts the simulator) and talks to the simulator. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const VITE = 'node_modules/vite/bin/vite.js';

/** The environment without OCP_* so the preview server mounts the simulator, not a proxy to a real OCP. */
function benchEnv(port) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OCP_')));
  return { ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' };
}

/** A port nothing listens on right now (other servers on this machine may hold the usual ones). */
export async function freePort() {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
  srv.close();
  await once(srv, 'close');
  return port;
}

/** Builds into `outDir` (the bench's own, so it never races another build of dist/). */
export async function build(cwd, outDir) {
  const args = [VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: benchEnv(0) });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`vite build failed (exit ${code})`);
}

/** Starts `vite preview` in its own process group; resolves once the app and the simulator answer. */
export async function startPreview(cwd, outDir, port, probeTaskId) {
  const args = [VITE, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'];
  const child = spawn(process.execPath, args, {
    cwd,
    env: benchEnv(port),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk) => {
    log = (log + chunk).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const server = {
    base,
    stop: () => stopGroup(child),
    reset: (body = {}) => simulatorReset(base, body),
    task: (id) => fetchTask(base, id),
    scenarios: () => fetchJson(`${base}/__simulator/scenarios`),
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${log}`);
    try {
      const [page, api] = await Promise.all([fetch(`${base}/`), fetch(`${base}/api/v2/tasks/instances/${probeTaskId}`)]);
      if (page.ok && api.ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  await server.stop();
  throw new Error(`vite preview did not answer on ${base} within 60 s:\n${log}`);
}

async function stopGroup(child) {
  if (child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const exited = once(child, 'exit');
  const timeout = sleep(5000).then(() => 'timeout');
  if ((await Promise.race([exited, timeout])) === 'timeout') process.kill(-child.pid, 'SIGKILL');
}

async function simulatorReset(base, body) {
  const res = await fetch(`${base}/__simulator/reset`, {
    method: 'POST',
    // The console's server accepts a POST only from its own origin with the console's header.
    headers: { 'Content-Type': 'application/json', Origin: new URL(base).origin, 'X-OCP-Console': '1' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator reset answered ${res.status}: ${await res.text()}`);
}

async function fetchJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return res.json();
}

/** The task reply's `data` (the WrappedTaskInstance as the simulator sends it). */
async function fetchTask(base, id) {
  const res = await fetch(`${base}/api/v2/tasks/instances/${id}`, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET task ${id} answered ${res.status}`);
  const body = await res.json();
  return body.data;
}
