import type { Page } from '@playwright/test';
import { expect, snap, TASK, test } from './support/fixtures';

/** Subtasks of the scenarios (server/simulator/handmadeTasks.ts). */
const FAILED_INSTALL = '2010007'; // 1001: failed with a Java exception
const HUGE = '2080002'; // 1009: two runs, 10 MB

const logLines = (page: Page) => page.getByTestId('log-lines').first();
const row = (page: Page, line: number) => logLines(page).locator(`[data-line="${line}"]`);

async function openSubtask(page: Page, taskId: string, subtaskId: string, extra = '') {
  await page.goto(`/tasks/${taskId}?subtask=${subtaskId}${extra}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Log', level: 3 })).toBeVisible();
}

async function apiLog(page: Page, taskId: string, subtaskId: string): Promise<string> {
  const res = await page.request.get(`/api/v2/tasks/instances/${taskId}/subtasks/${subtaskId}/log`);
  return ((await res.json()) as { data: { log: string } }).data.log;
}

test('a failed subtask: "Why it failed" names the first error and links to its line', async ({ page }) => {
  await openSubtask(page, TASK.failedFanout, FAILED_INSTALL);
  const why = page.getByRole('alert').filter({ hasText: 'Why it failed' });
  await expect(why).toContainText('Execute subtask 2010007 failed: Failed to install oceanbase-4.2.1.2 on 10.0.0.34');
  await expect(page.getByRole('tab', { name: /Execute/ })).toHaveAttribute('aria-selected', 'true');
  await expect(logLines(page).locator('[data-kind="exception"]').first()).toBeVisible();
  await snap(page, 'log-why-it-failed');

  const lines = (await apiLog(page, TASK.failedFanout, FAILED_INSTALL)).split('\n');
  const errorLine = lines.findIndex((l) => l.includes(' ERROR ')) + 1;
  await why.getByRole('link', { name: `Line ${errorLine} of Execute` }).click();
  await expect(page).toHaveURL(new RegExp(`logRun=1&line=${errorLine}`));
  await expect(row(page, errorLine)).toHaveAttribute('aria-current', 'true');
  await expect(row(page, errorLine)).toBeInViewport();
});

test('a link to a line opens the log on that run and line', async ({ page }) => {
  await openSubtask(page, TASK.hugeLog, HUGE, '&logRun=1&line=4');
  await expect(page.getByRole('tab', { name: /^Execute/ })).toHaveAttribute('aria-selected', 'true');
  await expect(row(page, 4)).toHaveAttribute('aria-current', 'true');
  await expect(row(page, 4)).toBeInViewport();
  // Clicking a line number puts that line in the address bar.
  await row(page, 2).getByRole('link', { name: 'Line 2' }).click();
  await expect(page).toHaveURL(/logRun=1&line=2$/);
});

test('runs as tabs, newest first; the 10 MB log renders only the lines on screen and searches the whole text', async ({ page }) => {
  await openSubtask(page, TASK.hugeLog, HUGE);
  const tabs = page.getByRole('tablist', { name: 'Runs, newest first' }).getByRole('tab');
  await expect(tabs).toHaveCount(2);
  await expect(tabs.first()).toHaveText(/^Retry 2/);
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await expect(tabs.last()).toHaveText(/^Execute/);
  expect(await logLines(page).locator('[data-line]').count()).toBeLessThan(120);

  const search = page.getByRole('textbox', { name: 'Search the log' });
  await search.fill('checksum mismatch');
  await expect(page.getByTestId('log-search-count').first()).toHaveText('1 of 1');
  await page.getByRole('button', { name: 'Next match' }).first().click();
  const mark = logLines(page).locator('mark').first();
  await expect(mark).toBeInViewport();
  await expect(mark).toHaveText(/checksum mismatch/i);
  await snap(page, 'log-search-10mb');

  await search.fill('partition_id=9 ');
  await expect(page.getByTestId('log-search-count').first()).toHaveText(/^1 of [\d,]{3,}$/);

  await tabs.last().click();
  await expect(page).toHaveURL(/logRun=1/);
  await expect(logLines(page)).toContainText('Connection to 10.0.5.11:2881 reset');
});

test("the log is requested with the panel, before the viewer's code has loaded, and once", async ({ page, sim }) => {
  // A cold page: neither the log viewer's chunk nor the log is cached.
  await openSubtask(page, TASK.hugeLog, HUGE);
  await expect(logLines(page).locator('[data-line]').first()).toBeVisible();
  const timing = await page.evaluate((sub) => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const log = entries.find((e) => new URL(e.name).pathname.endsWith(`/subtasks/${sub}/log`));
    const viewer = entries.find((e) => /\/assets\/SubtaskLog-[\w-]+\.js$/.test(new URL(e.name).pathname));
    return { logStart: log?.startTime, viewerEnd: viewer?.responseEnd };
  }, HUGE);
  expect(timing.logStart).toBeDefined();
  expect(timing.viewerEnd).toBeDefined();
  expect(timing.logStart).toBeLessThan(timing.viewerEnd ?? 0);
  expect(await sim.requests('subtaskLog', `${TASK.hugeLog}/${HUGE}`)).toBe(1);
});

test('follows a running subtask, keeps the place when scrolled up, offers "Jump to latest"', async ({ page }) => {
  const res = await page.request.get(`/api/v2/tasks/instances/${TASK.canceling}`);
  const { subtasks } = ((await res.json()) as { data: { subtasks: { id: number; status: string; name: string }[] } }).data;
  const running = subtasks.find((s) => s.status === 'RUNNING' && s.name.includes('10.0.3.14'));
  expect(running).toBeDefined();
  await openSubtask(page, TASK.canceling, String(running?.id));
  await expect(page.getByText('Following the log while the subtask runs')).toBeVisible();
  const lines = logLines(page);
  const lastLine = () => lines.locator('[data-line]').last().getAttribute('data-line').then(Number);
  // One line a second: wait until the log overflows its box, following it all along.
  await expect.poll(lastLine, { timeout: 30_000 }).toBeGreaterThan(22);
  await expect(lines.locator('[data-line]').last()).toBeInViewport();

  await lines.evaluate((el) => (el.scrollTop = 0));
  const jump = page.getByRole('button', { name: /Jump to latest/ });
  await expect(jump).toBeVisible();
  const top = await lines.locator('[data-line="1"]').boundingBox();
  await expect(jump).toHaveText(/\(\d+ new lines?\)/, { timeout: 10_000 });
  // New lines arrived below; the reader's place did not move.
  expect(await lines.evaluate((el) => el.scrollTop)).toBe(0);
  expect(await lines.locator('[data-line="1"]').boundingBox()).toEqual(top);
  await snap(page, 'log-jump-to-latest');
  await jump.click();
  await expect(jump).toBeHidden();
  await expect(lines.locator('[data-line]').last()).toBeInViewport();

  await page.getByRole('button', { name: 'Open wide view' }).click();
  const wide = page.getByRole('dialog').getByTestId('log-lines');
  await expect(wide.locator('[data-line]').last()).toBeInViewport();
  await snap(page, 'log-wide-following');
});

test('the wide view is part of the link: a reload reopens it on the same line, and closing it leaves the URL', async ({ page }) => {
  await openSubtask(page, TASK.hugeLog, HUGE, '&logRun=1&line=4');
  await page.getByRole('button', { name: 'Open wide view' }).click();
  await expect(page).toHaveURL(/logView=wide/);
  await page.reload();
  const wide = page.getByRole('dialog').getByTestId('log-lines');
  await expect(wide.locator('[data-line="4"]')).toHaveAttribute('aria-current', 'true');
  await expect(wide.locator('[data-line="4"]')).toBeInViewport();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).not.toHaveURL(/logView/);
  await expect(page).toHaveURL(/logRun=1&line=4/);
});

test('downloads the whole log as subtask_<id>.log', async ({ page }) => {
  await openSubtask(page, TASK.failedFanout, FAILED_INSTALL);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download log' }).click()]);
  expect(download.suggestedFilename()).toBe(`subtask_${FAILED_INSTALL}.log`);
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  expect(await readFile(path, 'utf8')).toBe(await apiLog(page, TASK.failedFanout, FAILED_INSTALL));
});
