/** Aggregates runs into figures, checks them against issue 3's goals, and prints them as text and Markdown. */
import { summarize } from './stats.mjs';

const polled = (r) => r.poll !== null && r.poll !== undefined;

/**
 * Every per-run figure: how to read it from a run, and how to show it. `applies` says in which runs
 * the figure must be measured (default: all): a run where it applies but reads null did not see the
 * event the figure is about (a status-changing poll, a changed drawn node, a supported observer).
 */
export const FIGURES = [
  { key: 'firstNodesMs', label: 'reply → first nodes', kind: 'ms', get: (r) => r.load.firstNodesMs },
  { key: 'firstNodesDrawn', label: 'nodes drawn then', kind: 'count', get: (r) => r.load.nodesDrawnAtFirstPaint ?? null },
  { key: 'navFirstNodesMs', label: 'navigation → first nodes (cold)', kind: 'ms', get: (r) => r.load.navToFirstNodesMs ?? null },
  { key: 'loadLongestTaskMs', label: 'longest task, loading', kind: 'task', get: (r) => r.load.longestTaskMs },
  { key: 'loadBlockingMs', label: 'blocking time, loading', kind: 'ms', get: (r) => r.load.totalBlockingMs },
  { key: 'pollChanges', label: 'status changes per poll', kind: 'count', get: (r) => r.poll?.changesPerPoll ?? null, applies: polled },
  {
    key: 'pollBytes',
    label: 'bytes per poll',
    kind: 'kb',
    get: (r) => ((r.poll?.bytesPerPoll ?? null) === null ? null : r.poll.bytesPerPoll / 1024),
    applies: polled,
  },
  { key: 'pollRelayouts', label: 'relayouts on polls', kind: 'count', get: (r) => r.poll?.relayouts ?? null, applies: polled },
  { key: 'pollLongestTaskMs', label: 'longest task, polls', kind: 'task', get: (r) => r.poll?.longestTaskMs ?? null, applies: polled },
  { key: 'panMaxFrameMs', label: 'pan/zoom longest frame', kind: 'ms', get: (r) => r.pan.maxFrameMs },
  { key: 'panP95FrameMs', label: 'pan/zoom p95 frame', kind: 'ms', get: (r) => r.pan.p95FrameMs },
  { key: 'overlaps', label: 'overlaps (drawn)', kind: 'count', get: (r) => r.quality.overlaps.overlaps },
  { key: 'backwardEdges', label: 'edges not left→right (drawn)', kind: 'count', get: (r) => r.quality.edges.backward },
  { key: 'checkedEdges', label: 'edges checked (drawn)', kind: 'count', get: (r) => r.quality.edges.checked },
  { key: 'offLayout', label: 'drawn nodes off full layout', kind: 'count', get: (r) => r.quality.matchesFullLayout?.mismatched ?? null },
];

export function summarizeScenario(runs) {
  const ok = runs.filter((r) => r.ok);
  const figures = {};
  for (const f of FIGURES) {
    const missing = ok.filter((r) => (f.applies ?? (() => true))(r) && (f.get(r) ?? null) === null).length;
    figures[f.key] = { ...summarize(ok.map(f.get)), missing };
  }
  const phases = {};
  const worstFrames = {};
  for (const r of ok) {
    for (const p of r.pan.phases) {
      (phases[p.name] ??= []).push(p.maxFrameMs);
      const f = p.longFrames?.[0];
      if (f && f.duration > (worstFrames[p.name]?.duration ?? 0)) worstFrames[p.name] = f;
    }
  }
  const steps = ['scriptsLoadedAt', 'replyRequestedAt', 'replyStartAt', 'replyEndAt', 'layoutDoneAt', 'firstNodeInDomAt', 'paintedAt'];
  const navBreakdown = Object.fromEntries(steps.map((k) => [k, summarize(ok.map((r) => r.load.navBreakdown?.[k] ?? null)).median]));
  return {
    runs: runs.length,
    okRuns: ok.length,
    navBreakdown,
    errors: runs.filter((r) => !r.ok).map((r) => r.error),
    figures,
    panPhases: Object.fromEntries(Object.entries(phases).map(([name, v]) => [name, summarize(v)])),
    worstFrames,
    culprits: {
      load: tally(ok.map((r) => culprit(r.load.longTasks, r.load.loafs))),
      poll: tally(ok.filter((r) => r.poll).map((r) => culprit(r.poll.longTasks, r.poll.loafs))),
    },
  };
}

/**
 * Who ran the longest task: the top script of the long animation frame holding it (its invoker: a
 * script URL being evaluated, a callback such as `Response.text.then`, React's scheduler on
 * `MessagePort.onmessage`, …), or the frame's non-script work.
 */
export function culprit(longTasks, loafs) {
  if (!longTasks?.length) return null;
  const task = longTasks.reduce((a, b) => (b.duration > a.duration ? b : a));
  const frame = loafs.find((l) => l.start <= task.start + 1 && l.start + l.duration >= task.start);
  if (!frame) return 'unattributed';
  const script = frame.scripts[0];
  if (!script) return 'no script (style, layout, paint or GC)';
  const invoker = script.invoker.startsWith('http') ? `evaluating ${new URL(script.invoker).pathname}` : script.invoker;
  return script.sourceFunctionName ? `${invoker} (${script.sourceFunctionName})` : invoker;
}

function tally(labels) {
  const counts = new Map();
  for (const l of labels) if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([what, runs]) => ({ what, runs }));
}

/**
 * Issue 10's goals. `size` scopes a goal to one task size, else every size; within the scope the worse scenario counts. Timings use the median of
 * runs; counts (relayouts, overlaps, backward edges) must hold in every run, so they use the maximum.
 * Layout quality also counts the console's full layout computed in Node (`fullKey`), since the browser
 * draws only the nodes near the screen. A goal whose figure was not measured (no scenario in scope
 * measured it, or a run in scope missed the event it depends on) FAILS: nothing passes vacuously.
 */
const GOALS = [
  { figure: 'reply received → first nodes on screen', goal: '≤ 150 ms', key: 'firstNodesMs', limit: 150, stat: 'median', size: 100 },
  { figure: 'reply received → first nodes on screen', goal: '≤ 400 ms', key: 'firstNodesMs', limit: 400, stat: 'median', size: 5000 },
  {
    figure: 'longest main-thread task while loading',
    goal: '≤ 50 ms (none reported)',
    key: 'loadLongestTaskMs',
    limit: 50,
    stat: 'median',
  },
  { figure: 'poll that changes statuses: relayouts', goal: '0', key: 'pollRelayouts', limit: 0, stat: 'max' },
  {
    figure: 'poll that changes statuses: longest main-thread task',
    goal: '≤ 50 ms',
    key: 'pollLongestTaskMs',
    limit: 50,
    stat: 'median',
    size: 5000,
  },
  // Frames come in whole vsync intervals (16.7 ms) with timestamps rounded to 0.1 ms: three intervals are
  // "50 ms" and may read 50.1, so the frame goal allows 1 ms.
  { figure: 'pan / zoom at any zoom level: longest frame', goal: '≤ 50 ms', key: 'panMaxFrameMs', limit: 51, stat: 'median' },
  { figure: 'layout quality: overlapping nodes', goal: '0', key: 'overlaps', fullKey: 'overlaps', limit: 0, stat: 'max' },
  {
    figure: 'layout quality: edges not from lower to higher x',
    goal: '0',
    key: 'backwardEdges',
    fullKey: 'backward',
    limit: 0,
    stat: 'max',
  },
];

export function judgeGoals(scenarios, bundle) {
  const out = GOALS.map((g) => {
    const size = g.size;
    const scoped = scenarios.filter((s) => size === undefined || s.size === size);
    const figures = scoped.map((s) => s.summary.figures[g.key]);
    const missed = figures.some((f) => f.missing > 0);
    const values = figures.filter((f) => f.n > 0).map((f) => f[g.stat]);
    if (g.fullKey) values.push(...scoped.map((s) => s.fullLayout?.quality?.[g.fullKey] ?? null));
    const measured = values.filter((v) => v !== null && v !== undefined);
    const value = missed || measured.length === 0 ? null : Math.max(...measured);
    const kind = figure(g.key).kind;
    const scope = size === undefined ? 'every size' : `${size.toLocaleString('en-US')} subtasks`;
    return { figure: g.figure, goal: g.goal, scope, stat: g.stat, value, kind, pass: value !== null && value <= g.limit };
  });
  if (bundle) {
    // What the task route really fetched before its first nodes showed (lazy route and graph chunks
    // included, layout code excluded), when a run observed it; else what index.html loads up front.
    const observed = bundle.observed;
    const kb = (observed ? observed.gzip : bundle.jsGzip) / 1024;
    const scope = observed ? `/tasks/${observed.taskId}, as fetched` : 'dist/index.html';
    out.push({ figure: 'first-route JavaScript, gzip', goal: '≤ 250 KB', scope, stat: 'size', value: kb, kind: 'kb', pass: kb <= 250 });
  }
  return out;
}

/**
 * Issue 7's log goals, on the medians over runs; a failed run makes the figure "not measured" (a fail).
 * Search is judged on its slowest query's median.
 */
export function judgeLogGoals(log) {
  if (!log) return [];
  const ok = log.runs.filter((r) => r.ok);
  const complete = ok.length === log.runs.length && ok.length > 0;
  const open = complete ? summarize(ok.map((r) => r.clickToLinesMs)).median : null;
  const perQuery = log.queries.map((q) => summarize(ok.map((r) => r.searches.find((x) => x.query === q)?.ms ?? null)));
  const search = complete && perQuery.every((x) => x.n === ok.length) ? Math.max(...perQuery.map((x) => x.median)) : null;
  const scope = `10 MB log (task ${log.task})`;
  return [
    {
      figure: 'click on the subtask → log lines on screen',
      goal: '≤ 1,000 ms',
      scope,
      stat: 'median',
      value: open,
      kind: 'ms',
      pass: open !== null && open <= 1000,
    },
    {
      figure: 'log search: keystroke → match count on screen',
      goal: '≤ 100 ms',
      scope,
      stat: 'median, slowest query',
      value: search,
      kind: 'ms',
      pass: search !== null && search <= 100,
    },
  ];
}

/**
 * Issue 9's search and timeline figures of one scenario (bench/lib/findbench.mjs), over its runs. Per
 * query, each run gives its slowest keystroke (`maxMs`), its median keystroke and its longest task on
 * a keystroke; the timeline gives its longest frame, p95 and rows in the DOM. A failed run, or a
 * timeline that never drew the last row (or the first again), or drew more rows than a screenful and
 * its margins, leaves the figure not measured (null).
 */
export function summarizeFind(find) {
  const ok = find.runs.filter((r) => r.ok);
  const complete = ok.length === find.runs.length && ok.length > 0;
  const queries = (ok[0]?.searches ?? []).map(({ kind, query }) => {
    const perRun = ok.map((r) => r.searches.find((q) => q.query === query)?.keys ?? null);
    const max = (/** @type {number[]} */ xs) => (xs.length ? Math.max(...xs) : null);
    const tasks = perRun.map((keys) =>
      keys && keys.every((k) => k.longestTaskMs !== null) ? max(keys.map((k) => k.longestTaskMs)) : null,
    );
    return {
      kind,
      query,
      keystrokes: perRun[0]?.length ?? 0,
      maxMs: summarize(perRun.map((keys) => (keys ? max(keys.map((k) => k.ms)) : null))),
      medianMs: summarize(perRun.map((keys) => (keys ? summarize(keys.map((k) => k.ms)).median : null))),
      longestTaskMs: summarize(tasks),
      complete: complete && perRun.every(Boolean),
      tasksMeasured: tasks.every((t) => t !== null),
    };
  });
  const timelineOk = ok.map((r) => r.timeline).filter((t) => timelineMeasured(t));
  return {
    runs: find.runs.length,
    okRuns: ok.length,
    errors: find.runs.filter((r) => !r.ok).map((r) => r.error),
    queries,
    timeline: {
      measured: complete && timelineOk.length === ok.length,
      maxFrameMs: summarize(timelineOk.map((t) => t.maxFrameMs)),
      p95FrameMs: summarize(timelineOk.map((t) => t.p95FrameMs)),
      longestTaskMs: summarize(timelineOk.map((t) => t.longestTaskMs)),
      maxRowsInDom: summarize(ok.map((t) => t.timeline.maxRowsInDom)),
      totalRows: ok[0]?.timeline.totalRows ?? null,
      seconds: summarize(ok.map((t) => t.timeline.seconds)),
      worstFrame: ok.flatMap((r) => r.timeline.longFrames ?? []).sort((a, b) => b.duration - a.duration)[0] ?? null,
    },
  };
}

/** Rows a virtualised list may hold: a screenful of 900 px at ≥ 20 px a row (45), its overscan, and slack. */
export const MAX_TIMELINE_ROWS = 150;

/**
 * A scroll counts only if it drew the last row and then the first again, with the rows kept bounded
 * (running out of time on the way does not matter once both ends were drawn).
 */
export function timelineMeasured(t) {
  return Boolean(
    t && t.reachedEnd && t.reachedTopAfterEnd && t.maxFrameMs !== null && t.maxRowsInDom !== null && t.maxRowsInDom <= MAX_TIMELINE_ROWS,
  );
}

/**
 * Issue 9's goals at 5,000 subtasks. Search: each run's slowest keystroke, its median over runs, for the
 * slowest query (as the log search is judged on its slowest query); no long task on a keystroke (the
 * same statistic); timeline: the longest frame's median over runs, with the frame goal's 1 ms for vsync
 * rounding. Over the scenarios measured the worse counts; none measured, or one not measured, FAILS.
 */
export function judgeFindGoals(scenarios) {
  const measured = scenarios.filter((s) => s.find);
  if (measured.length === 0) return [];
  const summaries = measured.map((s) => s.find.summary);
  const scope = `${[...new Set(measured.map((s) => s.size))].map((n) => n.toLocaleString('en-US')).join(', ')} subtasks (${measured.map((s) => s.id).join(', ')})`;
  const worst = (/** @type {(number | null)[]} */ xs) =>
    xs.length === 0 || xs.some((x) => x === null) ? null : Math.max(.../** @type {number[]} */ (xs));
  const allQueries = summaries.flatMap((s) => (s.queries.length ? s.queries : [null]));
  const keystroke = worst(allQueries.map((q) => (q && q.complete ? q.maxMs.median : null)));
  const task = worst(allQueries.map((q) => (q && q.complete && q.tasksMeasured ? q.longestTaskMs.median : null)));
  const frame = worst(summaries.map((s) => (s.timeline.measured ? s.timeline.maxFrameMs.median : null)));
  return [
    {
      figure: 'graph search: keystroke → matches on screen',
      goal: '≤ 50 ms',
      scope,
      stat: "median of each run's slowest keystroke, slowest query",
      value: keystroke,
      kind: 'ms',
      pass: keystroke !== null && keystroke <= 50,
    },
    {
      figure: 'graph search: longest main-thread task on a keystroke',
      goal: '≤ 50 ms (none reported)',
      scope,
      stat: 'median over runs, slowest query',
      value: task,
      kind: 'task',
      pass: task !== null && task <= 50,
    },
    {
      figure: 'timeline scrolling, first row to last and back: longest frame',
      goal: '≤ 50 ms',
      scope,
      stat: 'median',
      value: frame,
      kind: 'ms',
      pass: frame !== null && frame <= 51,
    },
  ];
}

/** The search and timeline figures of every scenario that measured them. */
function findTables(scenarios) {
  const measured = scenarios.filter((s) => s.find);
  const c = (x, kind = 'ms') =>
    x.n === 0 ? 'not measured' : x.min === x.max ? fmt(x.median, kind) : `${fmt(x.median, kind)} (${fmt(x.min, kind)}–${fmt(x.max, kind)})`;
  const search = {
    header: ['scenario', 'query', 'keys', 'slowest keystroke of a run', 'median keystroke', 'longest task on a keystroke'],
    rows: measured.flatMap((s) =>
      s.find.summary.queries.map((q) => [
        `${s.id} ${s.size.toLocaleString('en-US')} ${s.state}`,
        `"${q.query}" (${q.kind})`,
        String(q.keystrokes),
        c(q.maxMs),
        c(q.medianMs),
        q.tasksMeasured ? c(q.longestTaskMs, 'task') : 'not measured',
      ]),
    ),
  };
  const timeline = {
    header: [
      'scenario',
      'longest frame',
      'p95 frame',
      'longest task',
      'rows in DOM (most) / rows',
      'worst frame: tasks / render callbacks / style+layout+paint',
      'down and up took',
    ],
    rows: measured.map((s) => {
      const t = s.find.summary.timeline;
      const f = t.worstFrame;
      return [
        `${s.id} ${s.size.toLocaleString('en-US')} ${s.state}${s.find.summary.okRuns < s.find.summary.runs ? ` (${s.find.summary.okRuns}/${s.find.summary.runs} ok)` : ''}`,
        t.measured ? c(t.maxFrameMs) : 'not measured',
        t.measured ? c(t.p95FrameMs) : 'not measured',
        t.measured ? c(t.longestTaskMs, 'task') : 'not measured',
        `${t.maxRowsInDom.n ? Math.round(t.maxRowsInDom.max) : '—'} / ${t.totalRows ?? '—'}`,
        f
          ? `${f.duration} ms: ${f.tasksMs} / ${f.renderCallbacksMs} / ${f.styleLayoutPaintMs} ms${f.scripts.length ? `; ${f.scripts.join('; ')}` : ''}`
          : '—',
        t.seconds.n ? `${Math.round(t.seconds.median)} s` : '—',
      ];
    }),
  };
  const errors = measured.flatMap((s) => s.find.summary.errors.map((e) => `${s.id}: ${e}`));
  return { search, timeline, errors };
}

/** Per-figure medians (min–max) of the log runs. */
function logTable(log) {
  const ok = log.runs.filter((r) => r.ok);
  const cell = (values) => {
    const x = summarize(values);
    return x.n === 0 ? '—' : `${Math.round(x.median)} (${Math.round(x.min)}–${Math.round(x.max)}) ms`;
  };
  const rows = [
    ['click → lines on screen', cell(ok.map((r) => r.clickToLinesMs))],
    ['log reply received → lines on screen', cell(ok.map((r) => r.replyToLinesMs))],
    ['log request → reply received', cell(ok.map((r) => r.requestMs))],
    ['longest main-thread task while opening', cell(ok.map((r) => r.longestTaskMs))],
    ...log.queries.map((q) => [`search "${q}"`, cell(ok.map((r) => r.searches.find((x) => x.query === q)?.ms ?? null))]),
  ];
  const mb = (n) => `${((n ?? 0) / 2 ** 20).toFixed(2)} MB`;
  if (ok[0]) rows.push(['log size (body / on the wire)', `${mb(ok[0].bodyBytes)} / ${mb(ok[0].wireBytes)}`]);
  rows.push(['runs ok', `${ok.length} of ${log.runs.length}`]);
  return { header: ['figure', 'median (min–max)'], rows };
}

export function fmt(v, kind) {
  if (v === null || v === undefined) return '—';
  if (kind === 'count') return String(Math.round(v));
  if (kind === 'kb') return `${v.toFixed(1)} KB`;
  // The Long Tasks API reports only tasks over 50 ms: none seen means every task was shorter.
  if (kind === 'task' && v === 0) return '< 50 ms';
  return `${Math.round(v)} ms`;
}

const cell = (s, kind) => {
  const missed = s.missing ? ` [not measured in ${s.missing} run(s)]` : '';
  if (s.n === 0) return s.missing ? 'not measured' : '—';
  if (s.n === 1 || s.min === s.max) return fmt(s.median, kind) + missed;
  return `${fmt(s.median, kind)} (${fmt(s.min, kind)}–${fmt(s.max, kind)})${missed}`;
};

const fullQuality = (r) => (r?.quality ? `${r.quality.overlaps} / ${r.quality.backward}` : r?.error ? 'error' : '—');

const verdict = (p, value) => (value === null ? 'FAIL (not measured)' : p ? 'pass' : 'FAIL');

export function fmtReference(r) {
  if (!r) return '—';
  if (r.timedOut) return `> ${Math.round(r.capMs / 1000)} s`;
  if (r.error) return 'error';
  return r.ms >= 10_000 ? `${(r.ms / 1000).toFixed(1)} s` : `${Math.round(r.ms)} ms`;
}

function mdTable(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function textTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const SPEED = [
  'firstNodesMs',
  'firstNodesDrawn',
  'navFirstNodesMs',
  'loadLongestTaskMs',
  'pollChanges',
  'pollBytes',
  'pollRelayouts',
  'pollLongestTaskMs',
  'panMaxFrameMs',
  'panP95FrameMs',
];
const QUALITY = ['overlaps', 'backwardEdges', 'checkedEdges', 'offLayout'];
/** @param {string} key */
function figure(key) {
  const f = FIGURES.find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return f;
}
const scenarioName = (s) =>
  `${s.id} ${s.size.toLocaleString('en-US')} ${s.state}${s.summary.okRuns < s.summary.runs ? ` (${s.summary.okRuns}/${s.summary.runs} ok)` : ''}`;

function tables(results) {
  const goals = {
    header: ['figure', 'scope', 'goal', 'measured', 'result'],
    rows: results.goals.map((g) => [
      g.figure,
      g.scope,
      g.goal,
      g.value === null ? 'not measured' : fmt(g.value, g.kind),
      verdict(g.pass, g.value),
    ]),
  };
  const speed = {
    header: ['scenario', ...SPEED.map((k) => figure(k).label)],
    rows: results.scenarios.map((s) => [scenarioName(s), ...SPEED.map((k) => cell(s.summary.figures[k], figure(k).kind))]),
  };
  const quality = {
    header: ['scenario', ...QUALITY.map((k) => figure(k).label), 'full layout in Node: overlaps / not left→right'],
    rows: results.scenarios.map((s) => [
      scenarioName(s),
      ...QUALITY.map((k) => cell(s.summary.figures[k], 'count')),
      fullQuality(s.fullLayout),
    ]),
  };
  const phaseNames = [...new Set(results.scenarios.flatMap((s) => Object.keys(s.summary.panPhases ?? {})))];
  const phases = {
    header: ['scenario', ...phaseNames],
    rows: results.scenarios.map((s) => [
      scenarioName(s),
      ...phaseNames.map((n) => (s.summary.panPhases?.[n] ? cell(s.summary.panPhases[n], 'ms') : '—')),
    ]),
  };
  const culprits = {
    header: ['scenario', 'longest task while loading: who (runs)', 'longest task in poll window: who (runs)'],
    rows: results.scenarios.map((s) => [
      scenarioName(s),
      ...['load', 'poll'].map((w) => s.summary.culprits?.[w].map((c) => `${c.what} (${c.runs})`).join('; ') || '—'),
    ]),
  };
  const largest = Math.max(...results.scenarios.map((s) => s.size));
  const frames = {
    header: ['scenario', 'phase', 'longest animation frame', 'tasks / render callbacks / style+layout+paint', 'top scripts'],
    rows: results.scenarios
      .filter((s) => s.size === largest)
      .flatMap((s) =>
        Object.entries(s.summary.worstFrames ?? {}).map(([phase, f]) => [
          scenarioName(s),
          phase,
          `${f.duration} ms`,
          `${f.tasksMs} / ${f.renderCallbacksMs} / ${f.styleLayoutPaintMs} ms`,
          f.scripts.join('; ') || '—',
        ]),
      ),
  };
  const reference = {
    header: [
      'subtasks',
      'edges',
      'this console, groups folded (as the app)',
      'this console, every node',
      'dagre defaults',
      'elkjs layered defaults',
    ],
    rows: results.reference.map((r) => [
      r.size.toLocaleString('en-US'),
      r.edges.toLocaleString('en-US'),
      ...[r.ours, r['ours-unfolded'], r.dagre, r.elk].map(
        (x) =>
          `${fmtReference(x)}${x?.quality?.crossings === null || x?.quality?.crossings === undefined ? '' : `, ${x.quality.crossings.toLocaleString('en-US')} crossings`}`,
      ),
    ]),
  };
  const at = (v) => (v === null || v === undefined ? '—' : `${Math.round(v)} ms`);
  const navigation = {
    header: [
      'scenario',
      'JS loaded',
      'reply requested',
      'reply first byte',
      'reply received',
      'layout done',
      'first node in DOM',
      'first nodes painted',
    ],
    rows: results.scenarios.map((s) => {
      const b = s.summary.navBreakdown ?? {};
      return [
        scenarioName(s),
        at(b.scriptsLoadedAt),
        at(b.replyRequestedAt),
        at(b.replyStartAt),
        at(b.replyEndAt),
        at(b.layoutDoneAt),
        at(b.firstNodeInDomAt),
        at(b.paintedAt),
      ];
    }),
  };
  return { goals, speed, quality, phases, frames, culprits, reference, navigation };
}

const SECTIONS = [
  ['speed', 'Per scenario, speed: median (min–max) over runs'],
  ['navigation', 'Navigation → first nodes, cold cache: when each step ended, ms after navigation start (medians)'],
  ['phases', 'Pan/zoom longest frame by phase: median (min–max) over runs'],
  ['frames', 'Worst pan/zoom frame per phase, largest task, worst run (long-animation-frame breakdown)'],
  ['culprits', 'What ran the longest main-thread task (long-animation-frame attribution)'],
  ['quality', 'Per scenario, layout quality: median (min–max) over runs'],
];

export function printReport(results) {
  const t = tables(results);
  const out = [
    '',
    `Goals (median of ${results.options.runs} run(s); counts: worst run)`,
    textTable(t.goals.header, t.goals.rows),
    ...SECTIONS.flatMap(([key, title]) => ['', title, textTable(t[key].header, t[key].rows)]),
  ];
  const ft = findTables(results.scenarios);
  if (ft.search.rows.length) {
    out.push(
      '',
      FIND_TITLE,
      textTable(ft.search.header, ft.search.rows),
      '',
      TIMELINE_TITLE,
      textTable(ft.timeline.header, ft.timeline.rows),
    );
    if (ft.errors.length) out.push(...ft.errors.map((e) => `failed run: ${e}`));
  }
  if (results.log) {
    const lt = logTable(results.log);
    out.push('', `10 MB log, task ${results.log.task}: median (min–max) over runs`, textTable(lt.header, lt.rows));
  }
  if (results.bundle) out.push('', bundleText(results.bundle));
  if (results.reference.length) out.push('', 'Reference layouts (Node, same graphs)', textTable(t.reference.header, t.reference.rows));
  if (results.profiles) out.push('', profileText(results.profiles));
  return out.join('\n');
}

/** The CPU profiles' self time, by package and by function, per window. */
function profileText(profiles) {
  const lines = ['Where the main thread spends its time (one extra profiled run, self time):'];
  for (const [id, windows] of Object.entries(profiles)) {
    for (const [name, p] of Object.entries(windows)) {
      lines.push(`- ${id} ${name}: ${p.busyMs} ms busy of ${p.totalMs} ms`);
      lines.push(`  - by package: ${p.byPackage.map((x) => `${x.what} ${x.ms} ms`).join('; ')}`);
      lines.push(
        `  - top functions: ${p.byFunction
          .slice(0, 8)
          .map((x) => `${x.what} ${x.ms} ms`)
          .join('; ')}`,
      );
    }
  }
  return lines.join('\n');
}

function bundleText(b) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const lines = [
    `First-route JavaScript (gzip -9): ${kb(b.jsGzip)} in ${b.js.length} file(s): ${b.js.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')}`,
    `CSS (gzip -9, separate): ${kb(b.cssGzip)}`,
    `Excluded lazy chunks (${kb(b.lazyGzip)}): ${b.lazy.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ') || 'none'}`,
  ];
  if (b.observed)
    lines.push(
      `Seen loading /tasks/${b.observed.taskId} before first nodes (incl. lazy route/worker chunks): ${kb(b.observed.gzip)}: ${b.observed.files.join(', ')}`,
    );
  return lines.join('\n');
}

const FIND_TITLE = 'Graph search, key by key: per query, median (min–max) over runs';
const TIMELINE_TITLE = 'Timeline scrolled from the first row to the last and back: median (min–max) over runs';

function findMarkdown(ft) {
  if (ft.search.rows.length === 0) return [];
  return [
    `#### ${FIND_TITLE}`,
    '',
    mdTable(ft.search.header, ft.search.rows),
    '',
    `#### ${TIMELINE_TITLE}`,
    '',
    mdTable(ft.timeline.header, ft.timeline.rows),
    '',
    ...ft.errors.map((e) => `- failed run: ${e}`),
    ...(ft.errors.length ? [''] : []),
  ];
}

export function markdownReport(results) {
  const t = tables(results);
  const m = results.machine;
  return [
    `### Results of ${results.date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memory} memory; Node ${m.node}; Chromium ${m.chromium} headless; load average (1/5/15 min) at start ${m.loadAtStart}, at end ${results.loadAtEnd ?? '?'}.`,
    `Runs: ${results.options.runs} per scenario${results.options.quick ? ' (quick)' : ''}; simulator reset before each run; viewport 1440×900.`,
    '',
    '#### Goals',
    '',
    mdTable(t.goals.header, t.goals.rows),
    '',
    ...SECTIONS.flatMap(([key, title]) => [`#### ${title}`, '', mdTable(t[key].header, t[key].rows), '']),
    ...findMarkdown(findTables(results.scenarios)),
    ...(results.log
      ? [
          `#### 10 MB log, task ${results.log.task}: median (min–max) over runs`,
          '',
          mdTable(logTable(results.log).header, logTable(results.log).rows),
          '',
        ]
      : []),
    ...(results.bundle
      ? [
          '#### First-route JavaScript',
          '',
          ...bundleText(results.bundle)
            .split('\n')
            .map((l) => `- ${l}`),
          '',
        ]
      : []),
    ...(results.reference.length
      ? ['#### Reference layouts (Node, same graphs, one run each, capped)', '', mdTable(t.reference.header, t.reference.rows), '']
      : []),
    ...(results.profiles ? ['#### Profile', '', profileText(results.profiles), ''] : []),
  ].join('\n');
}
