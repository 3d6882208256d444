import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPLY_TIMEOUT_MS, WORKER_CONSOLE_PORT } from './ports';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const READY_WITHIN_MS = 60_000;

export interface WorkerConsole {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts `npm run serve` on the built app (`dist/`, built by the config's first web server) with its
 * built-in simulator, on a port of this worker's own: the production server as it ships, one per worker,
 * so parallel workers never reset or drive each other's simulator.
 */
export async function startWorkerConsole(parallelIndex: number): Promise<WorkerConsole> {
  const port = WORKER_CONSOLE_PORT + parallelIndex;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts'], {
    cwd: ROOT,
    // Nothing inherited but the path: no OCP_URL, credentials or SIM_* from the shell can change the mode.
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', OCP_REPLY_TIMEOUT_MS: REPLY_TIMEOUT_MS, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  // A worker that dies without its teardown must not leave the port taken for the worker replacing it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    await exited;
  };

  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The worker console on port ${port} exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  await stop();
  throw new Error(`The worker console on port ${port} did not answer /healthz within ${READY_WITHIN_MS / 1000} s:\n${output}`);
}
