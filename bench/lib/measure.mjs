/**
 * One benchmark run of one scenario in a fresh browser context (cold cache): open the task page,
 * time reply → first nodes on screen, the longest main-thread task while loading, then (RUNNING
 * tasks) a poll window, then scripted pan/zoom; layout quality from the node boxes seen meanwhile.
 */
import { VIEWPORT } from './browser.mjs';
import { changedStatuses, statusMap } from './graph.mjs';
import { installProbes, readProbes } from './inpage.mjs';
import { panZoom } from './panzoom.mjs';
import { compareWithLayout, layoutQuality } from './quality.mjs';

const SETTLE_MS = 1000;
const POLL_TIMEOUT_MS = 20_000;
const FIRST_NODE_TIMEOUT_MS = 60_000;

const longestIn = (tasks, from, to) =>
  tasks.filter((t) => t.start + t.duration > from && t.start < to).reduce((m, t) => Math.max(m, t.duration), 0);
const blockingIn = (tasks, from, to) =>
  tasks.filter((t) => t.start >= from && t.start < to).reduce((n, t) => n + Math.max(0, t.duration - 50), 0);

/** Waits until the page's performance.now() passes `t`. */
async function waitForPageTime(page, t) {
  const now = await page.evaluate(() => performance.now());
  if (t > now) await page.waitForTimeout(t - now);
}

/** `fullLayout`: the console's layout of the same graph in Node (positions), to check the drawn nodes against. */
export async function measureRun({ browser, server, scenario, graph, resetBody, fullLayout }) {
  await server.reset(resetBody);
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  const taskPath = `/api/v2/tasks/instances/${scenario.id}`;
  const replies = [];
  page.on('response', (r) => {
    if (r.request().method() === 'GET' && new URL(r.url()).pathname === taskPath) replies.push({ response: r });
  });
  const stages = {}; // wall time of each part of the run, to keep the whole bench within its budget
  let last = Date.now();
  const stage = (name) => {
    stages[name] = Date.now() - last;
    last = Date.now();
  };
  try {
    await page.goto(`${server.base}/tasks/${scenario.id}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__ocpBench.firstNode !== null, null, {
      polling: 100,
      timeout: FIRST_NODE_TIMEOUT_MS,
    });
    const load = await measureLoad(page, taskPath);
    stage('load');
    const poll = scenario.state === 'RUNNING' ? await measurePoll(page, taskPath, replies, load) : null;
    stage('poll');
    const { boxes, ...pan } = await panZoom(page);
    stage('panZoom');
    const quality = layoutQuality(boxes, graph);
    if (fullLayout?.positions) quality.matchesFullLayout = compareWithLayout(boxes, fullLayout.positions);
    return { ok: true, load, poll, pan, quality, stagesMs: stages };
  } catch (err) {
    const shot = `${scenario.id}-failure.png`;
    await page.screenshot({ path: `bench/results/${shot}` }).catch(() => {});
    return { ok: false, error: String(err instanceof Error ? err.message : err).split('\n')[0], screenshot: shot };
  } finally {
    await context.close();
  }
}

async function measureLoad(page, taskPath) {
  const first = await page.evaluate(() => window.__ocpBench.firstNode);
  const loadEnd = first.paintedAt + SETTLE_MS;
  await waitForPageTime(page, loadEnd);
  const p = await page.evaluate(readProbes, taskPath);
  const reply = p.replies[0];
  if (!reply) throw new Error(`no resource timing for ${taskPath}`);
  // Without the Long Tasks API "no long task" would read as a pass: the figure is then not measured.
  const longTasksSeen = !p.unsupported.includes('longtask');
  const scripts = p.scripts.filter((s) => s.start < first.paintedAt);
  const layout = p.marks.find((m) => m.start <= first.mutationAt);
  return {
    replyEndAt: reply.responseEnd,
    replyBytes: reply.bytes,
    firstNodeAt: first.paintedAt,
    firstNodesMs: first.paintedAt - reply.responseEnd,
    nodesInDomAtFirstPaint: first.nodesInDom,
    nodesDrawnAtFirstPaint: first.nodesVisible,
    // Navigation (a cold context: nothing cached) → first nodes, and what it is made of, in page time.
    navToFirstNodesMs: first.paintedAt,
    navBreakdown: {
      scriptsLoadedAt: Math.max(0, ...scripts.map((s) => s.responseEnd)),
      replyRequestedAt: reply.start,
      replyStartAt: reply.responseStart,
      replyEndAt: reply.responseEnd,
      layoutDoneAt: layout ? layout.start : null,
      layoutMs: layout ? (/** @type {{ ms?: number }} */ (layout.detail)?.ms ?? null) : null,
      firstNodeInDomAt: first.mutationAt,
      paintedAt: first.paintedAt,
    },
    longestTaskMs: longTasksSeen ? longestIn(p.longtasks, 0, loadEnd) : null,
    totalBlockingMs: longTasksSeen ? blockingIn(p.longtasks, 0, loadEnd) : null,
    longTasks: p.longtasks.filter((t) => t.start < loadEnd),
    layoutMarks: p.marks.filter((m) => m.start <= first.mutationAt),
    loafs: topLoafs(p.loafs, 0, loadEnd),
    scripts,
    loadEnd,
    firstNode: first,
    unsupported: p.unsupported,
  };
}

/** Waits for two polls after loading whose replies changed some subtask status, then reads the window. */
async function measurePoll(page, taskPath, replies, load) {
  const statusesOf = async (entry) => (entry.statuses ??= statusMap((await entry.response.json()).data));
  let index = replies.length;
  if (index === 0) throw new Error('no task reply seen by the driver');
  let previous = await statusesOf(replies[index - 1]);
  const changed = [];
  const deadline = Date.now() + POLL_TIMEOUT_MS;
  while (changed.length < 2 && Date.now() < deadline) {
    if (index >= replies.length) {
      await page.waitForTimeout(100);
      continue;
    }
    const current = await statusesOf(replies[index]);
    const n = changedStatuses(previous, current);
    if (n > 0) changed.push({ reply: index, changed: n });
    previous = current;
    index++;
  }
  await page.waitForTimeout(SETTLE_MS); // the last changed reply renders
  const p = await page.evaluate(readProbes, taskPath);
  const from = load.loadEnd;
  const to = p.now;
  const statusMutations = p.statusMutations.filter((m) => m.at > from).reduce((n, m) => n + m.count, 0);
  const polls = p.replies.filter((r) => r.responseEnd > from);
  // Each figure stands only on the event it is about (else null, "not measured", and its goal fails):
  // relayouts on polls that changed statuses, the longest task on polls that changed a drawn node.
  const statusPolls = changed.length >= 2;
  const drawnChanged = statusPolls && statusMutations > 0 && !p.unsupported.includes('longtask');
  return {
    changedPolls: changed.length,
    changed,
    changesPerPoll: changed.length ? Math.max(...changed.map((c) => c.changed)) : 0,
    pollsInWindow: polls.length,
    bytesPerPoll: polls.length ? Math.max(...polls.map((r) => r.bytes)) : null,
    relayouts: statusPolls ? p.marks.filter((m) => m.start > load.firstNode.mutationAt).length : null,
    relayoutMarks: p.marks.filter((m) => m.start > load.firstNode.mutationAt),
    longestTaskMs: drawnChanged ? longestIn(p.longtasks, from, to) : null,
    longTasks: p.longtasks.filter((t) => t.start + t.duration > from && t.start < to),
    loafs: topLoafs(p.loafs, from, to),
    statusMutations,
    windowMs: to - from,
  };
}

/** The longest animation frames in a window, with their script attribution (the "who"). */
function topLoafs(loafs, from, to, n = 3) {
  return loafs
    .filter((l) => l.start >= from && l.start < to)
    .sort((a, b) => b.duration - a.duration)
    .slice(0, n)
    .map((l) => ({ ...l, scripts: [...l.scripts].sort((a, b) => b.duration - a.duration).slice(0, 4) }));
}
