/** Layout times and quality (ours folded and unfolded, dagre, elkjs), each in a child process killed at the cap. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { countCrossings, layoutQuality } from './quality.mjs';

const CHILD = fileURLToPath(new URL('./layout-child.mjs', import.meta.url));

/**
 * @typedef {{ error?: string, ms: number, positions: { id: string, x: number, y: number, w: number, h: number }[] }} ChildAnswer
 */

/**
 * Lays `graph` out with `engine` in a fresh process. Resolves `{ ms }`, `{ timedOut: true, capMs }`
 * or `{ error }`; never rejects. `ms` is the layout call alone, measured inside the child.
 */
export function timeLayout(engine, graph, /** @type {{ capMs?: number, dir: string }} */ { capMs = 60_000, dir }) {
  return new Promise((resolve) => {
    // tsx for every engine: node sizes come from the console's geometry.ts, the one source.
    const execArgv = ['--import', 'tsx'];
    const child = fork(CHILD, [], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr?.on('data', (c) => {
      stderr = (stderr + c).slice(-2000);
    });
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve(result);
    };
    const timer = setTimeout(() => finish({ timedOut: true, capMs }), capMs);
    child.on('message', (/** @type {ChildAnswer} */ msg) => {
      if (msg.error) return finish({ error: msg.error });
      const quality = msg.positions.length ? layoutQuality(msg.positions, graph) : null;
      const crossings = msg.positions.length ? countCrossings(msg.positions, graph.edges) : null;
      const result = {
        ms: msg.ms,
        quality: quality && { overlaps: quality.overlaps.overlaps, backward: quality.edges.backward, crossings },
      };
      // Not enumerable: kept for comparisons in this process, left out of the results JSON.
      finish(Object.defineProperty(result, 'positions', { value: msg.positions, enumerable: false }));
    });
    child.on('exit', (code) => finish({ error: `layout process exited (${code}) ${stderr}`.trim() }));
    child.send({ engine, graph, dir });
  });
}
