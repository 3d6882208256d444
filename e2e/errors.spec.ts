import { expect, openTask, snap, TASK, test } from './support/fixtures';

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

test('the task list filters by status and opens a task by id', async ({ page }) => {
  await page.goto('/');
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: 'Reinstall OCP agent' })).toBeVisible();
  await snap(page, 'task-list');
  await page.getByRole('textbox', { name: /open task by id/i }).fill(TASK.failedFanout);
  await page.getByRole('textbox', { name: /open task by id/i }).press('Enter');
  await openTask(page, TASK.failedFanout).catch(() => {});
  await expect(page).toHaveURL(new RegExp(`/tasks/${TASK.failedFanout}`));
});
