/**
 * Scripted pan and zoom, as a person would: drag-pan at the opening zoom; wheel out to the minimum
 * zoom, fit the whole graph (React Flow's fit-view control) and pan there; wheel back in and pan.
 * Input arrives at ~60 Hz; a rAF loop in the page records every frame, so the longest gap between
 * frames is the worst stutter a person would see. Each phase stops sending input after a time budget,
 * so a very slow page cannot stretch the benchmark (its worst frame is already recorded by then).
 */
import { findPanePoint, middleNodePoint, readNodeBoxes, readViewport } from './inpage.mjs';
import { gaps, quantile } from './stats.mjs';

const INPUT_INTERVAL_MS = 16;
const DRAG_STEPS = 20;
const WHEEL_STEP = 250; // React Flow zooms by 2^(-deltaY·0.002): ×0.71 out, ×1.41 in per step
const MAX_WHEEL_STEPS = 30;
const ZOOM_IN_TARGET = 1.5;
const PHASE_BUDGET_MS = 8000;

/** Drags from `from` (a point over the empty pane) by (dx, dy) and back, so the pane ends where it began. */
async function dragPan(page, budget, from, dx, dy) {
  const { mouse } = page;
  for (const [x0, y0, sx, sy] of [
    [from.x, from.y, dx, dy],
    [from.x + dx, from.y + dy, -dx, -dy],
  ]) {
    await mouse.move(x0, y0);
    await mouse.down();
    for (let i = 1; i <= DRAG_STEPS && !budget.spent(); i++) {
      await mouse.move(x0 + (sx * i) / DRAG_STEPS, y0 + (sy * i) / DRAG_STEPS);
      await page.waitForTimeout(INPUT_INTERVAL_MS);
    }
    await mouse.up();
  }
}

const readZoom = () => {
  const vp = document.querySelector('.react-flow__viewport');
  const m = vp instanceof HTMLElement && /scale\(\s*([\d.e+-]+)\s*\)/.exec(vp.style.transform);
  return m ? Number(m[1]) : null;
};

/** Wheel at `point` until `until(zoom)` holds or the zoom stops changing (the min/max zoom). */
async function wheelZoom(page, budget, point, deltaY, until) {
  await page.mouse.move(point.x, point.y);
  let zoom = await page.evaluate(readZoom);
  for (let i = 0; i < MAX_WHEEL_STEPS && !until(zoom) && !budget.spent(); i++) {
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(INPUT_INTERVAL_MS * 2);
    const next = await page.evaluate(readZoom);
    if (next === zoom) break;
    zoom = next;
  }
}

/** React Flow's own fit-view control, or the console's replacement in the same controls panel. */
const FIT_BUTTON = '.react-flow__controls-fitview, .react-flow__controls button[aria-label="Fit view"]';

async function fitView(page) {
  const button = page.locator(FIT_BUTTON);
  if ((await button.count()) === 0) return false;
  await button.first().click();
  await page.waitForTimeout(300); // fitView may animate
  return true;
}

async function recordFrames(page, name, action) {
  const until = Date.now() + PHASE_BUDGET_MS;
  const budget = { spent: () => Date.now() > until };
  const before = await page.evaluate(readViewport);
  await page.evaluate(() => window.__ocpBench.startFrames());
  await action(budget);
  await page.waitForTimeout(200); // let the last input's frames land
  const { stamps, longFrames } = await page.evaluate(() => window.__ocpBench.stopFrames());
  const after = await page.evaluate(readViewport);
  const durations = gaps(stamps);
  return {
    durations,
    name,
    truncated: budget.spent(),
    zoomBefore: before.zoom,
    zoomAfter: after.zoom,
    nodesInDom: after.nodesInDom,
    frames: durations.length,
    maxFrameMs: durations.length ? Math.max(...durations) : null,
    p95FrameMs: quantile(durations, 0.95),
    longFrames,
  };
}

/**
 * Five recorded windows: pan at the opening zoom, wheel out to the minimum and fit all, pan there,
 * wheel in, pan there. Finding a free spot on the pane (hit tests over thousands of nodes) happens
 * between windows, so the probe's own work never lands in a recorded frame. Node boxes are
 * collected at each zoom (with onlyRenderVisibleElements each shows a part; fit-all shows all).
 */
export async function panZoom(page) {
  const boxes = new Map();
  const collect = async () => {
    for (const b of await page.evaluate(readNodeBoxes)) if (!b.hidden) boxes.set(b.id, b);
  };
  const panePoint = async () => (await page.evaluate(findPanePoint, [0.5, 0.5])) ?? { x: 720, y: 450 };
  await collect();
  const phases = [];
  const center = await panePoint();
  phases.push(await recordFrames(page, 'pan at opening zoom', (budget) => dragPan(page, budget, center, -320, -160)));
  let fitted = false;
  phases.push(
    await recordFrames(page, 'wheel out to min, fit all', async (budget) => {
      await wheelZoom(page, budget, center, WHEEL_STEP, () => false);
      fitted = await fitView(page);
    }),
  );
  await collect();
  const zoomedOut = await panePoint();
  phases.push(await recordFrames(page, 'pan zoomed out', (budget) => dragPan(page, budget, zoomedOut, -240, -120)));
  if (fitted) await fitView(page);
  const target = (await page.evaluate(middleNodePoint)) ?? center;
  phases.push(await recordFrames(page, 'wheel in', (budget) => wheelZoom(page, budget, target, -WHEEL_STEP, (z) => z >= ZOOM_IN_TARGET)));
  await collect();
  const zoomedIn = await panePoint();
  phases.push(await recordFrames(page, 'pan zoomed in', (budget) => dragPan(page, budget, zoomedIn, -320, -160)));
  await collect();
  const all = phases.flatMap((p) => p.durations);
  return {
    phases: phases.map((p) => ({ ...p, durations: undefined })),
    maxFrameMs: all.length ? Math.max(...all) : null,
    p95FrameMs: quantile(all, 0.95),
    boxes: [...boxes.values()],
  };
}
