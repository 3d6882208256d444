import { expect, graphNode, subtaskNodes, TASK, test } from './support/fixtures';

test('a 2,000-subtask task opens focused on the failure, and a node can be found and selected', async ({ page }) => {
  await page.goto(`/tasks/${TASK.large}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const failed = page.locator('.react-flow__node [data-status="FAILED"]').first();
  await expect(failed).toBeVisible({ timeout: 30_000 });
  // Only what is on screen is rendered.
  expect(await subtaskNodes(page).count()).toBeLessThan(2000);
  await failed.click();
  const panel = page.getByRole('complementary', { name: /subtask/i });
  await expect(panel.getByText('Failed').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/large-2000.png' });
});

test('a 5,000-subtask task opens and stays usable', async ({ page }) => {
  await page.goto(`/tasks/${TASK.scale5000Failed}`);
  const failed = page.locator('.react-flow__node').filter({ has: page.locator('[data-status="FAILED"]') }).first();
  await expect(failed).toBeVisible({ timeout: 45_000 });
  // It opens centred on the failure, so that node is on screen and clickable.
  const id = await failed.getAttribute('data-id');
  await graphNode(page, id!).click();
  await expect(page).toHaveURL(new RegExp(`subtask=${id}`));
  await page.screenshot({ path: 'test-results/screenshots/large-5000.png' });

  // Fitted, 5,000 nodes are a picture of statuses rather than 5,000 elements.
  await page.getByRole('button', { name: 'Fit view' }).click();
  await expect(page.getByTestId('graph-overview')).toBeVisible();
  expect(await subtaskNodes(page).count()).toBe(0);
  await page.screenshot({ path: 'test-results/screenshots/large-5000-overview.png' });
});
