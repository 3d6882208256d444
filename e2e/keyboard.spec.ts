import type { Page } from '@playwright/test';
import { expect, graphNode, openTask, snap, TASK, test } from './support/fixtures';

/** 1001: "Install OBServer on 10.0.0.34", failed with a Java exception (server/simulator/handmadeTasks.ts). */
const FAILED_INSTALL = '2010007';

const focusedNodeId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null);

/** Presses Tab until `target` has focus: proves it is reachable by keyboard, and in how many steps. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 40): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return i;
  }
  throw new Error(`not reached in ${max} Tabs`);
}

test('keyboard walk of the task page: along the edges to the failure, open it, read its log, start an action, close; focus comes back', async ({
  page,
  sim,
}) => {
  await openTask(page, TASK.failedFanout);
  const failed = graphNode(page, FAILED_INSTALL);
  await expect(failed).toBeVisible();
  await failed.focus();

  // Arrow keys walk along the edges: right to a subtask that waits on it, left to one that subtask
  // waits on, down the column back to the failure.
  const reply = (await (await page.request.get(`/api/v2/tasks/instances/${TASK.failedFanout}`)).json()) as {
    data: { subtasks: { id: number; upstreams?: number[]; downstreams?: number[] }[] };
  };
  const byId = new Map(reply.data.subtasks.map((s) => [String(s.id), s]));
  await page.keyboard.press('ArrowRight');
  const downstream = await focusedNodeId(page);
  expect(byId.get(FAILED_INSTALL)?.downstreams?.map(String)).toContain(downstream);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => focusedNodeId(page)).not.toBe(downstream);
  expect(byId.get(downstream!)?.upstreams?.map(String)).toContain(await focusedNodeId(page));
  for (let i = 0; i < 8 && (await focusedNodeId(page)) !== FAILED_INSTALL; i++) await page.keyboard.press('ArrowDown');
  expect(await focusedNodeId(page)).toBe(FAILED_INSTALL);

  // Enter opens the panel; focus lands on its heading, one Tab from the graph.
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', { name: /subtask details/i });
  await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`subtask=${FAILED_INSTALL}`));

  // Read the log: "Why it failed" links to the line, by keyboard.
  const why = panel.getByRole('alert').filter({ hasText: 'Why it failed' });
  const lineLink = why.getByRole('link', { name: /^Line \d+ of Execute$/ });
  await tabTo(page, lineLink);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/logRun=1&line=\d+/);

  // Act: Retry is reachable, its dialog opens on Enter and Escape closes it with nothing sent; focus returns to the button.
  const retry = panel.getByRole('button', { name: /^Retry/ });
  await tabTo(page, retry, 60);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(':focus')).toHaveCount(1);
  await snap(page, 'keyboard-retry-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(retry).toBeFocused();
  expect(await sim.requests('subtaskRetry', `${TASK.failedFanout}/${FAILED_INSTALL}`)).toBe(0);

  // Escape closes the panel from anywhere; focus goes back to the node it was opened from.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect.poll(() => focusedNodeId(page)).toBe(FAILED_INSTALL);
});

test('the graph in words and as a table: a summary for screen readers, a subtask table that follows search and filters', async ({
  page,
}) => {
  await openTask(page, TASK.failedFanout);
  const reply = (await (await page.request.get(`/api/v2/tasks/instances/${TASK.failedFanout}`)).json()) as {
    data: { subtasks: { id: number; name: string; status: string }[] };
  };
  const subtasks = reply.data.subtasks;
  const failed = subtasks.filter((s) => s.status === 'FAILED');
  const summary = page.getByTestId('graph-summary');
  await expect(summary).toContainText(`${subtasks.length} subtasks:`);
  await expect(summary).toContainText(`Failed ${failed.length}`);
  await expect(summary).toContainText('First failure: Install OBServer on 10.0.0.34 (#2010007)');

  // The table, chosen by keyboard from the view switch, lists every subtask.
  await page.getByRole('radio', { name: 'Graph' }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/view=table/);
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(subtasks.length + 1);
  await expect(table.getByRole('columnheader', { name: 'Status' })).toBeVisible();
  await snap(page, 'subtask-table');

  // The status filter narrows it, and says so.
  await page.getByRole('textbox', { name: 'Search subtasks' }).fill('10.0.0.34');
  await expect(page.getByTestId('table-narrowed')).toContainText(`of ${subtasks.length} subtasks`);
  const hits = subtasks.filter((s) => s.name.includes('10.0.0.34'));
  await expect(table.getByRole('row')).toHaveCount(hits.length + 1);

  // A name selects the subtask and opens its panel; a reload keeps the table, the search and the selection.
  await table.getByRole('button', { name: 'Install OBServer on 10.0.0.34' }).click();
  await expect(page).toHaveURL(new RegExp(`subtask=${FAILED_INSTALL}`));
  const panel = page.getByRole('complementary', { name: /subtask details/i });
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Install OBServer on 10.0.0.34');
  await page.reload();
  await expect(page.getByRole('table').getByRole('button', { name: 'Install OBServer on 10.0.0.34' })).toHaveAttribute(
    'aria-current',
    'true',
  );
});
