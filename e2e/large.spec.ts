import type { Page } from '@playwright/test';
import { expect, graphNode, subtaskNodes, TASK, test } from './support/fixtures';

test('a 2,000-subtask task: the header’s first failure opens its collapsed group, only what is on screen is drawn, and the node can be selected', async ({
  page,
}) => {
  await page.goto(`/tasks/${TASK.large}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // It opens on the first failure even though it sits inside a collapsed group: on that group.
  await expect(page.locator('[data-testid="collapsed-group"][data-headline="FAILED"]')).toBeInViewport({ timeout: 30_000 });
  // Fan-outs start collapsed in a task this large. The header's first failure selects it: its group
  // opens in place and the view goes to the node.
  await page
    .getByRole('button', { name: /Start OBServer on/ })
    .first()
    .click();
  const failed = page.locator('.react-flow__node [data-status="FAILED"]').first();
  await expect(failed).toBeVisible({ timeout: 30_000 });
  // Only what is on screen is rendered: every drawn node touches the pane, and there are no more of
  // them than fit on it without overlapping (its area, widened by one node, over one node's area).
  const drawn = await drawnNodesAgainstPane(page);
  expect(drawn.count).toBeGreaterThan(0);
  expect(drawn.offPane).toEqual([]);
  expect(drawn.count).toBeLessThanOrEqual(drawn.fitOnPane);
  await failed.click();
  const panel = page.getByRole('complementary', { name: /subtask/i });
  await expect(panel.getByText('Failed').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/large-2000.png' });
});

test('a 5,000-subtask task opens and stays usable', async ({ page }) => {
  await page.goto(`/tasks/${TASK.scale5000Failed}`);
  const failed = page
    .locator('.react-flow__node')
    .filter({ has: page.locator('[data-status="FAILED"]') })
    .first();
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
  // What the picture shows, status by status, is still readable by tools (the bench watches it on polls).
  const counts = (await page.getByTestId('graph-overview').getAttribute('data-counts'))!.split(',').map(Number);
  expect(counts.reduce((a, b) => a + b, 0)).toBe(5000);
  await page.screenshot({ path: 'test-results/screenshots/large-5000-overview.png' });
});

/** The drawn subtask nodes measured against the graph pane, in screen pixels. */
function drawnNodesAgainstPane(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const boxes = [...document.querySelectorAll('.react-flow__node')]
      .filter((n) => n.querySelector('[data-status]'))
      .map((n) => ({ id: n.getAttribute('data-id'), r: n.getBoundingClientRect() }));
    const first = boxes[0]?.r;
    const touches = ({ r }: { r: DOMRect }) => r.right > pane.left && r.left < pane.right && r.bottom > pane.top && r.top < pane.bottom;
    return {
      count: boxes.length,
      offPane: boxes.filter((b) => !touches(b)).map((b) => b.id),
      fitOnPane: first ? Math.floor(((pane.width + first.width) * (pane.height + first.height)) / (first.width * first.height)) : 0,
    };
  });
}
