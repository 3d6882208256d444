/**
 * Where the main thread's time goes: one extra, unscored run of a scenario under Chromium's CPU
 * profiler (load window, poll window, pan/zoom), summarised by function and by package through the
 * build's source maps. This is the "who" behind a failing figure; it is not a timing figure itself
 * (the profiler adds overhead).
 */
import { VIEWPORT } from './browser.mjs';
import { installProbes } from './inpage.mjs';
import { panZoom } from './panzoom.mjs';
import { loadSourceMap } from './sourcemap.mjs';

const NATIVE = {
  '(program)': 'browser native work (style, layout, paint, parsing)',
  '(garbage collector)': 'garbage collection',
  '(idle)': 'idle',
  '(root)': 'idle',
};

export async function profileScenario({ browser, server, scenario, resetBody, distDir, windowMs = 3000 }) {
  await server.reset(resetBody);
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  try {
    const record = await startProfiler(context, page, distDir);
    const out = {};
    out.load = await record(async () => {
      await page.goto(`${server.base}/tasks/${scenario.id}`, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__ocpBench.firstNode !== null, null, { polling: 100, timeout: 60_000 });
      await page.waitForTimeout(1000);
    });
    if (scenario.state === 'RUNNING') out.poll = await record(() => page.waitForTimeout(windowMs));
    out.panZoom = await record(() => panZoom(page));
    return out;
  } finally {
    await context.close();
  }
}

/**
 * Chromium's CPU profiler on `page`, sampling every 250 µs: `record(run)` profiles what `run` does and
 * returns it summarised by function and package through the build's source maps (one map cache per page).
 * @param {import('@playwright/test').BrowserContext} context
 * @param {import('@playwright/test').Page} page
 * @param {string} distDir
 */
export async function startProfiler(context, page, distDir) {
  const cdp = await context.newCDPSession(page);
  const maps = new Map();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  return async (/** @type {() => Promise<unknown>} */ run) => {
    await cdp.send('Profiler.start');
    await run();
    const { profile } = await cdp.send('Profiler.stop');
    return summariseProfile(profile, (url) => mapFor(maps, distDir, url));
  };
}

export function mapFor(maps, distDir, url) {
  if (!url?.startsWith('http')) return null;
  const path = new URL(url).pathname;
  if (!maps.has(path)) maps.set(path, loadSourceMap(`${distDir}${path}`));
  return maps.get(path);
}

/** Self time per function and per package, through the source maps. */
export async function summariseProfile(profile, mapOf) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const dt = timeDeltas[i + 1] ?? 0;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + dt);
  }
  const fns = new Map();
  const pkgs = new Map();
  const add = (m, k, ms) => m.set(k, (m.get(k) ?? 0) + ms);
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = byNode.get(id);
    const ms = us / 1000;
    total += ms;
    const native = NATIVE[callFrame.functionName];
    if (native === 'idle') {
      idle += ms;
      continue;
    }
    if (native) {
      add(fns, native, ms);
      add(pkgs, native, ms);
      continue;
    }
    if (!callFrame.url) {
      // A browser API called from script (removeChild, getBoundingClientRect, …).
      add(fns, `${callFrame.functionName} (browser API)`, ms);
      add(pkgs, 'browser APIs called from script', ms);
      continue;
    }
    const orig = (await mapOf(callFrame.url))?.lookup(callFrame.lineNumber, callFrame.columnNumber);
    const name = orig?.name ?? (callFrame.functionName || '(anonymous)');
    const where = orig ? `${orig.source}:${orig.line}` : `${callFrame.url}:${callFrame.lineNumber + 1}`;
    add(fns, `${name} ${where}`, ms);
    add(pkgs, packageOf(orig?.source ?? callFrame.url), ms);
  }
  const top = (m, n) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([what, ms]) => ({ what, ms: Math.round(ms) }));
  return { totalMs: Math.round(total), busyMs: Math.round(total - idle), byPackage: top(pkgs, 10), byFunction: top(fns, 15) };
}

function packageOf(source) {
  if (!source) return '(unknown)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (m) return m[1];
  const s = /(src\/(?:[^/]+\/)?[^/]+)/.exec(source);
  return s ? s[1] : source;
}
