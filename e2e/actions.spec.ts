import type { Page } from '@playwright/test';
import { SCENARIO_IDS } from '../server/simulator/scenarioIds.ts';
import { expect, openTask, snap, statusOf, TASK, test } from './support/fixtures';

interface WireSubtask {
  id: number | string;
  name: string;
  status: string;
}

/** The subtasks of a task as OCP answers them now, to pick one in a given state. */
async function subtasksOf(page: Page, taskId: string): Promise<WireSubtask[]> {
  const res = await page.request.get(`/api/v2/tasks/instances/${taskId}`);
  const body = (await res.json()) as { data: { subtasks: WireSubtask[] } };
  return body.data.subtasks;
}

/** The first subtask in `status`, waiting for a running task to get there. */
async function firstWith(page: Page, taskId: string, status: string): Promise<WireSubtask> {
  let hit: WireSubtask | undefined;
  await expect
    .poll(async () => (hit = (await subtasksOf(page, taskId)).find((s) => s.status === status)), {
      message: `a ${status} subtask in task ${taskId}`,
      timeout: 20_000,
    })
    .toBeTruthy();
  return hit!;
}

const summary = (page: Page) => page.getByRole('region', { name: 'Task summary' });
const subtaskPanel = (page: Page) => page.getByRole('complementary', { name: 'Subtask details' });

test('Retry a failed task: the dialog lists what runs again, one POST, then the task runs live', async ({ page, sim }) => {
  await sim.reset({ tickMs: 250 });
  await openTask(page, TASK.failedFanout);
  await page.getByRole('button', { name: 'Retry…' }).click();
  const dialog = page.getByRole('dialog', { name: `Retry task ${TASK.failedFanout}?` });
  await expect(dialog.getByRole('list', { name: 'Subtasks that run again' }).getByRole('listitem')).not.toHaveCount(0);
  await expect(dialog.getByRole('list', { name: 'Subtasks that then continue' })).toBeVisible();
  await snap(page, 'retry-dialog');
  expect(await sim.requests('retry', TASK.failedFanout)).toBe(0);
  await dialog.getByRole('button', { name: /^Retry \d+ failed subtasks?$/ }).dblclick();
  await expect(page.getByText(`Retry started for task ${TASK.failedFanout}`)).toBeVisible();
  await expect(dialog).toBeHidden();
  // Live: the failed subtasks run again, and the task fails or succeeds on its own.
  await expect(
    summary(page)
      .getByText(/Retrying|Running|Failed|Successful/)
      .first(),
  ).toBeVisible();
  await expect(page.locator('[data-operation="RETRY"]').first()).toBeVisible();
  expect(await sim.requests('retry', TASK.failedFanout)).toBe(1);
  await snap(page, 'retry-running');
});

test('Set a failed subtask to successful from its panel: one POST, and it turns successful live', async ({ page, sim }) => {
  await sim.reset({ tickMs: 250 });
  const failed = await firstWith(page, TASK.failedFanout, 'FAILED');
  await page.goto(`/tasks/${TASK.failedFanout}?subtask=${failed.id}`);
  const panel = subtaskPanel(page);
  await expect(panel.getByText('First failure')).toBeVisible();
  await panel.getByRole('button', { name: 'Set to successful' }).click();
  const dialog = page.getByRole('dialog', { name: `Set subtask ${failed.name} to successful?` });
  await expect(dialog.getByRole('list', { name: 'Subtasks set to successful' })).toContainText(failed.name);
  await snap(page, 'skip-dialog');
  await dialog.getByRole('button', { name: 'Set to successful' }).click();
  await expect(page.getByText(`Subtask ${failed.name} set to successful`)).toBeVisible();
  await expect(statusOf(page, String(failed.id))).toHaveAttribute('data-status', 'SUCCESSFUL', { timeout: 15_000 });
  await expect(statusOf(page, String(failed.id))).toHaveAttribute('data-operation', 'SKIP');
  expect(await sim.requests('subtaskSkip', `${TASK.failedFanout}/${failed.id}`)).toBe(1);
  await snap(page, 'skip-done');
});

test('Retry a failed subtask: one POST, it runs again', async ({ page, sim }) => {
  const failed = await firstWith(page, TASK.failedFanout, 'FAILED');
  await page.goto(`/tasks/${TASK.failedFanout}?subtask=${failed.id}`);
  await subtaskPanel(page).getByRole('button', { name: 'Retry', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Run subtask ${failed.name} again?` });
  await expect(dialog.getByRole('list', { name: 'Subtasks that run again' })).toContainText(failed.name);
  await dialog.getByRole('button', { name: 'Run again' }).click();
  await expect(page.getByText(`Subtask ${failed.name} runs again`)).toBeVisible();
  await expect(statusOf(page, String(failed.id))).toHaveAttribute('data-operation', 'RETRY');
  expect(await sim.requests('subtaskRetry', `${TASK.failedFanout}/${failed.id}`)).toBe(1);
});

test('Stop a running subtask: the dialog names it and says the task ends FAILED; one POST, then Canceling → Failed', async ({
  page,
  sim,
}) => {
  // Slow ticks: the subtask must still be running when Stop is clicked.
  await sim.reset({ tickMs: 4000 });
  const running = await firstWith(page, TASK.running, 'RUNNING');
  await page.goto(`/tasks/${TASK.running}?subtask=${running.id}`);
  await subtaskPanel(page).getByRole('button', { name: 'Stop', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Stop subtask ${running.name}?` });
  await expect(dialog).toContainText(running.name);
  await expect(dialog).toContainText(/The task will (then )?end FAILED/);
  await snap(page, 'stop-dialog');
  await dialog.getByRole('button', { name: 'Stop subtask' }).click();
  await expect(page.getByText(`Stopping subtask ${running.name}`)).toBeVisible();
  await expect(statusOf(page, String(running.id))).toHaveAttribute('data-status', /CANCELING|FAILED/);
  await expect(statusOf(page, String(running.id))).toHaveAttribute('data-status', 'FAILED', { timeout: 30_000 });
  await expect(statusOf(page, String(running.id))).toHaveAttribute('data-operation', 'CANCEL');
  expect(await sim.requests('subtaskCancel', `${TASK.running}/${running.id}`)).toBe(1);
});

test('a disabled action says why to the keyboard: Tab reaches it and the reason shows', async ({ page }) => {
  await openTask(page, TASK.prohibited);
  const rollback = page.getByRole('button', { name: /^Rollback/ });
  await expect(rollback).toHaveAttribute('aria-disabled', 'true');
  await rollback.focus();
  await expect(rollback).toBeFocused();
  await expect(page.getByRole('tooltip')).toContainText(/prohibited/i);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a double click on the Rollback button leaves the dialog open', async ({ page }) => {
  await openTask(page, TASK.failedFanout);
  await page.getByRole('button', { name: /^Rollback/ }).dblclick();
  await expect(page.getByRole('dialog', { name: `Roll back task ${TASK.failedFanout}?` })).toBeVisible();
  await page.waitForTimeout(500);
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('after a rollback the undone subtasks read "Rolled back", while data-status keeps PENDING', async ({ page, sim }) => {
  await openTask(page, TASK.rolledBack);
  const undone = page.locator('.react-flow__node [data-display-status="ROLLED_BACK"]');
  await expect(undone.first()).toBeVisible();
  await expect(undone.first()).toHaveAttribute('data-status', 'PENDING');
  await expect(undone.first()).toContainText('Rolled back');
  // The legend counts them as rolled back, not also as pending.
  const rolledBack = await undone.count();
  await expect(page.getByTestId('legend-count-ROLLED_BACK')).toHaveText(String(rolledBack));
  await expect(page.getByTestId('legend-count-PENDING')).toHaveText(
    String(await page.locator('.react-flow__node [data-display-status="PENDING"]').count()),
  );
  await undone.first().click();
  await expect(subtaskPanel(page).getByText(/OCP undid this subtask in a rollback/)).toBeVisible();
  await snap(page, 'rolled-back-nodes');
  expect(await sim.rollbackRequests(TASK.rolledBack)).toBe(0);
});

test('the first failure of a 5,000-subtask task is marked on the overview, and one click opens it', async ({ page }) => {
  await openTask(page, TASK.scale5000Failed);
  await expect(summary(page).getByTestId('first-failure')).toBeVisible();
  await page.getByRole('button', { name: 'Fit view' }).click();
  const marker = page.getByTestId('overview-first-failure');
  await expect(marker).toBeVisible();
  await snap(page, 'overview-first-failure');
  await marker.click();
  await expect(subtaskPanel(page).getByText('First failure')).toBeVisible();
  await expect(page).toHaveURL(/subtask=\d+/);
});

test('Follow keeps the running subtasks in view until the operator zooms', async ({ page, sim }) => {
  await sim.reset({ tickMs: 500 });
  await openTask(page, TASK.running);
  const follow = page.getByRole('button', { name: 'Follow running' });
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  // One snapshot of the page: which subtasks run, and whether every one of them is inside the graph's box.
  const runningInView = () =>
    page.evaluate(() => {
      const graph = document.querySelector('[data-testid="task-graph"]')!.getBoundingClientRect();
      const nodes = [...document.querySelectorAll('.react-flow__node:has([data-status="RUNNING"])')];
      const inView = nodes.every((n) => {
        const r = n.getBoundingClientRect();
        return r.left >= graph.left - 1 && r.right <= graph.right + 1 && r.top >= graph.top - 1 && r.bottom <= graph.bottom + 1;
      });
      return { ids: nodes.map((n) => n.getAttribute('data-id')).join(','), inView };
    });
  // Over several changes of the running set, each set ends up wholly on screen.
  let seen = '';
  for (let i = 0; i < 3; i++) {
    await expect.poll(async () => (await runningInView()).ids, { timeout: 15_000 }).not.toBe(seen);
    await expect.poll(async () => (await runningInView()).inView, { timeout: 5_000 }).toBe(true);
    seen = (await runningInView()).ids;
  }
  await snap(page, 'follow-running');
  const box = (await page.getByTestId('task-graph').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
});

test('on the 5,000-subtask running task, Follow shows every running subtask, drawn on top with a halo', async ({ page }) => {
  await openTask(page, SCENARIO_IDS['scale-5000-running']);
  await expect(page.getByRole('button', { name: 'Follow running' })).toHaveAttribute('aria-pressed', 'true', { timeout: 30_000 });
  await page.waitForTimeout(3000);
  await expect(page.getByTestId('graph-overview-marks')).toBeVisible();
  await snap(page, 'follow-5000-running');
});
