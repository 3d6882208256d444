/**
 * Issue 9's figures at 5,000 subtasks: graph search per keystroke, and timeline scrolling. One fresh
 * browser context (cold cache) per run: open the task, type each query into the find bar one key at a
 * time, then switch to the Timeline view and wheel its rows from top to bottom and back.
 *
 * Search: from the key event (`KeyboardEvent.timeStamp`) to the frame that paints the keystroke's result:
 * the later of the frame after the input's own handling (React renders a discrete input synchronously,
 * so the echo of the typed character carries the new matches) and the frame after the last mutation a
 * search makes (the match count's text, a node's or an edge's mark (`data-mark`), a node's class, an edge's style), checked against the count the
 * console's own `searchSubtasks` gives in Node. The URL write (debounced 300 ms) is not part of it.
 */
import { VIEWPORT } from './browser.mjs';
import { installProbes } from './inpage.mjs';
import { startProfiler } from './profile.mjs';
import { findQueries } from './findqueries.mjs';
import { gaps, quantile } from './stats.mjs';
import { buildSearchIndex, searchSubtasks } from '../../src/features/task-graph/find.ts';

/** The task size issue 9 asks these figures for. */
export const FIND_SIZE = 5000;
const TIMEOUT_MS = 60_000;
/** Keys follow each other at least this far apart (≈ 7 characters a second, a fast typist). */
const KEY_INTERVAL_MS = 150;
/** A keystroke is done when the count is right and no search mutation came for this long. */
const QUIET_MS = 60;
const KEY_TIMEOUT_MS = 10_000;
const WHEEL_DELTA = 400; // px per wheel event, every ~16 ms: a brisk, steady fling
const WHEEL_INTERVAL_MS = 16;
const SCROLL_BUDGET_MS = 90_000; // per direction: a loaded machine slows the wheel events' dispatch

export { findQueries };

/** What the console's search answers for each prefix of `query` (the count the page must show). */
export function expectedCounts(task, query) {
  const index = buildSearchIndex(task.subtasks.map((s) => ({ ...s, id: String(s.id) })));
  return [...query].map((_, i) => searchSubtasks(index, query.slice(0, i + 1))?.size ?? 0);
}

/** In the page, before any app script: keystroke, mutation and frame timing (state on `window.__ocpFindBench`). */
function installFindProbes() {
  /** @type {import('./types').FindBenchProbes} */
  const b = { key: null, scroll: null, longtasks: [], unsupported: [] };
  Object.defineProperty(window, '__ocpFindBench', { value: b });
  try {
    new PerformanceObserver((l) => l.getEntries().forEach((e) => b.longtasks.push({ start: e.startTime, duration: e.duration }))).observe({
      type: 'longtask',
      buffered: true,
    });
  } catch {
    b.unsupported.push('longtask');
  }
  /** Calls back after the frame that shows the current DOM has been painted. */
  const afterPaint = (/** @type {(t: number) => void} */ cb) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => cb(performance.now());
      channel.port2.postMessage(0);
    });
  const countText = () => document.querySelector('[data-testid="match-count"]')?.textContent ?? null;
  document.addEventListener(
    'keydown',
    (e) => {
      if (b.key && b.key.keyAt === null) b.key.keyAt = e.timeStamp;
    },
    { capture: true },
  );
  // Bubbling on window: after React's own listener on the root has rendered the input synchronously.
  window.addEventListener('input', () => {
    const key = b.key;
    if (!key || key.inputAt !== null) return;
    key.inputAt = performance.now();
    afterPaint((t) => {
      key.echoAt = t;
      key.shown = countText();
    });
  });
  /** @param {Node} n */
  const inCount = (n) => (n instanceof Element ? n : n.parentElement)?.closest('[data-testid="match-count"]') != null;
  /** @param {MutationRecord} r */
  const isSearchMutation = (r) => {
    if (r.type === 'attributes') {
      const el = /** @type {Element} */ (r.target);
      // A node's mark is its root's data-mark (findMarks.ts; the wrapper's class before), an edge's its
      // path's data-mark (its style before).
      if (r.attributeName === 'data-mark') return el.closest('.react-flow__node') !== null || el.matches('.react-flow__edge-path');
      return r.attributeName === 'class' ? el.matches('.react-flow__node') : el.matches('.react-flow__edge-path');
    }
    if (inCount(r.target)) return true;
    return [...r.addedNodes, ...r.removedNodes].some(
      (n) => n instanceof Element && (n.matches('[data-testid="match-count"]') || n.querySelector('[data-testid="match-count"]')),
    );
  };
  new MutationObserver((records) => {
    const key = b.key;
    if (!key || key.keyAt === null || !records.some(isSearchMutation)) return;
    key.mutations += 1;
    key.lastMutationAt = performance.now();
    afterPaint((t) => {
      key.paintedAt = Math.max(key.paintedAt ?? 0, t);
      key.shown = countText();
    });
  }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class', 'style', 'data-mark'],
  });

  // Timeline: every frame's time, how many rows are in the DOM, and whether the last and first rows were drawn.
  b.startScroll = () => {
    /** @type {NonNullable<typeof b.scroll>} */
    const s = { stamps: [], rows: [], running: true, reachedEnd: false, reachedTopAfterEnd: false, totalRows: null };
    b.scroll = s;
    const loop = (/** @type {number} */ t) => {
      if (!s.running) return;
      s.stamps.push(t);
      const list = document.querySelector('[data-testid="timeline"] [role="list"]');
      const inner = list?.firstElementChild;
      const items = list ? list.querySelectorAll('[role="listitem"]') : [];
      s.rows.push(items.length);
      // Style reads only (no layout): a row slot's top and height against the scrolled content's height.
      const first = items[0];
      const last = items[items.length - 1];
      const px = (/** @type {Element | null | undefined} */ el, /** @type {'top' | 'height'} */ p) =>
        el instanceof HTMLElement ? parseFloat(el.style[p]) : NaN;
      const full = px(inner, 'height');
      if (s.totalRows === null && first) s.totalRows = Math.round(full / px(first, 'height'));
      if (last && px(last, 'top') + px(last, 'height') >= full - 0.5) s.reachedEnd = true;
      if (s.reachedEnd && first && px(first, 'top') === 0) s.reachedTopAfterEnd = true;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  b.stopScroll = () => {
    if (b.scroll) b.scroll.running = false;
    return b.scroll;
  };
}

/** Types `query` one key at a time; per key, the time to its painted result and the longest task meanwhile. */
async function typeQuery(page, box, { kind, query }, expected) {
  // Escape clears at once (and writes the URL now, outside any measured window); on an empty box it would blur.
  if (await box.inputValue()) await box.press('Escape');
  await box.focus();
  await page.waitForFunction(() => document.querySelector('[data-testid="match-count"]') === null, null, { timeout: TIMEOUT_MS });
  await page.waitForTimeout(500);
  const keys = [];
  let lastSent = 0;
  for (const [i, char] of [...query].entries()) {
    const want = expected[i];
    await page.evaluate(() => {
      window.__ocpFindBench.key = {
        keyAt: null,
        inputAt: null,
        echoAt: null,
        lastMutationAt: null,
        paintedAt: null,
        mutations: 0,
        shown: null,
      };
    });
    const wait = lastSent + KEY_INTERVAL_MS - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    lastSent = Date.now();
    await page.keyboard.press(char);
    const done = await page
      .waitForFunction(
        ([count, quiet]) => {
          const k = window.__ocpFindBench.key;
          if (!k || k.echoAt === null || k.shown === null) return false;
          const shown = Number(k.shown.replace(/[^\d]/g, '') || '0');
          const settled = k.lastMutationAt === null || (k.paintedAt !== null && performance.now() - k.lastMutationAt >= quiet);
          return shown === count && settled;
        },
        [want, QUIET_MS],
        { polling: 20, timeout: KEY_TIMEOUT_MS },
      )
      .then(() => true)
      .catch(() => false);
    const k = await page.evaluate(() => {
      const b = window.__ocpFindBench;
      const key = b.key;
      if (!key) throw new Error('no keystroke state');
      const end = Math.max(key.echoAt ?? NaN, key.paintedAt ?? 0);
      const longest = b.longtasks
        .filter((t) => key.keyAt !== null && t.start + t.duration > key.keyAt && t.start < end)
        .reduce((m, t) => Math.max(m, t.duration), 0);
      return { ...key, end, longestTaskMs: b.unsupported.includes('longtask') ? null : longest };
    });
    if (!done || k.keyAt === null)
      throw new Error(
        `"${query}" key ${i + 1} ("${char}"): ${k.keyAt === null ? 'no keydown seen' : `count shown ${k.shown}, expected ${want}`}`,
      );
    keys.push({ key: char, ms: k.end - k.keyAt, longestTaskMs: k.longestTaskMs, count: want, mutationBatches: k.mutations });
  }
  return { kind, query, keys };
}

/** Timeline: wheel from the first row to the last and back, recording every frame. */
async function scrollTimeline(page) {
  const list = page.locator('[data-testid="timeline"] [role="list"]');
  await list.locator('[role="listitem"]').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  const box = await list.boundingBox();
  if (!box) throw new Error('timeline: no scroller');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(500);
  const at = () =>
    page.evaluate(() => {
      const el = document.querySelector('[data-testid="timeline"] [role="list"]');
      return el ? { top: el.scrollTop, max: el.scrollHeight - el.clientHeight } : { top: 0, max: 0 };
    });
  const startedAt = await page.evaluate(() => performance.now());
  await page.evaluate(() => window.__ocpFindBench.startScroll?.());
  const t0 = Date.now();
  let truncated = false;
  for (const [delta, arrived] of /** @type {const} */ ([
    [WHEEL_DELTA, (/** @type {{ top: number, max: number }} */ p) => p.top >= p.max - 1],
    [-WHEEL_DELTA, (/** @type {{ top: number, max: number }} */ p) => p.top <= 0],
  ])) {
    const until = Date.now() + SCROLL_BUDGET_MS;
    for (let i = 0; ; i++) {
      await page.mouse.wheel(0, delta);
      await page.waitForTimeout(WHEEL_INTERVAL_MS);
      if (i % 10 === 9 && arrived(await at())) break;
      if (Date.now() > until) {
        truncated = true;
        break;
      }
    }
    await page.waitForTimeout(300); // the last wheel's scroll lands
  }
  await page.waitForTimeout(200);
  const s = await page.evaluate(() => window.__ocpFindBench.stopScroll?.() ?? null);
  const p = await page.evaluate(() => ({ longtasks: window.__ocpFindBench.longtasks, unsupported: window.__ocpFindBench.unsupported }));
  const { longFrames } = await page.evaluate(() => window.__ocpBench.stopFrames());
  if (!s) throw new Error('timeline: no frames recorded');
  const durations = gaps(s.stamps);
  return {
    seconds: (Date.now() - t0) / 1000,
    truncated,
    frames: durations.length,
    maxFrameMs: durations.length ? Math.max(...durations) : null,
    p95FrameMs: quantile(durations, 0.95),
    maxRowsInDom: s.rows.length ? Math.max(...s.rows) : null,
    totalRows: s.totalRows,
    reachedEnd: s.reachedEnd,
    reachedTopAfterEnd: s.reachedTopAfterEnd,
    longestTaskMs: p.unsupported.includes('longtask')
      ? null
      : p.longtasks.filter((t) => t.start >= startedAt).reduce((m, t) => Math.max(m, t.duration), 0),
    longFrames,
  };
}

/** Opens the task and returns the find bar's search box once nodes are on screen. */
async function openTask(page, server, scenario) {
  await page.goto(`${server.base}/tasks/${scenario.id}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__ocpBench.firstNode !== null, null, { polling: 100, timeout: TIMEOUT_MS });
  await page.waitForTimeout(1000);
  const box = page.getByRole('textbox', { name: 'Search subtasks' });
  await box.click();
  return box;
}

async function switchToTimeline(page, box) {
  if (await box.inputValue()) await box.press('Escape');
  await page.locator('.mantine-SegmentedControl-label', { hasText: /^Timeline$/ }).click();
  await page.waitForURL(/[?&]view=timeline/, { timeout: TIMEOUT_MS });
  await page.waitForTimeout(1000);
  await page.evaluate(() => window.__ocpBench.startFrames()); // long-animation-frame breakdown of the scroll's worst frames
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(installProbes);
  await context.addInitScript(installFindProbes);
  return { context, page: await context.newPage() };
}

/** One run: every query typed key by key, then the timeline scrolled down and up. */
export async function measureFind({ browser, server, scenario, task, resetBody }) {
  await server.reset(resetBody);
  const { context, page } = await newPage(browser);
  try {
    const box = await openTask(page, server, scenario);
    const searches = [];
    for (const q of findQueries(task)) searches.push(await typeQuery(page, box, q, expectedCounts(task, q.query)));
    await switchToTimeline(page, box);
    const timeline = await scrollTimeline(page);
    return { ok: true, searches, timeline };
  } catch (err) {
    await page.screenshot({ path: `bench/results/${scenario.id}-find-failure.png` }).catch(() => {});
    return { ok: false, error: String(err instanceof Error ? err.message : err).split('\n')[0] };
  } finally {
    await context.close();
  }
}

/** One unscored run under the CPU profiler: where the time goes while typing each query, and while scrolling. */
export async function profileFind({ browser, server, scenario, task, resetBody, distDir }) {
  await server.reset(resetBody);
  const { context, page } = await newPage(browser);
  try {
    const record = await startProfiler(context, page, distDir);
    const box = await openTask(page, server, scenario);
    const out = {};
    for (const q of findQueries(task))
      out[`search "${q.query}"`] = await record(() => typeQuery(page, box, q, expectedCounts(task, q.query)));
    await switchToTimeline(page, box);
    out['timeline scroll'] = await record(() => scrollTimeline(page));
    return out;
  } finally {
    await context.close();
  }
}
