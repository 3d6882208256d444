import type { Request } from '@playwright/test';
import { expect, openTask, snap, subtaskNodes, TASK, test } from './support/fixtures';

test('rolling back a failed task: the dialog shows the reach, then live progress until "Rolled back"', async ({ page, sim }) => {
  await sim.reset({ tickMs: 250 });
  await openTask(page, TASK.failedFanout);
  const header = page.getByRole('region', { name: 'Task summary' });
  await expect(header.getByText('Failed', { exact: true })).toBeVisible();
  await snap(page, 'failed-fanout');

  await page.getByRole('button', { name: /Rollback/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const steps = dialog.getByRole('listitem');
  expect(await steps.count()).toBeGreaterThan(1);
  // The failed branch is undone before what ran ahead of it: the first root is last.
  await expect(steps.last()).toContainText('Check zone parameters');
  await snap(page, 'rollback-dialog');
  expect(await sim.rollbackRequests(TASK.failedFanout)).toBe(0);

  await dialog.getByRole('button', { name: /Roll back \d+ subtasks/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Rollback started/)).toBeVisible();
  await expect(header.getByText('Rolling back')).toBeVisible();
  await expect(page.locator('[data-operation="ROLLBACK"]').first()).toBeVisible();
  await snap(page, 'rolling-back');

  await expect(header.getByText('Rolled back', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(header.getByText('Successful', { exact: true })).toHaveCount(0);
  for (const status of await subtaskNodes(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))) {
    expect(status).toBe('PENDING');
  }
  await expect(page.getByRole('button', { name: /Rollback/ })).toBeDisabled();
  expect(await sim.rollbackRequests(TASK.failedFanout)).toBe(1);
  await snap(page, 'rolled-back');
});

test('a double click on confirm sends exactly one rollback request', async ({ page, sim }) => {
  // Every rollback POST the page sends, and whether it has finished: no fixed wait, the test waits
  // until each one it saw has been answered, then counts at both ends.
  const posts = new Map<Request, boolean>();
  const isRollback = (r: Request) => r.method() === 'POST' && r.url().endsWith(`/instances/${TASK.failedFanout}/rollback`);
  page.on('request', (r) => isRollback(r) && posts.set(r, false));
  const done = (r: Request) => isRollback(r) && posts.set(r, true);
  page.on('requestfinished', done);
  page.on('requestfailed', done);

  await openTask(page, TASK.failedFanout);
  await page.getByRole('button', { name: /Rollback/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Roll back \d+ subtasks/ })
    .dblclick();
  await expect(page.getByText(/Rollback started/)).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden();
  // Both clicks were handled before the first answer came back, so any second POST has been sent by now.
  await expect.poll(() => [...posts.values()].every(Boolean)).toBe(true);
  expect(posts.size).toBe(1);
  expect(await sim.rollbackRequests(TASK.failedFanout)).toBe(1);
});

test('cancelling the dialog sends nothing', async ({ page, sim }) => {
  await openTask(page, TASK.failedFanout);
  await page.getByRole('button', { name: /Rollback/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(await sim.rollbackRequests(TASK.failedFanout)).toBe(0);
});

test('a rollback step that fails leaves the task "Rollback failed", and it can be rolled back again', async ({ page, sim }) => {
  await sim.reset({ tickMs: 250 });
  await openTask(page, TASK.rollbackFails);
  await page.getByRole('button', { name: /Rollback/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Roll back \d+ subtasks/ })
    .click();
  const header = page.getByRole('region', { name: 'Task summary' });
  await expect(header.getByText('Rollback failed')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('[data-status="FAILED"][data-operation="ROLLBACK"]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /Rollback again/ })).toBeEnabled();
  await snap(page, 'rollback-failed');
});

for (const [name, id, reason] of [
  ['prohibited', TASK.prohibited, /prohibited/i],
  ['running', TASK.running, /running/i],
  ['successful', TASK.sample, /nothing failed/i],
  ['already rolled back', TASK.rolledBack, /already rolled back/i],
] as const) {
  test(`rollback is disabled for a ${name} task, and says why`, async ({ page }) => {
    await openTask(page, id);
    const button = page.getByRole('button', { name: /Rollback/ });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(reason);
    await button.hover({ force: true });
    await expect(page.getByRole('tooltip')).toHaveText(reason);
  });
}

// A read-only user's refused rollback (403 from OCP): e2e/auth.spec.ts, signed in as that user.
