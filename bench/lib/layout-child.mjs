/**
 * Runs one layout in its own process, so the parent can kill it at the time cap. Receives
 * `{ engine, graph, dir }` over IPC and answers `{ ms, positions }` (or `{ error }`). Every engine gets
 * the same input: the subtasks as nodes of the console's own size (geometry.ts, the one source; the
 * parent runs this under tsx) and the same edges, left-to-right ranks; otherwise library defaults.
 * `ours` is the console's pipeline with parallel groups folded into one stacked unit each, as the app
 * runs it; `ours-unfolded` is the same layout code on every node alone, the work dagre and elkjs do.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

/** @param {string} dir src/features/task-graph */
async function geometry(dir) {
  const { NODE_WIDTH, NODE_HEIGHT } = await import(pathToFileURL(`${dir}/geometry.ts`).href);
  return { W: /** @type {number} */ (NODE_WIDTH), H: /** @type {number} */ (NODE_HEIGHT) };
}

async function dagreLayout({ nodes, edges }, { W, H }) {
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

async function elkLayout({ nodes, edges }, { W, H }) {
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
 * The console's own pipeline as its worker runs it: structure (with parallel groups) → layout input → layout.
 * `mode`: 'unfolded' lays out every node alone; 'folded' stacks each parallel group as one unit, every
 * group expanded (every subtask placed: the same input as dagre and elkjs); 'opening' is what the page
 * draws when it opens, big fan-outs collapsed into one group node as collapse.ts decides by default.
 */
async function oursLayout({ subtasks, nodes, edges }, dir, mode, { W, H }) {
  const model = await import(pathToFileURL(`${dir}/model.ts`).href);
  const { collapsedGroups } = await import(pathToFileURL(`${dir}/collapse.ts`).href);
  const { COLLAPSED_GROUP_HEIGHT } = await import(pathToFileURL(`${dir}/geometry.ts`).href);
  const { layoutGraph } = await import(pathToFileURL(`${dir}/layout.ts`).href);
  const start = performance.now();
  const structure = mode === 'unfolded' ? null : model.buildGraphStructure(subtasks);
  /** @type {Set<string>} */
  const collapsed = mode === 'opening' ? collapsedGroups(structure, new Set()) : new Set();
  const input = structure ? model.toLayoutInput(structure, collapsed) : { nodeIds: nodes, edges, groups: [] };
  const layout = layoutGraph(input);
  const ms = performance.now() - start;
  const height = (/** @type {string} */ id) => (collapsed.has(id) ? COLLAPSED_GROUP_HEIGHT : H);
  return { ms, positions: [...layout.positions].map(([id, p]) => ({ id, x: p.x, y: p.y, w: W, h: height(id) })) };
}

/** Answers the parent, then exits: `process.send` exists because the parent forks with an IPC channel. */
const send = (/** @type {object} */ msg, /** @type {number} */ code) => process.send?.(msg, undefined, undefined, () => process.exit(code));

process.once('message', async ({ engine, graph, dir }) => {
  try {
    const size = await geometry(dir);
    const run =
      engine === 'dagre'
        ? dagreLayout(graph, size)
        : engine === 'elk'
          ? elkLayout(graph, size)
          : oursLayout(graph, dir, engine === 'ours' ? 'folded' : engine === 'ours-opening' ? 'opening' : 'unfolded', size);
    send(await run, 0);
  } catch (err) {
    send({ error: String(err instanceof Error ? err.stack : err) }, 1);
  }
});
