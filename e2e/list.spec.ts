import type { APIRequestContext, Page } from '@playwright/test';
import type { TaskInstanceWire, TaskPageWire } from '../src/api/schemas';
import { expectNoAxeViolations } from './support/axe';
import { expect, snap, TASK, test } from './support/fixtures';

/** The list's rows as the operator reads them: id (first column) and start time (the Started column's <time>). */
async function rows(page: Page): Promise<{ id: string; start: number }[]> {
  const table = page.getByRole('table');
  // The first page after the server starts can take a while on a loaded machine.
  await expect(table).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.querySelector('td a')?.textContent ?? '',
      start: Date.parse(tr.querySelector('time')?.getAttribute('datetime') ?? ''),
    })),
  );
}

const byId = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

/** Rows in start-time order in that direction, ties in id order the same way (OCP's stable paging). */
function expectStartOrder(list: { id: string; start: number }[], direction: 'asc' | 'desc') {
  const sign = direction === 'asc' ? 1 : -1;
  expect(list.length).toBeGreaterThan(5);
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [list[i - 1]!, list[i]!];
    const order = Math.sign(b.start - a.start) || byId(b.id, a.id);
    expect(order, `${a.id} before ${b.id}`).toBe(sign);
  }
}

test.describe('order', () => {
  test('by start time both ways from the Started header, in the URL, back to id order', async ({ page }) => {
    const sorts: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/v2/tasks/instances') sorts.push(url.searchParams.get('sort') ?? '');
    });
    await page.goto('/');
    const ids = (await rows(page)).map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => byId(b, a)));
    await expect(page.getByRole('columnheader', { name: 'ID' })).toHaveAttribute('aria-sort', 'descending');

    await page.getByRole('button', { name: 'Started' }).click();
    await expect(page).toHaveURL(/\?sort=startTime%2Cdesc$/);
    await expect(page.getByRole('columnheader', { name: 'Started' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.locator('tbody tr').last()).toContainText(TASK.sample); // started in 2021: the oldest
    expectStartOrder(await rows(page), 'desc');
    await snap(page, 'list-sort-start-desc');

    await page.getByRole('button', { name: 'Started' }).click();
    await expect(page).toHaveURL(/\?sort=startTime%2Casc$/);
    await expect(page.getByRole('columnheader', { name: 'Started' })).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.locator('tbody tr').first()).toContainText(TASK.sample);
    expectStartOrder(await rows(page), 'asc');

    // A reload (or a shared link) keeps the order.
    await page.reload();
    await expect(page.locator('tbody tr').first()).toContainText(TASK.sample);
    expectStartOrder(await rows(page), 'asc');

    await page.getByRole('button', { name: 'ID' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('columnheader', { name: 'ID' })).toHaveAttribute('aria-sort', 'descending');
    expect(sorts).toEqual(expect.arrayContaining(['id,desc', 'startTime,desc', 'startTime,asc']));
  });

  test('the order holds across pages: page 2 continues where page 1 stopped', async ({ page }) => {
    await page.goto('/?sort=startTime,asc&size=10');
    const first = await rows(page);
    expect(first).toHaveLength(10);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.locator('tbody tr').first()).not.toContainText(first[0]!.id);
    const second = await rows(page);
    expectStartOrder([...first, ...second], 'asc');
    expect(new Set([...first, ...second].map((r) => r.id)).size).toBe(first.length + second.length);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('a Sort select stands in for the hidden Started column', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('columnheader', { name: 'Started' })).toBeHidden();
      const select = page.getByRole('combobox', { name: 'Sort by' });
      await expect(select).toHaveValue('ID, highest first');
      await select.click();
      await page.getByRole('option', { name: 'Start time, earliest first' }).click();
      await expect(page).toHaveURL(/\?sort=startTime%2Casc$/);
      await expect(page.locator('tbody tr').first()).toContainText(TASK.sample);
      await snap(page, 'list-sort-phone');
    });
  });
});

const API = '/api/v2/tasks/instances';

/** Starts a rollback as the console does (its Origin and custom header), without the page. */
async function startRollback(request: APIRequestContext, baseURL: string, id: string) {
  const res = await request.post(`${API}/${id}/rollback`, { headers: { Origin: new URL(baseURL).origin, 'X-OCP-Console': '1' }, data: {} });
  expect(res.ok(), await res.text()).toBe(true);
}

async function taskState(request: APIRequestContext, id: string): Promise<string> {
  const task = ((await (await request.get(`${API}/${id}`)).json()) as { data: TaskInstanceWire }).data;
  return `${task.status} ${task.operation}`;
}

/** Every task OCP has with this raw status, as the list endpoint returns them. */
async function tasksWithStatus(request: APIRequestContext, status: string) {
  const res = await request.get(`${API}?size=100&status=${status}`);
  return ((await res.json()) as { data: TaskPageWire }).data.contents.map((t) => ({ id: String(t.id), operation: t.operation }));
}

const notice = (page: Page) => page.getByRole('status', { name: 'Rows hidden by the status filter' });
const shownIds = async (page: Page) => (await rows(page)).map((r) => r.id);

test.describe('status filter', () => {
  test('“Rolled back” is asked for as SUCCESSFUL, narrowed on the page, and the page says so', async ({ page, request }) => {
    const successful = await tasksWithStatus(request, 'SUCCESSFUL');
    const rolledBack = successful.filter((t) => t.operation === 'ROLLBACK').map((t) => t.id);
    expect(rolledBack).toEqual([TASK.rolledBack]);
    const statuses: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === API) statuses.push(url.searchParams.get('status') ?? '');
    });

    await page.goto('/');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Rolled back' }).click();
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\?status=ROLLED_BACK$/);
    await expect(notice(page)).toHaveText(
      `1 of ${successful.length} tasks on this page match “Rolled back”` +
        `OCP can only filter by “Successful”: ${successful.length - 1} other tasks are hidden here, and the page numbers and total still count them.`,
    );
    expect(await shownIds(page)).toEqual(rolledBack);
    expect(statuses.at(-1)).toBe('SUCCESSFUL');
    await expect(page.getByText(`1–${successful.length} of ${successful.length} tasks`)).toBeVisible();
    await snap(page, 'list-filter-rolled-back');
  });

  test('“Successful” leaves out what was rolled back', async ({ page, request }) => {
    const successful = await tasksWithStatus(request, 'SUCCESSFUL');
    await page.goto('/?status=SUCCESSFUL');
    const ids = await shownIds(page);
    expect(ids).toEqual(successful.filter((t) => t.operation !== 'ROLLBACK').map((t) => t.id));
    expect(ids).not.toContain(TASK.rolledBack);
    await expect(page.locator('tbody').getByText('Rolled back')).toHaveCount(0);
    await expect(notice(page)).toContainText(`${successful.length - 1} of ${successful.length} tasks on this page match “Successful”`);
  });

  test('“Rolling back” and “Running” split the running tasks by the rollback in progress', async ({ page, request, sim, baseURL }) => {
    await sim.reset({ tickMs: 600_000 }); // a rollback that stays in progress
    await startRollback(request, baseURL ?? '', TASK.failedFanout);
    expect(await taskState(request, TASK.failedFanout)).toBe('RUNNING ROLLBACK');
    const running = await tasksWithStatus(request, 'RUNNING');

    await page.goto('/?status=ROLLING_BACK');
    expect(await shownIds(page)).toEqual([TASK.failedFanout]);
    await expect(page.locator('tbody').getByText('Rolling back').filter({ visible: true })).toBeVisible();
    await expect(notice(page)).toContainText(`1 of ${running.length} tasks on this page match “Rolling back”`);

    await page.goto('/?status=RUNNING');
    const plain = await shownIds(page);
    expect(plain).toContain(TASK.running);
    expect(plain).not.toContain(TASK.failedFanout);
    expect(plain).toHaveLength(running.length - 1);

    // Both halves: the whole of OCP's RUNNING, nothing narrowed, nothing said.
    await page.goto('/?status=RUNNING,ROLLING_BACK');
    expect(await shownIds(page)).toHaveLength(running.length);
    await expect(notice(page)).toBeEmpty();
  });

  test('“Rollback failed” and “Failed” split the failed tasks by a rollback that failed', async ({ page, request, sim, baseURL }) => {
    await sim.reset({ tickMs: 250 });
    await startRollback(request, baseURL ?? '', TASK.rollbackFails);
    await expect.poll(() => taskState(request, TASK.rollbackFails), { timeout: 30_000 }).toBe('FAILED ROLLBACK');

    await page.goto('/?status=ROLLBACK_FAILED');
    expect(await shownIds(page)).toEqual([TASK.rollbackFails]);
    await expect(page.locator('tbody').getByText('Rollback failed').filter({ visible: true })).toBeVisible();
    await expect(notice(page)).toContainText(/^1 of \d+ tasks on this page match “Rollback failed”/);
    await snap(page, 'list-filter-rollback-failed');

    await page.goto('/?status=FAILED');
    const plain = await shownIds(page);
    expect(plain).toContain(TASK.failedFanout);
    expect(plain).not.toContain(TASK.rollbackFails);
    // Other tasks may fail meanwhile at this pace: the page itself says it hid exactly the one.
    await expect(notice(page)).toContainText(`${plain.length} of ${plain.length + 1} tasks on this page match “Failed”`);
    await expect(notice(page)).toContainText('1 other task is hidden here');
  });

  test('a page where nothing matches says so and offers the next page', async ({ page }) => {
    // OCP's 12 FAILED and SUCCESSFUL tasks in pages of 10, latest start first: the one rolled back (started
    // days ago) is on page 2, and no rollback has failed yet.
    await page.goto('/?status=ROLLBACK_FAILED,ROLLED_BACK&size=10&sort=startTime,desc');
    await expect(page.getByText('No task on this page matches')).toBeVisible({ timeout: 30_000 });
    await expect(notice(page)).toContainText('0 of 10 tasks on this page match “Rollback failed” or “Rolled back”');
    await page.getByRole('button', { name: 'Go to the next page' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByRole('link', { name: TASK.rolledBack })).toBeVisible();
  });

  test.describe('in Chinese', () => {
    test.use({ locale: 'zh-CN' });

    test('the choices and the notice read in OCP’s words', async ({ page }) => {
      await page.goto('/?status=ROLLED_BACK');
      const notice = page.getByRole('status', { name: '状态筛选隐藏的任务' });
      await expect(notice).toContainText(/本页 \d+ 个任务中有 1 个符合“已回滚”/, { timeout: 30_000 });
      await expect(notice).toContainText('OCP 只能按“已完成”筛选');
      // With a choice made, the box's pill covers its input: open the list from the keyboard.
      await page.getByRole('combobox', { name: '状态' }).focus();
      await page.keyboard.press('ArrowDown');
      for (const name of ['运行中', '回滚中', '失败', '回滚失败', '已完成', '已回滚']) {
        await expect(page.getByRole('option', { name, exact: true })).toBeVisible();
      }
    });
  });
});

test.describe('automatic refresh', () => {
  const indicator = (page: Page) => page.getByRole('status', { name: 'Automatic refresh' });

  test('shown while a task on the page runs, with the real interval, and the list really asks again', async ({ page }) => {
    const asked: number[] = [];
    page.on('request', (r) => new URL(r.url()).pathname === API && asked.push(Date.now()));
    await page.goto('/');
    await expect(indicator(page)).toHaveText('Refreshing every 5 s while a task on this page runs', { timeout: 30_000 });
    await expect(page.getByText(/^· updated (just now|\d+ s ago)$/)).toBeVisible();
    await expect(page.getByText('· updated 2 s ago')).toBeVisible();
    const before = asked.length;
    await expect.poll(() => asked.length, { timeout: 15_000 }).toBeGreaterThan(before);
    // Each refresh resets the age.
    await expect(page.getByText(/^· updated (just now|[0-4] s ago)$/)).toBeVisible();
    await snap(page, 'list-refreshing');
  });

  test('absent, and nothing polls, when no task on the page runs', async ({ page }) => {
    const asked: string[] = [];
    page.on('request', (r) => new URL(r.url()).pathname === API && asked.push(r.url()));
    await page.goto('/?status=FAILED,SUCCESSFUL');
    await expect(page.getByRole('link', { name: TASK.failedFanout })).toBeVisible({ timeout: 30_000 });
    await expect(indicator(page)).toBeEmpty();
    await expect(page.getByText(/updated/)).toHaveCount(0);
    await page.waitForTimeout(6_000); // longer than the 5 s interval: no second request
    expect(asked).toHaveLength(1);
  });

  test.describe('in Chinese', () => {
    test.use({ locale: 'zh-CN' });
    test('reads in Chinese', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('status', { name: '自动刷新' })).toHaveText('本页有运行中的任务，每 5 秒自动刷新', { timeout: 30_000 });
      await expect(page.getByText(/^· (刚刚更新|\d+ 秒前更新)$/)).toBeVisible();
    });
  });
});

/**
 * The list with a filter that narrows and a running task on the page (notice and refresh indicator both
 * shown), in both themes, both languages, on a phone and a laptop: a screenshot of each, and axe. One
 * page load per language (the list's first page is a 2 MB reply): the console follows the system's
 * colour scheme, so each theme is emulated on the loaded page, and the viewport resized.
 */
for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(locale, () => {
    test.use({ locale });

    test('the filtered, refreshing list in both themes, on a phone and a laptop: screenshots, no axe violations', async ({ page }) => {
      test.setTimeout(180_000);
      const zh = locale === 'zh-CN';
      await page.goto('/?status=RUNNING,ROLLED_BACK');
      await expect(page.getByRole('link', { name: TASK.rolledBack })).toBeVisible({ timeout: 30_000 });
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const [size, viewport] of [
          ['phone', { width: 390, height: 844 }],
          ['desktop', { width: 1440, height: 900 }],
        ] as const) {
          await page.emulateMedia({ colorScheme });
          await page.setViewportSize(viewport);
          await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme);
          await expect(page.getByRole('status', { name: zh ? '自动刷新' : 'Automatic refresh' })).not.toBeEmpty();
          await expect(page.getByRole('status', { name: zh ? '状态筛选隐藏的任务' : 'Rows hidden by the status filter' })).not.toBeEmpty();
          const name = `list-filtered-${colorScheme}-${locale}-${size}`;
          await snap(page, name);
          await expectNoAxeViolations(page, name);
        }
      }
    });
  });
}
