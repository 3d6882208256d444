import { expect, snap, TASK, test } from './support/fixtures';

for (const bad of ['abc', '-5', '0', '99999999999999999999', '1.5']) {
  test(`/tasks/${bad} says "Invalid task id" and sends no request`, async ({ page }) => {
    const apiCalls: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) apiCalls.push(r.url());
    });
    await page.goto(`/tasks/${encodeURIComponent(bad)}`);
    await expect(page.getByText('Invalid task id')).toBeVisible();
    expect(apiCalls).toEqual([]);
  });
}

test('an unknown task says it does not exist, with a way back', async ({ page }) => {
  await page.goto('/tasks/424242');
  await expect(page.getByText('Task 424242 does not exist')).toBeVisible();
  await snap(page, 'not-found');
  await page.getByRole('link', { name: /back to tasks/i }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a server error shows what failed and a Retry that recovers', async ({ page, sim }) => {
  // 1 try + 3 automatic retries with backoff, then the error is shown.
  await sim.fault(`/api/v2/tasks/instances/${TASK.sample}`, 503, 4);
  await page.goto(`/tasks/${TASK.sample}`);
  await expect(page.getByText(/HTTP 503/)).toBeVisible({ timeout: 20_000 });
  await snap(page, 'server-error');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reinstall OCP agent');
});

test('without credentials, OCP answers 401 and the console explains it', async ({ page, sim }) => {
  await sim.reset({ auth: true });
  await page.goto(`/tasks/${TASK.sample}`);
  await expect(page.getByText(/not logged in/i).first()).toBeVisible();
});

test('a reply that breaks the contract names the field', async ({ page }) => {
  await page.route(`**/api/v2/tasks/instances/${TASK.sample}`, async (route) => {
    const res = await route.fetch();
    const body = (await res.json()) as { data: { subtasks: { status: string }[] } };
    body.data.subtasks[0]!.status = 'EXPLODED';
    await route.fulfill({ response: res, json: body });
  });
  await page.goto(`/tasks/${TASK.sample}`);
  await expect(page.getByText('data.subtasks.0.status', { exact: true })).toBeVisible();
});

test('unknown routes do not white-screen', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('link', { name: /tasks/i }).first()).toBeVisible();
});

test('the task list filters by status: the request, the URL and every row follow it', async ({ page }) => {
  await page.goto('/');
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: 'Reinstall OCP agent' })).toBeVisible({ timeout: 30_000 });
  await snap(page, 'task-list');

  const filtered = page.waitForRequest(
    (r) => new URL(r.url()).pathname === '/api/v2/tasks/instances' && new URL(r.url()).searchParams.get('status') === 'FAILED',
  );
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Failed', exact: true }).click();
  await filtered;
  await expect(page).toHaveURL(/[?&]status=FAILED(&|$)/);
  // The SUCCESSFUL sample is gone, the FAILED fan-out is there, and every row says Failed.
  await expect(table.getByRole('link', { name: 'Reinstall OCP agent' })).toHaveCount(0);
  await expect(table.getByRole('link', { name: /Add zone/ }).first()).toBeVisible();
  const rows = table.getByRole('row').filter({ has: page.getByRole('link') });
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.all()) await expect(row).toContainText('Failed');
});

test('"Open task by id" refuses a bad id and opens a good one, by itself', async ({ page }) => {
  await page.goto('/');
  const field = page.getByRole('textbox', { name: /open task by id/i });
  await field.fill('12ab');
  await field.press('Enter');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Task id must be a positive whole number')).toBeVisible();

  await field.fill(TASK.failedFanout);
  await field.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/tasks/${TASK.failedFanout}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Add zone');
});
