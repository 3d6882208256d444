import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openTask, subtaskNodes, TASK, test } from './support/fixtures';

/** Picks an item of the Export menu and returns what the browser saved. */
async function exportItem(page: Page, item: string | RegExp) {
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
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
