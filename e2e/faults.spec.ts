import { expect, snap, TASK, test } from './support/fixtures';

/**
 * A faulty OCP (the simulator's fault control) in front of `npm run serve`, whose reply timeout the
 * e2e configuration sets to 4 s: every fault ends in a worded error in bounded time, never a hang.
 */
const path = (id: string) => `/api/v2/tasks/instances/${id}`;

test('a hung OCP on first load: a clear error within the reply timeout, and Retry recovers', async ({ page, sim }) => {
  await sim.brokenReply(path(TASK.sample), 'hang');
  const started = Date.now();
  await page.goto(`/tasks/${TASK.sample}`);
  await expect(page.getByRole('heading', { name: 'OCP did not answer in time' })).toBeVisible({ timeout: 15_000 });
  const seconds = (Date.now() - started) / 1000;
  console.log(`hung OCP, first load: clear error after ${seconds.toFixed(1)} s (reply timeout 4 s)`);
  expect(seconds).toBeLessThan(10);
  await expect(page.getByText('OCP did not answer within 4 s.')).toBeVisible();
  await snap(page, 'fault-hang-first-load');
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reinstall OCP agent');
});

test('a hung OCP under a RUNNING task: the page says how old its data is, then recovers on its own', async ({ page, sim }) => {
  await page.goto(`/tasks/${TASK.running}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Task summary' }).getByText('Running', { exact: true })).toBeVisible();
  await sim.brokenReply(path(TASK.running), 'hang', 2);
  const started = Date.now();
  await expect(page.getByText(/Waiting for OCP: showing the state from .* ago/)).toBeVisible({ timeout: 10_000 });
  const waitingAfter = (Date.now() - started) / 1000;
  await expect(page.getByText(/Live updates failing: OCP did not answer in time/)).toBeVisible({ timeout: 15_000 });
  const failingAfter = (Date.now() - started) / 1000;
  console.log(`hung OCP, RUNNING page: "waiting" after ${waitingAfter.toFixed(1)} s, "failing" after ${failingAfter.toFixed(1)} s`);
  await snap(page, 'fault-hang-running');
  // Both hung requests used up: the next poll answers and the warning goes away without a reload.
  await expect(page.getByText(/Live updates failing|Waiting for OCP/)).toHaveCount(0, { timeout: 20_000 });
});

test('a reply cut off mid-body ends at once and is worded as such', async ({ page, sim }) => {
  // One try plus three automatic retries all cut.
  await sim.brokenReply(path(TASK.sample), 'cut', 4);
  const started = Date.now();
  await page.goto(`/tasks/${TASK.sample}`);
  await expect(page.getByRole('heading', { name: 'The reply broke off' })).toBeVisible({ timeout: 20_000 });
  console.log(`cut body: error after ${((Date.now() - started) / 1000).toFixed(1)} s (4 tries with backoff)`);
  await snap(page, 'fault-cut');
});

test('a redirect to OCP’s login page says OCP asked for a sign-in, and never shows OCP’s address', async ({ page, sim }) => {
  const bodies: string[] = [];
  page.on('response', async (r) => {
    if (r.url().includes('/api/')) bodies.push(JSON.stringify(r.headers()) + (await r.text().catch(() => '')));
  });
  await sim.brokenReply(path(TASK.sample), 'redirect');
  await page.goto(`/tasks/${TASK.sample}`);
  await expect(page.getByRole('heading', { name: 'OCP asked for a sign-in' })).toBeVisible();
  await expect(page.getByText(/OCP asked for a sign-in: OCP answered with a redirect \(HTTP 302\)/)).toBeVisible();
  await expect(page.getByText(/does not exist/)).toHaveCount(0);
  await snap(page, 'fault-redirect');
  expect(bodies.join('\n')).not.toContain('ocp-internal');
  expect(await page.content()).not.toContain('ocp-internal');
});

test('an HTML page instead of JSON is an error that keeps OCP’s HTTP status', async ({ page, sim }) => {
  await sim.brokenReply(path(TASK.sample), 'html');
  await page.goto(`/tasks/${TASK.sample}`);
  await expect(page.getByRole('heading', { name: 'OCP sent a page instead of data' })).toBeVisible();
  await expect(page.getByText(/OCP answered HTTP 200 with text\/html, not JSON/)).toBeVisible();
  await snap(page, 'fault-html');
});

test('a hung rollback POST ends in a worded error, and exactly one POST reached OCP', async ({ page, sim }) => {
  await page.goto(`/tasks/${TASK.failedFanout}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await sim.brokenReply(`${path(TASK.failedFanout)}/rollback`, 'hang', 1, 'POST');
  await page.getByRole('button', { name: /Rollback/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Roll back \d+ subtasks/ })
    .click();
  await expect(page.getByText(/OCP did not answer/).first()).toBeVisible({ timeout: 15_000 });
  expect(await sim.rollbackRequests(TASK.failedFanout)).toBe(1);
});

test('a rollback that OCP carried out but answered 500: worded from the task, never "Rollback failed"', async ({ page, sim }) => {
  await page.goto(`/tasks/${TASK.failedFanout}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await sim.brokenReply(`${path(TASK.failedFanout)}/rollback`, 'applied', 1, 'POST');
  await page.getByRole('button', { name: /Rollback/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Roll back \d+ subtasks/ })
    .click();
  // The refetch after the error finds the task rolling back (or, on a fast tick, already rolled back).
  await expect(page.getByText(/OCP answered with an error, but/).first()).toBeVisible();
  const header = page.getByRole('region', { name: 'Task summary' });
  await expect(header.getByText(/^(Rolling back|Rolled back)$/)).toBeVisible();
  await expect(page.getByText('Rollback failed')).toHaveCount(0);
  expect(await sim.rollbackRequests(TASK.failedFanout)).toBe(1);
});
