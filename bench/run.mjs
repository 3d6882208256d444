/**
 * `npm run bench`: issue 3's scale benchmark. Builds the app, serves it with `vite preview` (which
 * mounts the simulator), drives headless Chromium through the scale scenarios, times the reference
 * layouts (dagre, elkjs) on the same graphs, prints every figure against its goal and writes
 * bench/results/<date>.json and .md. Flags: --runs N, --quick, --only ID[,ID], --no-build,
 * --no-reference, --no-log, --no-find (skip issue 9's search-per-keystroke and timeline-scrolling runs
 * at 5,000 subtasks), --profile, --port N, --tick-ms N, --cap-s N. See BENCHMARKS.md for the method.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/browser.mjs';
import { firstRouteSizes, gzipTotal } from './lib/bundle.mjs';
import { taskGraph } from './lib/graph.mjs';
import { FIND_SIZE, findQueries, measureFind, profileFind } from './lib/findbench.mjs';
import { LOG_QUERIES, LOG_TASK, measureLog, profileLog } from './lib/logbench.mjs';
import { measureRun } from './lib/measure.mjs';
import { profileScenario } from './lib/profile.mjs';
import { timeLayout } from './lib/reference.mjs';
import { judgeFindGoals, judgeGoals, judgeLogGoals, markdownReport, printReport, summarizeFind, summarizeScenario } from './lib/report.mjs';
import { build, freePort, startPreview } from './lib/server.mjs';
import { round } from './lib/stats.mjs';
import { SCALE_SCENARIOS, SCENARIO_IDS } from '../server/simulator/scenarioIds.ts';

/** The bench's own build, served by `vite preview`; inside bench/results, which git ignores. */
const DIST = 'bench/results/dist';
const LAYOUT_DIR = fileURLToPath(new URL('../src/features/task-graph', import.meta.url));

/** The simulator's generated tasks, from the one list of scenario ids the simulator and e2e use too. */
const SCALE = SCALE_SCENARIOS.map(({ key, size, state }) => ({ id: Number(SCENARIO_IDS[key]), size, state }));

const { values: opts } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-reference': { type: 'boolean', default: false },
    'no-log': { type: 'boolean', default: false },
    'no-find': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    port: { type: 'string' },
    'tick-ms': { type: 'string', default: '1000' },
    'cap-s': { type: 'string', default: '60' },
  },
});

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const runs = opts.quick ? 1 : Math.max(1, Number(opts.runs));
const only = opts.only?.split(',').map(Number);
// Explicit, so SIM_AUTH / SIM_TICK_MS in the environment or an earlier test's reset cannot change the run.
const resetBody = { auth: false, tickMs: Number(opts['tick-ms']) };
const capMs = Number(opts['cap-s']) * 1000;
const log = (...a) => console.log(...a);

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function machine(chromium, loadAtStart) {
  const cpuModel = /model name\s*:\s*(.+)/.exec(safe(() => readFileSync('/proc/cpuinfo', 'utf8')))?.[1] ?? os.cpus()[0]?.model;
  return {
    cpus: os.cpus().length,
    cpuModel,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    freeH: safe(() => execSync('free -h', { encoding: 'utf8' }).trim()),
    node: process.version,
    chromium,
    platform: `${os.type()} ${os.release()}`,
    loadAtStart,
  };
}

function safe(f) {
  try {
    return f();
  } catch {
    return '';
  }
}

function fullQualityLine(r) {
  if (r.error) return `not importable (${r.error.split('\n')[0]})`;
  if (r.timedOut) return `> ${capMs / 1000} s`;
  return `${Math.round(r.ms)} ms, overlaps ${r.quality.overlaps}, backward edges ${r.quality.backward}`;
}

function runLine(s, i, r) {
  if (!r.ok) return `  ${s.id} run ${i}: FAILED — ${r.error}`;
  const ms = (v) => (v === null || v === undefined ? '—' : `${Math.round(v)}`);
  const parts = [
    `first nodes ${ms(r.load.firstNodesMs)} ms`,
    `load longest task ${ms(r.load.longestTaskMs)} ms`,
    r.poll ? `polls changed ${r.poll.changedPolls}, relayouts ${r.poll.relayouts}, poll longest task ${ms(r.poll.longestTaskMs)} ms` : null,
    `pan max ${ms(r.pan.maxFrameMs)} ms p95 ${ms(r.pan.p95FrameMs)} ms`,
    `drawn: overlaps ${r.quality.overlaps.overlaps}, backward ${r.quality.edges.backward} of ${r.quality.edges.checked} edges`,
    r.quality.matchesFullLayout &&
      `${r.quality.matchesFullLayout.mismatched} of ${r.quality.matchesFullLayout.compared} drawn nodes off the full layout`,
    `${Math.round(Object.values(r.stagesMs).reduce((a, b) => a + b, 0) / 1000)} s`,
  ];
  return `  ${s.id} run ${i}: ${parts.filter(Boolean).join('; ')}`;
}

/** Observed first-route JS: scripts fetched before the first nodes were painted, sized from the build. */
async function observedScripts(run, taskId) {
  // Layout code (the d3-dag chunk and its worker) is outside the budget by the issue's definition.
  const files = [...new Set(run.load.scripts.map((s) => s.file))].filter((f) => !/(^|\/)layout[.-]/.test(f));
  return { taskId, files, gzip: await gzipTotal(DIST, files) };
}

async function main() {
  const started = new Date();
  const loadAtStart = loadAverage();
  await mkdir('bench/results', { recursive: true });
  const [load1 = 0] = os.loadavg();
  if (load1 > 1) log(`warning: load average ${load1.toFixed(2)}: figures may be noisy`);
  if (!opts['no-build']) {
    log(`building (vite build → ${DIST})…`);
    await build(root, DIST);
  }
  if (opts['no-build'] && !existsSync(`${DIST}/index.html`))
    throw new Error(`--no-build: no earlier bench build in ${DIST}; run once without it`);
  const bundle = await firstRouteSizes(DIST);
  const port = opts.port ? Number(opts.port) : await freePort();
  log(`starting vite preview on port ${port}…`);
  const server = await startPreview(root, DIST, port, SCALE[0]?.id ?? 0);
  /** @type {Record<string, any>} */
  const results = {
    date: started.toISOString(),
    options: { runs, quick: opts.quick, only: only ?? null, resetBody, capMs },
    scenarios: [],
    reference: [],
    bundle,
  };
  let browser;
  try {
    const scenarios = selectScenarios(SCALE);
    results.options.scenarios = scenarios.map((s) => s.id);
    const launched = await launchBrowser();
    browser = launched.browser;
    results.machine = machine(launched.version, loadAtStart);
    for (const s of scenarios) {
      await server.reset(resetBody);
      const task = await server.task(s.id);
      const graph = taskGraph(task);
      // The console's layout of the whole graph as the page opens it (big fan-outs collapsed), in Node:
      // the browser only ever draws part of a big one.
      const fullLayout = await timeLayout('ours-opening', graph, { capMs, dir: LAYOUT_DIR });
      const entry = { ...s, subtasks: graph.nodes.length, edges: graph.edges.length, taskStatus: task.status, fullLayout, runs: [] };
      log(
        `${s.id}: ${graph.nodes.length} subtasks, ${graph.edges.length} edges, task ${task.status}; full layout in Node: ${fullQualityLine(fullLayout)}`,
      );
      for (let i = 1; i <= runs; i++) {
        const run = await measureRun({ browser, server, scenario: s, graph, resetBody, fullLayout });
        entry.runs.push(run);
        log(runLine(s, i, run));
      }
      entry.summary = summarizeScenario(entry.runs);
      if (!opts['no-find'] && s.size === FIND_SIZE) entry.find = await findRuns(browser, server, s, task);
      results.scenarios.push(entry);
      if (s.size === Math.max(...scenarios.map((x) => x.size)) && !bundle.observed) {
        const firstOk = entry.runs.find((r) => r.ok);
        if (firstOk) bundle.observed = await observedScripts(firstOk, s.id);
      }
    }
    if (!opts['no-log'] && (!only || only.includes(Number(LOG_TASK)))) results.log = await logRuns(browser, server);
    if (opts.profile) results.profiles = await profiles(browser, server, scenarios);
    if (opts.profile && !opts['no-find'])
      for (const s of scenarios.filter((x) => x.size === FIND_SIZE)) {
        log(`profiling search and timeline of ${s.id}…`);
        await server.reset(resetBody);
        const task = await server.task(s.id);
        results.profiles = {
          ...results.profiles,
          [`find ${s.id}`]: await profileFind({ browser, server, scenario: s, task, resetBody, distDir: DIST }),
        };
      }
    if (opts.profile && results.log) {
      log(`profiling the log of task ${LOG_TASK}…`);
      results.profiles = { ...results.profiles, [`log ${LOG_TASK}`]: await profileLog({ browser, server, resetBody, distDir: DIST }) };
    }
    await browser.close();
    browser = undefined;
    if (!opts['no-reference']) results.reference = await referenceLayouts(server, results.scenarios);
  } finally {
    await browser?.close();
    await server.stop();
  }
  results.loadAtEnd = loadAverage();
  results.goals = [...judgeGoals(results.scenarios, bundle), ...judgeFindGoals(results.scenarios), ...judgeLogGoals(results.log)];
  const stamp = started.toISOString().replace(/:/g, '-').slice(0, 19);
  const md = markdownReport(results);
  await writeFile(`bench/results/${stamp}.json`, JSON.stringify(results, null, 1));
  await writeFile(`bench/results/${stamp}.md`, md);
  log(printReport(results));
  log(`\nwrote bench/results/${stamp}.json and bench/results/${stamp}.md (${Math.round((Date.now() - started.getTime()) / 1000)} s)`);
}

/** Issue 7's 10 MB log: open and search, `runs` times. */
async function logRuns(browser, server) {
  const out = [];
  for (let i = 1; i <= runs; i++) {
    const r = await measureLog({ browser, server, resetBody });
    out.push(r);
    const ms = (v) => (v === null || v === undefined ? '—' : `${Math.round(v)}`);
    log(
      r.ok
        ? `  log ${LOG_TASK} run ${i}: click → lines ${ms(r.clickToLinesMs)} ms (reply → lines ${ms(r.replyToLinesMs)} ms, ` +
            `${((r.bodyBytes ?? 0) / 2 ** 20).toFixed(1)} MB, ${((r.wireBytes ?? 0) / 2 ** 20).toFixed(2)} MB on the wire), longest task ${ms(r.longestTaskMs)} ms; ` +
            `search ${r.searches.map((q) => `"${q.query}" ${ms(q.ms)} ms`).join(', ')}`
        : `  log ${LOG_TASK} run ${i}: FAILED — ${r.error}`,
    );
  }
  return { task: LOG_TASK, queries: LOG_QUERIES, runs: out };
}

/** Issue 9's search per keystroke and timeline scrolling, `runs` times, each in a fresh context. */
async function findRuns(browser, server, s, task) {
  const out = [];
  const ms = (v) => (v === null || v === undefined ? '—' : `${Math.round(v)}`);
  for (let i = 1; i <= runs; i++) {
    const r = await measureFind({ browser, server, scenario: s, task, resetBody });
    out.push(r);
    if (!r.ok || !r.searches || !r.timeline) {
      log(`  ${s.id} find run ${i}: FAILED — ${r.error}`);
      continue;
    }
    const searches = r.searches.map((q) => `"${q.query}" slowest key ${ms(Math.max(...q.keys.map((k) => k.ms)))} ms`).join(', ');
    const t = r.timeline;
    log(
      `  ${s.id} find run ${i}: ${searches}; timeline longest frame ${ms(t.maxFrameMs)} ms, p95 ${ms(t.p95FrameMs)} ms, ` +
        `rows in DOM ≤ ${t.maxRowsInDom} of ${t.totalRows}, end ${t.reachedEnd ? 'reached' : 'NOT reached'}, load ${loadAverage()}`,
    );
  }
  const find = { queries: findQueries(task), runs: out };
  return { ...find, summary: summarizeFind(find) };
}

function selectScenarios(all) {
  const picked = all.filter((s) => (only ? only.includes(s.id) : !opts.quick || s.size <= 1000));
  if (picked.length === 0 && only?.includes(Number(LOG_TASK))) return [];
  if (picked.length === 0) throw new Error(`no scenario matches --only ${opts.only} (known: ${all.map((s) => s.id).join(', ')})`);
  return picked;
}

/** One unscored profiled run of each largest scenario: where the main thread's time goes. */
async function profiles(browser, server, scenarios) {
  if (scenarios.length === 0) return {};
  const largest = Math.max(...scenarios.map((s) => s.size));
  const out = {};
  for (const s of scenarios.filter((x) => x.size === largest)) {
    log(`profiling ${s.id} (${s.size} ${s.state})…`);
    out[s.id] = await profileScenario({ browser, server, scenario: s, resetBody, distDir: DIST });
  }
  return out;
}

/** One graph per size (the FAILED scenario's): the console's layout (timed above), dagre and elkjs, one at a time. */
async function referenceLayouts(server, measured) {
  const out = [];
  for (const size of [...new Set(measured.map((s) => s.size))]) {
    const s = measured.find((x) => x.size === size && x.state === 'FAILED') ?? measured.find((x) => x.size === size);
    await server.reset(resetBody);
    const graph = taskGraph(await server.task(s.id));
    // Every engine places every subtask: ours folded (groups stacked, all expanded) and unfolded, dagre, elkjs.
    const row = { size: graph.nodes.length, edges: graph.edges.length, taskId: s.id };
    for (const engine of ['ours', 'ours-unfolded', 'dagre', 'elk']) {
      log(`reference layout: ${engine} on ${graph.nodes.length} subtasks…`);
      const r = await timeLayout(engine, graph, { capMs, dir: LAYOUT_DIR });
      row[engine] = { ...r, ms: round(r.ms, 1) ?? undefined };
    }
    out.push(row);
  }
  return out;
}

try {
  await main();
} catch (err) {
  console.error(`bench failed: ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
}
