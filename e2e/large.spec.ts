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

  // Wheeling back in crosses into the node window (nodes given their size up front, no measure pass):
  // the screen then holds exactly the nodes, at exactly the places, that opening this viewport gives.
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const zoomNow = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
  let zoom = await zoomNow();
  for (let i = 0; i < 20 && zoom < 0.5; i++) {
    await page.mouse.wheel(0, -250);
    const before = zoom;
    await expect.poll(zoomNow).toBeGreaterThan(before);
    zoom = await zoomNow();
  }
  await expect(page.getByTestId('graph-overview')).toHaveCount(0);
  // The viewport reaches the URL once the move has paused; reopening the URL opens right here.
  await expect.poll(() => new URL(page.url()).searchParams.get('vp')?.split(',')[2]).toBe(String(Number(zoom.toFixed(3))));
  const filled = { tight: await nodesInsidePane(page, 1), loose: await nodesInsidePane(page, 0.5) };
  expect(Object.keys(filled.tight).length).toBeGreaterThan(0);
  await page.goto(page.url());
  await expect(subtaskNodes(page).first()).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('graph-overview')).toHaveCount(0);
  const opened = { tight: await nodesInsidePane(page, 1), loose: await nodesInsidePane(page, 0.5) };
  // The URL rounds the viewport to whole pixels: each side's inner nodes are among the other's wider set.
  const pick = (from: Record<string, string>, ids: string[]) => Object.fromEntries(ids.map((id) => [id, from[id]]));
  expect(pick(opened.loose, Object.keys(filled.tight))).toEqual(filled.tight);
  expect(pick(filled.loose, Object.keys(opened.tight))).toEqual(opened.tight);
  await page.screenshot({ path: 'test-results/screenshots/large-5000-zoomed-in.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.screenshot({ path: 'test-results/screenshots/large-5000-zoomed-in-dark.png' });
});

/** Drawn nodes `margin` node sizes or more inside the pane, each with its place in the graph (its wrapper's transform). */
function nodesInsidePane(page: Page, margin: number) {
  return page.evaluate((margin) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const found: Record<string, string> = {};
    for (const n of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const r = n.getBoundingClientRect();
      const [w, h] = [r.width * margin, r.height * margin];
      if (r.left > pane.left + w && r.right < pane.right - w && r.top > pane.top + h && r.bottom < pane.bottom - h)
        found[n.dataset.id!] = n.style.transform;
    }
    return found;
  }, margin);
}

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
