import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openTask, snap, subtaskNodes, TASK, test } from './support/fixtures';

const SAVED = 'test-results/exports';

/** Picks an item of the Export menu and returns what the browser saved (kept under test-results/exports). */
async function exportItem(page: Page, item: string | RegExp) {
  await page.getByRole('button', { name: 'Export' }).click();
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

/** Opens a saved picture in its own tab and screenshots it, for a person to judge legibility. */
async function look(page: Page, path: string, name: string, size = { width: 1440, height: 900 }) {
  const tab = await page.context().newPage();
  await tab.setViewportSize(size);
  await tab.goto(pathToFileURL(path).href);
  await snap(tab, name);
  await tab.close();
}

const instancePath = (id: string) => `/api/v2/tasks/instances/${id}`;

/** OCP's envelope fields that differ from one request to the next. */
const perRequest = (json: string) => json.replace(/"(traceId|timestamp|duration)":("[^"]*"|\d+)/g, '"$1":…');

test('Task as JSON saves the reply the console received, byte for byte', async ({ page }) => {
  // A finished task: nothing in it changes between requests but the envelope's trace id, time and duration.
  const received: Promise<Buffer>[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname === instancePath(TASK.failedFanout)) received.push(r.body());
  });
  await openTask(page, TASK.failedFanout);
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
  await openTask(page, TASK.failedFanout);
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
