// Unit tests of the benchmark's pure pieces: `node --test bench/test/`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIndexHtml } from '../lib/bundle.mjs';
import { changedStatuses, statusMap, taskGraph } from '../lib/graph.mjs';
import { checkEdges, compareWithLayout, countCrossings, countOverlaps, layoutQuality } from '../lib/quality.mjs';
import { findQueries } from '../lib/findqueries.mjs';
import { judgeFindGoals, judgeGoals, fmt, summarizeFind, timelineMeasured } from '../lib/report.mjs';
import { decodeMappings, SourceMap } from '../lib/sourcemap.mjs';
import { gaps, quantile, summarize } from '../lib/stats.mjs';

const box = (id, x, y, w = 220, h = 64) => ({ id, x, y, w, h });

test('overlaps: touching boxes do not overlap, intersecting ones do', () => {
  assert.equal(countOverlaps([box('1', 0, 0), box('2', 220, 0), box('3', 0, 64)]).overlaps, 0);
  const r = countOverlaps([box('1', 0, 0), box('2', 100, 30), box('3', 500, 500)]);
  assert.equal(r.overlaps, 1);
  assert.deepEqual(r.examples, [['1', '2']]);
});

test('overlaps: a subtask inside a group backdrop is nesting, two stacked subtasks are not', () => {
  const isSubtask = (id) => !id.startsWith('parallel:');
  const group = box('parallel:1', 0, 0, 240, 300);
  assert.equal(countOverlaps([group, box('1', 10, 36), box('2', 10, 118)], isSubtask).overlaps, 0);
  assert.equal(countOverlaps([box('1', 10, 36), box('2', 10, 36)], isSubtask).overlaps, 1);
  // A group that only partly covers a node is an overlap.
  assert.equal(countOverlaps([group, box('9', 200, 100)], isSubtask).overlaps, 1);
});

test('edges must point from lower to higher x; missing endpoints are unchecked', () => {
  const byId = new Map([box('1', 0, 0), box('2', 300, 0), box('3', 300, 100)].map((b) => [b.id, b]));
  const r = checkEdges(
    [
      { source: '1', target: '2' },
      { source: '2', target: '3' },
      { source: '3', target: '1' },
      { source: '1', target: '4' },
    ],
    byId,
  );
  assert.deepEqual({ checked: r.checked, backward: r.backward, unchecked: r.unchecked }, { checked: 3, backward: 2, unchecked: 1 });
});

test('taskGraph merges upstreams, downstreams and the vendor spelling, without duplicates', () => {
  const g = taskGraph({
    subtasks: [
      { id: 1, status: 'SUCCESSFUL', upstreams: [], downstreams: [2] },
      { id: 2, status: 'RUNNING', upstreams: [1], downstream: [3] },
      { id: '3', status: 'PENDING', upstreams: [2, 99], paralleIdx: 0 },
    ],
  });
  assert.deepEqual(g.nodes, ['1', '2', '3']);
  assert.deepEqual(g.edges, [
    { source: '1', target: '2' },
    { source: '2', target: '3' },
  ]);
  assert.equal(g.subtasks[2].parallelIdx, 0);
  const q = layoutQuality([box('1', 0, 0), box('2', 300, 0)], g);
  assert.deepEqual([q.subtasksMeasured, q.edges.unchecked], [2, 1]);
});

test('changedStatuses counts subtasks whose status differs', () => {
  const a = statusMap({
    subtasks: [
      { id: 1, status: 'RUNNING' },
      { id: 2, status: 'PENDING' },
    ],
  });
  const b = statusMap({
    subtasks: [
      { id: 1, status: 'SUCCESSFUL' },
      { id: 2, status: 'PENDING' },
    ],
  });
  assert.equal(changedStatuses(a, b), 1);
  assert.equal(changedStatuses(b, b), 0);
});

test('stats: upper median, quantiles, frame gaps', () => {
  assert.deepEqual(summarize([3, null, 1, 2]), { median: 2, min: 1, max: 3, n: 3 });
  assert.equal(summarize([0, 61]).median, 61);
  assert.equal(summarize([]).median, null);
  assert.equal(quantile([0, 10], 0.5), 5);
  assert.deepEqual(gaps([0, 16, 50]), [16, 34]);
});

test('goals: scoped by size, the worst scenario counts, and nothing passes unmeasured', () => {
  const f = (value, missing = 0) => ({ median: value, max: value, n: value === null ? 0 : 1, missing });
  const figures = (first, overlaps, poll = f(null)) => ({
    firstNodesMs: f(first),
    loadLongestTaskMs: f(0),
    pollRelayouts: poll,
    pollLongestTaskMs: poll,
    panMaxFrameMs: f(40),
    overlaps: f(overlaps),
    backwardEdges: f(0),
  });
  const goals = judgeGoals(
    [
      { size: 100, summary: { figures: figures(140, 1) } },
      { size: 5000, summary: { figures: figures(380, 0) } },
      // A RUNNING task whose polls never changed a status in one run: its poll figures are not measured.
      { size: 5000, summary: { figures: figures(420, 0, f(0, 1)) } },
    ],
    { jsGzip: 200 * 1024 },
  );
  const by = (/** @type {string} */ figure, /** @type {string} */ goal) =>
    goals.find((g) => g.figure === figure && g.goal === goal) ?? assert.fail(`no goal ${figure} ${goal}`);
  assert.deepEqual(
    [by('reply received → first nodes on screen', '≤ 150 ms').value, by('reply received → first nodes on screen', '≤ 150 ms').pass],
    [140, true],
  );
  assert.deepEqual(
    [by('reply received → first nodes on screen', '≤ 400 ms').value, by('reply received → first nodes on screen', '≤ 400 ms').pass],
    [420, false],
  );
  assert.equal(by('layout quality: overlapping nodes', '0').pass, false);
  assert.deepEqual(
    [by('poll that changes statuses: relayouts', '0').value, by('poll that changes statuses: relayouts', '0').pass],
    [null, false],
  );
  assert.equal(by('poll that changes statuses: longest main-thread task', '≤ 50 ms').pass, false);
  assert.equal(by('first-route JavaScript, gzip', '≤ 250 KB').pass, true);
  assert.equal(fmt(0, 'task'), '< 50 ms');
});

test('a goal with no scenario in scope is not measured, and fails', () => {
  const f = (value) => ({ median: value, max: value, n: 1, missing: 0 });
  const only5000 = {
    firstNodesMs: f(300),
    loadLongestTaskMs: f(0),
    pollRelayouts: f(0),
    pollLongestTaskMs: f(0),
    panMaxFrameMs: f(40),
    overlaps: f(0),
    backwardEdges: f(0),
  };
  const goals = judgeGoals([{ size: 5000, summary: { figures: only5000 } }], null);
  const small = goals.find((g) => g.goal === '≤ 150 ms');
  assert.deepEqual([small?.value, small?.pass], [null, false]);
});

test('index.html: entry script, modulepreloads and stylesheets', () => {
  const html = `<script type="module" crossorigin src="/assets/index-a.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-b.js"><link rel="stylesheet" crossorigin href="/assets/index-c.css">
    <link rel="icon" href="/favicon.svg">`;
  assert.deepEqual(parseIndexHtml(html), {
    scripts: ['/assets/index-a.js'],
    preloads: ['/assets/vendor-b.js'],
    styles: ['/assets/index-c.css'],
  });
});

test('source maps: VLQ segments decode and look up the nearest preceding segment', () => {
  // "AAAA" = [0,0,0,0]; "KACA" = [5,0,1,0] relative; ";" starts line 2; "AAEAA" adds a name.
  assert.deepEqual(decodeMappings('AAAA,KACA;AAEAA'), [
    [
      [0, 0, 0, 0],
      [5, 0, 1, 0],
    ],
    [[0, 0, 3, 0, 0]],
  ]);
  const map = new SourceMap({ sources: ['../../src/a.ts'], names: ['layoutGraph'], mappings: 'AAAA,KACA;AAEAA' });
  assert.deepEqual(map.lookup(0, 7), { source: 'src/a.ts', line: 2, name: undefined });
  assert.deepEqual(map.lookup(1, 0), { source: 'src/a.ts', line: 4, name: 'layoutGraph' });
  assert.equal(map.lookup(5, 0), null);
});

test('drawn nodes are compared with the full layout by id, within a pixel', () => {
  const r = compareWithLayout(
    [box('1', 0, 0), box('2', 300.4, 0), box('3', 10, 0), box('parallel:9', 0, 0)],
    [
      { id: '1', x: 0, y: 0 },
      { id: '2', x: 300, y: 0 },
      { id: '3', x: 0, y: 0 },
    ],
  );
  assert.deepEqual([r.compared, r.mismatched], [3, 1]);
  assert.equal(r.examples[0]?.id, '3');
});

test('crossings: two edges that swap rows cross once; shared ends and parallel edges do not', () => {
  const b = (id, x, y) => ({ id, x, y, w: 10, h: 10 });
  const boxes = [b('a', 0, 0), b('b', 0, 100), b('c', 100, 0), b('d', 100, 100)];
  assert.equal(
    countCrossings(boxes, [
      { source: 'a', target: 'd' },
      { source: 'b', target: 'c' },
    ]),
    1,
  );
  assert.equal(
    countCrossings(boxes, [
      { source: 'a', target: 'c' },
      { source: 'b', target: 'd' },
    ]),
    0,
  );
  assert.equal(
    countCrossings(boxes, [
      { source: 'a', target: 'c' },
      { source: 'a', target: 'd' },
    ]),
    0,
  );
});

test('find queries: the failed subtask host (else its id), a common word, one letter', () => {
  const task = {
    subtasks: [
      { id: 11, name: 'Install OBServer on 10.0.1.2', status: 'SUCCESSFUL' },
      { id: 12, name: 'Start service on 10.0.1.21', status: 'FAILED' },
      { id: 13, name: 'Check host', status: 'PENDING', executor: '10.0.1.21' },
    ],
  };
  assert.deepEqual(
    findQueries(task).map((q) => q.query),
    ['10.0.1.21', 'Install', 'e'],
  );
  assert.equal(findQueries({ subtasks: [{ id: 7, name: 'Register', status: 'FAILED' }] })[0]?.query, '7');
});

/**
 * A find run: per query its keystrokes' times (and longest task each), plus a timeline scroll.
 * @param {number[]} keyMs @param {{ task?: number | null, frame?: number, rows?: number, end?: boolean }} [o]
 */
const findRun = (keyMs, { task = 0, frame = 33, rows = 43, end = true } = {}) => ({
  ok: true,
  searches: [
    { kind: 'rare', query: 'ab', keys: keyMs.map((ms) => ({ ms, longestTaskMs: task })) },
    { kind: 'one letter', query: 'e', keys: [{ ms: 20, longestTaskMs: task }] },
  ],
  timeline: {
    truncated: false,
    reachedEnd: end,
    reachedTopAfterEnd: end,
    maxFrameMs: frame,
    p95FrameMs: 17,
    maxRowsInDom: rows,
    totalRows: 5000,
    seconds: 9,
    longestTaskMs: 0,
  },
});
const findScenario = (runs, id = 9150) => {
  const find = { queries: [], runs };
  return { id, size: 5000, state: 'FAILED', find: { ...find, summary: summarizeFind(find) } };
};
const goal = (goals, prefix) => goals.find((g) => g.figure.startsWith(prefix)) ?? assert.fail(`no goal ${prefix}`);

test("find goals: search is judged on each run's slowest keystroke, its median over runs, slowest query", () => {
  const goals = judgeFindGoals([findScenario([findRun([10, 12, 40]), findRun([10, 11, 70]), findRun([30, 31, 45])])]);
  const search = goal(goals, 'graph search: keystroke');
  // Slowest keystroke per run: 40, 70, 45 → median 45 (not the median keystroke, 12).
  assert.deepEqual([search.value, search.pass], [45, true]);
  const slow = judgeFindGoals([findScenario([findRun([10, 12, 60]), findRun([10, 11, 70]), findRun([30, 31, 45])])]);
  assert.deepEqual([goal(slow, 'graph search: keystroke').value, goal(slow, 'graph search: keystroke').pass], [60, false]);
  assert.equal(goal(goals, 'graph search: longest').pass, true);
  const blocked = judgeFindGoals([findScenario([findRun([10], { task: 80 }), findRun([10], { task: 80 })])]);
  assert.deepEqual([goal(blocked, 'graph search: longest').value, goal(blocked, 'graph search: longest').pass], [80, false]);
  // The worse of two scenarios counts.
  const two = judgeFindGoals([findScenario([findRun([10])]), findScenario([findRun([90])], 9151)]);
  assert.equal(goal(two, 'graph search: keystroke').value, 90);
});

test('find goals: a failed run, an unsupported long-task observer or an unfinished scroll is not measured, and fails', () => {
  const failed = judgeFindGoals([findScenario([findRun([10]), { ok: false, error: 'timeout' }])]);
  for (const g of failed) assert.deepEqual([g.value, g.pass], [null, false], g.figure);
  const noObserver = judgeFindGoals([findScenario([findRun([10], { task: null })])]);
  assert.deepEqual([goal(noObserver, 'graph search: longest').value, goal(noObserver, 'graph search: longest').pass], [null, false]);
  assert.equal(goal(noObserver, 'graph search: keystroke').pass, true);
  const stopped = judgeFindGoals([findScenario([findRun([10], { end: false })])]);
  assert.deepEqual([goal(stopped, 'timeline').value, goal(stopped, 'timeline').pass], [null, false]);
  assert.deepEqual(judgeFindGoals([{ id: 9150, size: 5000 }]), []);
});

test('timeline: frames judged with the vsync allowance; rows must stay bounded', () => {
  assert.equal(goal(judgeFindGoals([findScenario([findRun([10], { frame: 50.1 })])]), 'timeline').pass, true);
  assert.equal(goal(judgeFindGoals([findScenario([findRun([10], { frame: 66.7 })])]), 'timeline').pass, false);
  const t = findRun([10]).timeline;
  assert.equal(timelineMeasured(t), true);
  assert.equal(timelineMeasured({ ...t, maxRowsInDom: 5000 }), false);
  assert.equal(timelineMeasured({ ...t, reachedTopAfterEnd: false }), false);
  assert.equal(timelineMeasured({ ...t, reachedEnd: false, reachedTopAfterEnd: false }), false);
  assert.equal(timelineMeasured({ ...t, truncated: true }), true);
});
