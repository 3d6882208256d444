import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import enGraph from '../src/i18n/locales/en/graph.json' with { type: 'json' };
import zhGraph from '../src/i18n/locales/zh-CN/graph.json' with { type: 'json' };
import { expectNoAxeViolations } from './support/axe';
import { expect, snap, subtaskNodes, TASK, test } from './support/fixtures';

const SAVED = 'test-results/exports';

/** Picks an item of the Export menu and returns what the browser saved (kept under test-results/exports). */
async function exportItem(page: Page, item: string | RegExp) {
  await page.getByRole('button', { name: /^(Export|导出)$/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  const name = download.suggestedFilename();
  const path = `${SAVED}/${name}`;
  await download.saveAs(path);
  return { name, path, body: await readFile(path) };
}

/** Parses an SVG document in the page, as a browser reads the file: node and edge counts, or the parse error. */
function readSvg(page: Page, text: string) {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const root = doc.documentElement;
    return {
      error,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      nodes: doc.querySelectorAll('g.nodes > g.node').length,
      groups: doc.querySelectorAll('g.nodes > g.node.group').length,
      edges: doc.querySelectorAll('g.edges > path').length,
      ids: [...doc.querySelectorAll('g.nodes > g.node')].map((g) => g.getAttribute('data-id') ?? ''),
    };
  }, text);
}

/** Subtask nodes React Flow has on screen inside the pane (a small task: every node is in the DOM). */
function nodesInPane(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    if (!pane) return [];
    return [...document.querySelectorAll('.react-flow__node')]
      .filter((n) => n.querySelector('[data-status]'))
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
      })
      .map((n) => n.getAttribute('data-id') ?? '');
  });
}

/** A PNG's signature and its size from the IHDR chunk. */
function pngSize(file: Buffer) {
  expect(file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(file.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

/** Opens a saved picture in its own tab and screenshots it, for a person to judge legibility. */
async function look(page: Page, path: string, name: string, size = { width: 1440, height: 900 }) {
  const tab = await page.context().newPage();
  await tab.setViewportSize(size);
  await tab.goto(pathToFileURL(path).href);
  await snap(tab, name);
  await tab.close();
}

const instancePath = (id: string) => `/api/v2/tasks/instances/${id}`;

/** openTask with room for a machine shared with other suites (its 10 s ran out there with the page still loading). */
async function open(page: Page, id: string) {
  await page.goto(`/tasks/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
}

/** OCP's envelope fields that differ from one request to the next. */
const perRequest = (json: string) => json.replace(/"(traceId|timestamp|duration)":("[^"]*"|\d+)/g, '"$1":…');

test('Task as JSON saves the reply the console received, byte for byte', async ({ page }) => {
  // A finished task: nothing in it changes between requests but the envelope's trace id, time and duration.
  const received: Promise<Buffer>[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname === instancePath(TASK.failedFanout)) received.push(r.body());
  });
  await open(page, TASK.failedFanout);
  await expect(subtaskNodes(page).first()).toBeVisible();
  const saved = await exportItem(page, /Task as JSON/);
  expect(saved.name).toBe(`task_${TASK.failedFanout}.json`);
  const replies = await Promise.all(received);
  expect(replies.length).toBeGreaterThan(0);
  expect(saved.body.equals(replies.at(-1) as Buffer)).toBe(true);

  // The same text a direct request gets, spacing and key order included: OCP's bytes, not a re-serialisation.
  const direct = await (await page.request.get(instancePath(TASK.failedFanout))).text();
  expect(perRequest(saved.body.toString('utf8'))).toBe(perRequest(direct));
});

test('Whole graph and current view as SVG: valid documents with the nodes drawn', async ({ page }) => {
  await open(page, TASK.failedFanout);
  await expect(subtaskNodes(page).first()).toBeVisible();
  const task = (await (await page.request.get(instancePath(TASK.failedFanout))).json()) as { data: { subtasks: unknown[] } };

  const whole = await exportItem(page, 'Whole graph as SVG');
  expect(whole.name).toBe(`task_${TASK.failedFanout}_graph.svg`);
  const all = await readSvg(page, whole.body.toString('utf8'));
  expect(all.error).toBeNull();
  expect(all.nodes).toBe(task.data.subtasks.length);
  expect(all.edges).toBeGreaterThanOrEqual(all.nodes - 1);
  await look(page, whole.path, 'export-whole-svg');

  // The view the graph opened on (centred on the failure): exactly the nodes in the pane.
  const onScreen = await nodesInPane(page);
  expect(onScreen.length).toBeGreaterThan(0);
  expect(onScreen.length).toBeLessThan(task.data.subtasks.length);
  const view = await exportItem(page, 'Current view as SVG');
  expect(view.name).toBe(`task_${TASK.failedFanout}_graph_view.svg`);
  const part = await readSvg(page, view.body.toString('utf8'));
  expect(part.error).toBeNull();
  expect(part.ids.sort()).toEqual(onScreen.sort());
  const pane = await page.locator('.react-flow').boundingBox();
  expect(part.width).toBe(Math.ceil(pane?.width ?? 0));
  await look(page, view.path, 'export-view-svg');
});

test('Whole graph and current view as PNG: real PNGs, drawn at twice the size of the SVG', async ({ page }) => {
  await open(page, TASK.failedFanout);
  await expect(subtaskNodes(page).first()).toBeVisible();
  const svg = await readSvg(page, (await exportItem(page, 'Whole graph as SVG')).body.toString('utf8'));

  const whole = await exportItem(page, 'Whole graph as PNG');
  expect(whole.name).toBe(`task_${TASK.failedFanout}_graph.png`);
  expect(pngSize(whole.body)).toEqual({ width: svg.width * 2, height: svg.height * 2 });
  await look(page, whole.path, 'export-whole-png');

  const pane = await page.locator('.react-flow').boundingBox();
  const view = await exportItem(page, 'Current view as PNG');
  expect(view.name).toBe(`task_${TASK.failedFanout}_graph_view.png`);
  const size = pngSize(view.body);
  expect(size.width).toBe(Math.ceil(pane?.width ?? 0) * 2);
  expect(size.height).toBeGreaterThan((pane?.height ?? 0) * 2);
  expect(size.height).toBeLessThan((pane?.height ?? 0) * 2 + 200);
});

test('5,000 subtasks: the whole graph as SVG holds every drawn node, and as PNG it is drawn smaller, said so', async ({ page }) => {
  // Opening the page alone may take up to 45 s on a loaded machine (large.spec.ts); the exports are timed apart.
  test.setTimeout(120_000);
  await page.goto(`/tasks/${TASK.scale5000Failed}`);
  // As large.spec.ts: a 2 MB reply and a worker layout on a busy machine.
  await expect(subtaskNodes(page).first()).toBeVisible({ timeout: 45_000 });

  let started = Date.now();
  const svgFile = await exportItem(page, 'Whole graph as SVG');
  const svgMs = Date.now() - started;
  const svg = await readSvg(page, svgFile.body.toString('utf8'));
  expect(svg.error).toBeNull();
  // Every subtask outside a collapsed group, and each collapsed group once.
  expect(svg.groups).toBeGreaterThan(0);
  expect(svg.nodes).toBeGreaterThan(4_000);
  expect(svg.width).toBeGreaterThan(16_384);

  started = Date.now();
  const png = await exportItem(page, 'Whole graph as PNG');
  const pngMs = Date.now() - started;
  expect(png.name).toMatch(new RegExp(`^task_${TASK.scale5000Failed}_graph_\\d+pct\\.png$`));
  const size = pngSize(png.body);
  expect(size.width).toBeLessThanOrEqual(16_384);
  expect(size.width).toBeGreaterThan(16_000);
  expect(size.height / size.width).toBeCloseTo(svg.height / svg.width, 2);
  await expect(page.getByText('Picture saved smaller')).toBeVisible();
  await snap(page, 'export-scaled-notice');
  // The figures README and the report quote.
  console.log(
    `5,000 subtasks: SVG ${svgFile.body.length} B (${svg.width}×${svg.height}, ${svg.nodes} nodes, ${svg.edges} edges) in ${svgMs} ms; ` +
      `PNG ${png.body.length} B (${size.width}×${size.height}) in ${pngMs} ms`,
  );
});

test('the menu works from the keyboard, and on the timeline offers the task but not the graph', async ({ page }) => {
  await open(page, TASK.failedFanout);
  await expect(subtaskNodes(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Export' }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const json = page.getByRole('menuitem', { name: /Task as JSON/ });
  for (let i = 0; i < 8 && !(await json.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(json).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe(`task_${TASK.failedFanout}.json`);
  await expect(menu).toBeHidden();

  await page.locator('label', { hasText: 'Timeline' }).click();
  await expect(page).toHaveURL(/view=timeline/);
  await page.getByRole('button', { name: 'Export' }).click();
  for (const item of ['Whole graph as SVG', 'Whole graph as PNG', 'Current view as SVG', 'Current view as PNG'])
    await expect(page.getByRole('menuitem', { name: item })).toBeDisabled();
  await expect(menu.getByText('Switch to the graph to export it.')).toBeVisible();
  await expect(json).toBeEnabled();
});

for (const colorScheme of ['light', 'dark'] as const) {
  for (const locale of ['en', 'zh-CN'] as const) {
    test.describe(`${colorScheme}, ${locale}`, () => {
      test.use({ colorScheme, locale });
      const words = (locale === 'en' ? enGraph : zhGraph).export;

      test('the open menu reads well and passes axe; the current view saves in this theme and language', async ({ page }) => {
        await open(page, TASK.failedFanout);
        await expect(subtaskNodes(page).first()).toBeVisible();
        await page.getByRole('button', { name: words.button }).click();
        for (const item of [words.wholeSvg, words.wholePng, words.viewSvg, words.viewPng, words.json])
          await expect(page.getByRole('menuitem', { name: item })).toBeEnabled();
        await expectNoAxeViolations(page, `task 1001, export menu open, ${colorScheme}, ${locale}`);
        await snap(page, `export-menu-${colorScheme}-${locale}`);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('menu')).toBeHidden();
        const view = await exportItem(page, words.viewPng);
        expect(view.name).toBe(`task_${TASK.failedFanout}_graph_view.png`);
        await look(page, view.path, `export-view-png-${colorScheme}-${locale}`);
      });
    });
  }
}

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the menu fits a phone screen', async ({ page }) => {
    await open(page, TASK.failedFanout);
    await page.getByRole('button', { name: 'Export' }).click();
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    const box = await menu.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
    await snap(page, 'export-menu-phone');
  });
});
