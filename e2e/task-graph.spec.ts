import { expect, graphNode, openTask, snap, statusOf, subtaskNodes, TASK, test } from './support/fixtures';

test('the vendor sample task renders 4 subtasks and 3 edges, with names, in flow order', async ({ page }) => {
  await openTask(page, TASK.sample);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reinstall OCP agent');
  await expect(subtaskNodes(page)).toHaveCount(4);
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  for (const name of ['Prepare reinstalling OCP agent', 'Uninstall ocp agent', 'Install ocp agent', 'Finish reinstalling OCP agent']) {
    await expect(page.locator('.react-flow__node').getByText(name, { exact: true })).toBeVisible();
  }
  for (const id of ['13000335', '13000333', '13000336', '13000334']) {
    await expect(statusOf(page, id)).toHaveAttribute('data-status', 'SUCCESSFUL');
    await expect(statusOf(page, id)).toHaveAttribute('data-operation', 'EXECUTE');
  }
  // Left to right: each subtask sits right of its upstream.
  const xs = [];
  for (const id of ['13000335', '13000333', '13000336', '13000334']) xs.push((await graphNode(page, id).boundingBox())!.x);
  expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  await snap(page, 'sample-successful');
});

test('the six statuses have six distinct colours, and nodes use their status colour', async ({ page }) => {
  await openTask(page, TASK.canceling);
  const legend = page.getByRole('group', { name: /legend/i });
  const colours = new Set<string>();
  for (const label of ['Pending', 'Ready', 'Running', 'Canceling', 'Failed', 'Successful']) {
    const item = legend.getByRole('button', { name: new RegExp(`^${label}:`) });
    await expect(item).toBeVisible();
    colours.add(await item.locator('[data-swatch]').evaluate((el) => getComputedStyle(el).backgroundColor));
  }
  expect(colours.size).toBe(6);
  const byStatus = new Map<string, string>();
  for (const el of await subtaskNodes(page).all()) {
    const status = (await el.getAttribute('data-status'))!;
    const colour = await el.evaluate((e) => getComputedStyle(e).borderTopColor);
    if (byStatus.has(status)) expect(byStatus.get(status), `all ${status} nodes share one colour`).toBe(colour);
    byStatus.set(status, colour);
  }
  expect(new Set(byStatus.values()).size).toBe(byStatus.size);
  await snap(page, 'canceling-mixed-statuses');
});

test('clicking a node opens its details with upstream and downstream links', async ({ page }) => {
  await openTask(page, TASK.sample);
  await graphNode(page, '13000333').click();
  const panel = page.getByRole('complementary', { name: /subtask/i });
  await expect(panel.getByRole('heading', { name: 'Uninstall ocp agent' })).toBeVisible();
  await expect(panel.getByText('13000333').first()).toBeVisible();
  await expect(page).toHaveURL(/subtask=13000333/);
  await panel.getByRole('button', { name: /Install ocp agent/ }).click();
  await expect(panel.getByRole('heading', { name: 'Install ocp agent' })).toBeVisible();
  await page.getByRole('button', { name: /close subtask details/i }).click();
  await expect(panel).toBeHidden();
});

test('a RUNNING task updates live without reload, and no node or the viewport moves', async ({ page }) => {
  await openTask(page, TASK.running);
  await expect(subtaskNodes(page).first()).toBeVisible();
  // Follow (on by default while RUNNING) moves the view on purpose once a running subtask leaves the
  // screen, which a slow run reaches; off, nothing but the operator may move it (actions.spec tests Follow).
  const follow = page.getByRole('button', { name: 'Follow running' });
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'false');
  const viewport = page.locator('.react-flow__viewport');
  const before = await positions(page);
  const transform = await viewport.getAttribute('style');
  const statusesBefore = await statuses(page);
  await expect.poll(async () => diffCount(statusesBefore, await statuses(page)), { timeout: 20_000 }).toBeGreaterThan(1);
  expect(await positions(page)).toEqual(before);
  expect(await viewport.getAttribute('style')).toBe(transform);
  await snap(page, 'running-live');
});

test('names that look like HTML are shown as text and nothing executes', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openTask(page, TASK.hostile);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>');
  await expect(
    page
      .locator('.react-flow__node')
      .getByText(/<img src=x onerror=/)
      .first(),
  ).toBeVisible();
  await subtaskNodes(page).first().click();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('an id above 2^53 survives intact', async ({ page }) => {
  await openTask(page, TASK.bigId);
  await expect(page.getByText(TASK.bigId).first()).toBeVisible();
});

async function positions(page: import('@playwright/test').Page): Promise<Record<string, string>> {
  return page
    .locator('.react-flow__node')
    .evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-id') ?? '', (e as HTMLElement).style.transform])));
}

async function statuses(page: import('@playwright/test').Page): Promise<Record<string, string | null | undefined>> {
  return page
    .locator('.react-flow__node')
    .evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute('data-id') ?? '', e.querySelector('[data-status]')?.getAttribute('data-status')])),
    );
}

function diffCount(a: Record<string, unknown>, b: Record<string, unknown>): number {
  return Object.keys(b).filter((k) => a[k] !== b[k]).length;
}
