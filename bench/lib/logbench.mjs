/**
 * Issue 7's log figures, on the simulator's 10 MB log (task 1009, subtask 2080002): from the click on the
 * subtask's node to the first log lines on screen (fetch, parse and draw: what the operator waits for),
 * the longest main-thread task meanwhile, and search in the whole log from a keystroke to its match count
 * on screen. One fresh browser context (cold cache) per run.
 */
import { VIEWPORT } from './browser.mjs';
import { startProfiler } from './profile.mjs';

export const LOG_TASK = '1009';
export const LOG_SUBTASK = '2080002';
/** A rare phrase (one match), a common word (thousands) and one letter (the 100,000-match cap). */
export const LOG_QUERIES = ['checksum mismatch', 'INFO', 'e'];
const TIMEOUT_MS = 30_000;

/** In the page, before any app script: when the first click lands and when log lines / search counts paint. */
function installLogProbes() {
  /** @type {import('./types').LogBenchProbes} */
  const b = { clickAt: null, linesAt: null, longtasks: [], unsupported: [], count: null };
  Object.defineProperty(window, '__ocpLogBench', { value: b });
  try {
    new PerformanceObserver((l) => l.getEntries().forEach((e) => b.longtasks.push({ start: e.startTime, duration: e.duration }))).observe({
      type: 'longtask',
      buffered: true,
    });
  } catch {
    b.unsupported.push('longtask');
  }
  document.addEventListener('click', () => (b.clickAt ??= performance.now()), { capture: true });
  /** Calls back after the frame that shows the current DOM has been painted. */
  const afterPaint = (/** @type {(t: number) => void} */ cb) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => cb(performance.now());
      channel.port2.postMessage(0);
    });
  new MutationObserver(() => {
    if (b.clickAt !== null && b.linesAt === null && !b.pendingLines && document.querySelector('[data-testid="log-lines"] [data-line]')) {
      b.pendingLines = true;
      afterPaint((t) => (b.linesAt = t));
    }
    const count = document.querySelector('[data-testid="log-search-count"]');
    const timed = b.count;
    if (timed && count && count.textContent !== timed.before && timed.at === null && !timed.pending) {
      timed.pending = true;
      const text = count.textContent;
      afterPaint((t) => Object.assign(timed, { at: t, text }));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  document.addEventListener(
    'input',
    (e) => {
      if (!(e.target instanceof HTMLInputElement) || !b.count || b.count.inputAt !== null) return;
      b.count.inputAt = performance.now();
    },
    { capture: true },
  );
}

/** One run: open the task, click the subtask, wait for its log, then time each query. */
export async function measureLog({ browser, server, resetBody }) {
  await server.reset(resetBody);
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(installLogProbes);
  const page = await context.newPage();
  try {
    await page.goto(`${server.base}/tasks/${LOG_TASK}`);
    const node = page.locator(`.react-flow__node[data-id="${LOG_SUBTASK}"]`);
    await node.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await node.click();
    await page.waitForFunction(() => window.__ocpLogBench.linesAt !== null, null, { polling: 50, timeout: TIMEOUT_MS });
    await page.waitForTimeout(500); // a task that started before the paint and ends after it
    const open = await page.evaluate((sub) => {
      const b = window.__ocpLogBench;
      const clickAt = b.clickAt ?? NaN;
      const linesAt = b.linesAt ?? NaN;
      const reply = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).find((e) =>
        new URL(e.name).pathname.endsWith(`/subtasks/${sub}/log`),
      );
      const longest = b.longtasks
        .filter((t) => t.start + t.duration > clickAt && t.start < linesAt)
        .reduce((m, t) => Math.max(m, t.duration), 0);
      return {
        clickToLinesMs: linesAt - clickAt,
        replyToLinesMs: reply ? linesAt - reply.responseEnd : null,
        requestMs: reply ? reply.responseEnd - reply.startTime : null,
        wireBytes: reply ? reply.encodedBodySize : null,
        bodyBytes: reply ? reply.decodedBodySize : null,
        longestTaskMs: b.unsupported.includes('longtask') ? null : longest,
      };
    }, LOG_SUBTASK);
    const search = page.getByRole('textbox', { name: 'Search the log' }).first();
    const searches = [];
    for (const query of LOG_QUERIES) {
      await search.fill('');
      await page.waitForFunction(() => (document.querySelector('[data-testid="log-search-count"]')?.textContent ?? '') === '');
      await page.evaluate(() => {
        window.__ocpLogBench.count = { before: '', inputAt: null, at: null, text: null, pending: false };
      });
      await search.fill(query);
      await page.waitForFunction(() => window.__ocpLogBench.count?.at != null, null, { polling: 20, timeout: TIMEOUT_MS });
      const c = await page.evaluate(() => window.__ocpLogBench.count);
      if (c.inputAt === null) throw new Error(`search "${query}": no input event seen`);
      searches.push({ query, ms: c.at - c.inputAt, shown: c.text });
    }
    return { ok: true, ...open, searches };
  } catch (err) {
    await page.screenshot({ path: 'bench/results/log-failure.png' }).catch(() => {});
    return { ok: false, error: String(err instanceof Error ? err.message : err).split('\n')[0] };
  } finally {
    await context.close();
  }
}

/** One unscored run under the CPU profiler: where the main thread's time goes from the click to the log's lines. */
export async function profileLog({ browser, server, resetBody, distDir }) {
  await server.reset(resetBody);
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(installLogProbes);
  const page = await context.newPage();
  try {
    await page.goto(`${server.base}/tasks/${LOG_TASK}`);
    const node = page.locator(`.react-flow__node[data-id="${LOG_SUBTASK}"]`);
    await node.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const record = await startProfiler(context, page, distDir);
    const open = await record(async () => {
      await node.click();
      await page.waitForFunction(() => window.__ocpLogBench.linesAt !== null, null, { polling: 50, timeout: TIMEOUT_MS });
      await page.waitForTimeout(500);
    });
    return { open };
  } finally {
    await context.close();
  }
}
