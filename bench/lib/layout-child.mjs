/**
 * Runs one reference layout in its own process, so the parent can kill it at the time cap.
 * Receives `{ engine, graph }` over IPC and answers `{ ms, positions }` (or `{ error }`).
 * Node size 220×64 and left-to-right ranks, as the console draws them; otherwise library defaults.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const W = 220;
const H = 64;

async function dagreLayout({ nodes, edges }) {
  const { default: dagre } = await import('@dagrejs/dagre');
  const start = performance.now();
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR' });
  g.setDefaultEdgeLabel(() => ({}));
  for (const id of nodes) g.setNode(id, { width: W, height: H });
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const ms = performance.now() - start;
  // dagre gives centres; the quality check wants top-left corners.
  return { ms, positions: nodes.map((id) => ({ id, x: g.node(id).x - W / 2, y: g.node(id).y - H / 2, w: W, h: H })) };
}

async function elkLayout({ nodes, edges }) {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const start = performance.now();
  const out = await elk.layout({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT' },
    children: nodes.map((id) => ({ id, width: W, height: H })),
    edges: edges.map((e, i) => ({ id: `e${i}`, sources: [e.source], targets: [e.target] })),
  });
  const ms = performance.now() - start;
  return { ms, positions: (out.children ?? []).map((c) => ({ id: c.id, x: c.x, y: c.y, w: W, h: H })) };
}

/**
 * The console's own pipeline as its worker runs it: structure (with parallel groups) → layout input →
 * layout, all groups expanded. `dir` is src/features/task-graph; needs tsx (the parent passes --import tsx).
 */
async function oursLayout({ subtasks }, dir) {
  const model = await import(pathToFileURL(`${dir}/model.ts`).href);
  const { layoutGraph } = await import(pathToFileURL(`${dir}/layout.ts`).href);
  const start = performance.now();
  const structure = model.buildGraphStructure(subtasks);
  const layout = layoutGraph(model.toLayoutInput(structure));
  const ms = performance.now() - start;
  return { ms, positions: [...layout.positions].map(([id, p]) => ({ id, x: p.x, y: p.y, w: W, h: H })) };
}

/** Answers the parent, then exits: `process.send` exists because the parent forks with an IPC channel. */
const send = (/** @type {object} */ msg, /** @type {number} */ code) => process.send?.(msg, undefined, undefined, () => process.exit(code));

process.once('message', async ({ engine, graph, dir }) => {
  try {
    const run = engine === 'dagre' ? dagreLayout(graph) : engine === 'elk' ? elkLayout(graph) : oursLayout(graph, dir);
    send(await run, 0);
  } catch (err) {
    send({ error: String(err instanceof Error ? err.stack : err) }, 1);
  }
});
