/**
 * Layout timing on generated OCP-like and random DAGs: `npx tsx src/features/task-graph/layout.bench.ts`.
 * Figures go in the report and BENCHMARKS.md; they are kept out of the test suite (timing tests flake).
 */
import { generateSubtasks } from './fixtures';
import { layoutGraph } from './layout';
import { buildGraphStructure, toLayoutInput } from './model';

// Typed by hand: this file sits in the browser tsconfig, which has no Node types.
const argv = (globalThis as { process?: { argv: string[] } }).process?.argv ?? [];
const sizes = argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const runs = 3;

for (const shape of ['ocp', 'random'] as const) {
  for (const count of sizes.length > 0 ? sizes : [100, 1_000, 5_000]) {
    const subtasks = generateSubtasks({ count, shape, seed: 7 });
    const times: number[] = [];
    let units = 0;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const structure = buildGraphStructure(subtasks);
      const input = toLayoutInput(structure);
      layoutGraph(input);
      times.push(performance.now() - t0);
      units = input.nodeIds.length - input.groups.reduce((n, g) => n + g.memberIds.length - 1, 0);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(runs / 2)] ?? 0;
    console.log(
      `${shape.padEnd(6)} ${String(subtasks.length).padStart(5)} subtasks (${units} layout units): median ${median.toFixed(0)} ms of ${runs}`,
    );
  }
}
