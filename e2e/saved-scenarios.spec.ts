import { readFileSync } from 'node:fs';
import { expect, graphNode, snap, statusOf, test } from './support/fixtures';

/**
 * A team replays a real failure: the task file saved from OCP (e2e/fixtures, shaped like OCP's reply:
 * envelope, sorted keys, subtasks in no order, the failed subtask's id above 2^53 as a string) is posted
 * to the console's own server, then opened and retried like any task.
 */
const FILE = readFileSync(new URL('./fixtures/failed-upgrade-task.json', import.meta.url));
const TASK_ID = '7300218';
const FAILED = '9007199254740995';
const PENDING = ['73002007', '73002008'];

// Uploads survive a reset: leave the simulator as the other specs expect it (their task counts).
test.afterEach(async ({ sim }) => {
  await sim.reset({ dropUploads: true });
});

test('a task file from OCP, posted to the simulator, opens with its failure and retries live', async ({ page, sim }) => {
  // Two page loads and a live run: on the shared 2-core machine, with other suites running, a page load
  // alone has taken over 20 s.
  test.setTimeout(180_000);
  const pageLoad = { timeout: 45_000 };
  await sim.reset({ tickMs: 250 });
  // Only the console itself may post one: without its header the server refuses before reading the file.
  const refused = await sim.uploadTask(FILE, { Origin: 'http://evil.example' });
  expect(refused.status).toBe(403);
  expect(await sim.uploadTask(FILE)).toEqual({
    status: 201,
    body: { id: TASK_ID, name: 'Upgrade OCP agent on 4 hosts of obcluster-east', subtasks: 8, replaced: false },
  });

  await page.goto(`/tasks/${TASK_ID}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Upgrade OCP agent on 4 hosts of obcluster-east', pageLoad);
  await expect(statusOf(page, FAILED)).toHaveAttribute('data-status', 'FAILED');
  await expect(graphNode(page, FAILED)).toContainText('First failure');
  for (const id of PENDING) await expect(statusOf(page, id)).toHaveAttribute('data-status', 'PENDING');
  await snap(page, 'saved-task-failed');

  await graphNode(page, FAILED).click();
  const panel = page.getByRole('complementary', { name: 'Subtask details' });
  await expect(panel).toContainText('Set state for subtask: 9007199254740995, operation:RETRY, state: FAILED');
  await panel.getByRole('button', { name: 'Retry', exact: true }).click();
  await page
    .getByRole('dialog', { name: 'Run subtask Upgrade OCP agent on 10.12.4.23 again?' })
    .getByRole('button', { name: 'Run again' })
    .click();
  // The engine moves: the retried subtask succeeds, the held-back ones run after it, the task ends SUCCESSFUL.
  await expect(statusOf(page, FAILED)).toHaveAttribute('data-status', 'SUCCESSFUL', { timeout: 20_000 });
  for (const id of PENDING) await expect(statusOf(page, id)).toHaveAttribute('data-status', 'SUCCESSFUL', { timeout: 20_000 });
  expect(await sim.requests('subtaskRetry', `${TASK_ID}/${FAILED}`)).toBe(1);
  await snap(page, 'saved-task-retried');

  // A reset puts the uploaded task back as the file has it.
  await sim.reset();
  await page.reload();
  await expect(statusOf(page, FAILED)).toHaveAttribute('data-status', 'FAILED', pageLoad);
});
