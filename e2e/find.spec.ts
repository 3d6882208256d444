import type { Page } from '@playwright/test';
import { expect, graphNode, openTask, snap, subtaskNodes, TASK, test } from './support/fixtures';

/** Counts the page's URL writes from now on (every one re-renders the whole page); call the result to read. */
async function countUrlWrites(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window as unknown as { __urlWrites: number };
    w.__urlWrites = 0;
    const replace = history.replaceState.bind(history);
    history.replaceState = (...args: Parameters<History['replaceState']>) => {
      w.__urlWrites += 1;
      replace(...args);
    };
  });
  return () => page.evaluate(() => (window as unknown as { __urlWrites: number }).__urlWrites);
}

test('search highlights hits, dims the rest, counts them, and Enter moves the view without moving nodes', async ({ page }) => {
  await openTask(page, TASK.failedFanout);
  await expect(subtaskNodes(page).first()).toBeVisible();
  const positions = () =>
    page
      .locator('.react-flow__node')
      .evaluateAll(
        (els): Record<string, string> =>
          Object.fromEntries(els.map((e) => [e.getAttribute('data-id') ?? '', (e as HTMLElement).style.transform])) as Record<
            string,
            string
          >,
      );
  const before = await positions();
  const search = page.getByRole('textbox', { name: 'Search subtasks' });
  await search.fill('install');
  await expect(page.getByTestId('match-count')).toHaveText(/\d+ match/);
  await expect(page).toHaveURL(/q=install/);
  // Marks sit on each node's own root (data-mark, which the CSS draws), not on React Flow's wrapper.
  const hits = await page.locator('.react-flow__node [data-mark="match"]').count();
  expect(hits).toBeGreaterThan(0);
  expect(await page.locator('.react-flow__node [data-mark="dim"]').count()).toBeGreaterThan(0);
  // Every hit wears the ring, fan-out members (the ∥ chip, and a stripe of their own) included.
  const rings = await page
    .locator('.react-flow__node [data-mark="match"]')
    .evaluateAll((els) => els.map((e) => ({ parallel: e.textContent.includes('∥'), shadow: getComputedStyle(e).boxShadow })));
  expect(rings.some((r) => r.parallel)).toBe(true);
  for (const r of rings) expect(r.shadow).toContain('rgb(252, 196, 25)');
  // …and every dimmed node is drawn dimmed.
  const dimmed = await page
    .locator('.react-flow__node [data-mark="dim"]')
    .evaluateAll((els) => els.map((e) => getComputedStyle(e).opacity));
  expect(dimmed.filter((o) => o !== '0.18')).toEqual([]);
  const viewport = page.locator('.react-flow__viewport');
  const vBefore = await viewport.getAttribute('style');
  await search.press('Enter');
  await expect.poll(() => viewport.getAttribute('style')).not.toBe(vBefore);
  expect(await positions()).toEqual(before);
  await snap(page, 'find-search');
});

test('typing a search updates the view at every key but the URL only once typing pauses', async ({ page }) => {
  await openTask(page, TASK.failedFanout);
  await expect(subtaskNodes(page).first()).toBeVisible();
  const urlWrites = await countUrlWrites(page);
  const search = page.getByRole('textbox', { name: 'Search subtasks' });
  await search.pressSequentially('10.0.0.34', { delay: 20 });
  await expect(page.getByTestId('match-count')).toHaveText('1 match');
  // No mark left over from the shorter prefixes ("1", "10", … matched many): the drawn nodes other
  // than the one hit are all dimmed, and so is every drawn edge touching one of them.
  const marks = await page
    .locator('.react-flow__node-subtask [data-status]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-mark')));
  expect(marks.length).toBeGreaterThan(0);
  expect(marks.filter((m) => m === 'match').length).toBeLessThanOrEqual(1);
  expect(marks.filter((m) => m !== 'match' && m !== 'dim')).toEqual([]);
  const edges = await page
    .locator('.react-flow__edge-path')
    .evaluateAll((els) => els.map((e) => ({ mark: e.getAttribute('data-mark'), opacity: getComputedStyle(e).opacity })));
  expect(edges.length).toBeGreaterThan(0);
  expect(edges.filter((e) => e.mark !== 'dim' || e.opacity !== '0.15')).toEqual([]);
  await expect(page).toHaveURL(/q=10\.0\.0\.34/);
  const writes = await urlWrites();
  expect(writes, 'URL writes for 9 keystrokes').toBeLessThan(9);
  // Escape clears at once, URL included.
  await search.press('Escape');
  await expect(page).not.toHaveURL(/q=/);
});

test('panning and zooming put the viewport in the URL once the movement pauses, not at every step', async ({ page }) => {
  await openTask(page, TASK.failedFanout);
  await expect(subtaskNodes(page).first()).toBeVisible();
  const urlWrites = await countUrlWrites(page);
  // Ten wheel steps 170 ms apart, each ending a move (d3-zoom ends a wheel gesture 150 ms after its
  // last event); dispatched in the page so a busy machine cannot stretch the gaps between them.
  await page.evaluate(async () => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) throw new Error('no pane');
    const r = pane.getBoundingClientRect();
    for (let i = 0; i < 10; i++) {
      const init = { deltaY: i % 2 ? 120 : -120, clientX: r.x + r.width / 2, clientY: r.y + r.height / 2, bubbles: true, cancelable: true };
      pane.dispatchEvent(new WheelEvent('wheel', init));
      await new Promise((done) => setTimeout(done, 170));
    }
  });
  await expect(page).toHaveURL(/vp=-?[\d.]+%2C-?[\d.]+%2C[\d.]+/);
  const writes = await urlWrites();
  expect(writes, 'URL writes for 10 wheel steps').toBeLessThan(5);
  // The URL holds where the view ended: a reload opens there.
  await page.reload();
  await expect(subtaskNodes(page).first()).toBeVisible();
  const [x, y, zoom] = (new URL(page.url()).searchParams.get('vp') ?? '').split(',');
  await expect(page.locator('.react-flow__viewport')).toHaveAttribute('style', `transform: translate(${x}px, ${y}px) scale(${zoom});`);
});

test('legend filters, Failed only, and lineage of the selection', async ({ page }) => {
  await openTask(page, TASK.failedFanout);
  const legend = page.getByRole('group', { name: 'Status legend' });
  await legend.getByRole('button', { name: 'Failed only' }).click();
  await expect(page).toHaveURL(/status=FAILED/);
  await expect(legend.getByRole('button', { name: /^Failed:/ })).toHaveAttribute('aria-pressed', 'true');
  const failed = page.locator('.react-flow__node:has([data-status="FAILED"])').first();
  await expect(failed.locator('[data-status]')).not.toHaveAttribute('data-mark', 'dim');
  await expect(page.locator('.react-flow__node [data-status="SUCCESSFUL"]').first()).toHaveAttribute('data-mark', 'dim');
  await snap(page, 'find-failed-only');
  await legend.getByRole('button', { name: 'Show all' }).click();
  await failed.click();
  await page.getByRole('switch', { name: 'Lineage' }).check();
  await expect(page).toHaveURL(/lineage=1/);
  await expect(page.locator('.react-flow__node [data-mark="lineage"]').first()).toBeVisible();
  await snap(page, 'find-lineage');
});

test('a shared link restores the view: selection, viewport, search, filter and mode', async ({ page }) => {
  await openTask(page, TASK.failedFanout);
  await expect(subtaskNodes(page).first()).toBeVisible();
  const id = await subtaskNodes(page)
    .nth(1)
    .evaluate((e) => e.closest('.react-flow__node')?.getAttribute('data-id'));
  await page.goto(`/tasks/${TASK.failedFanout}?subtask=${id}&vp=40,60,0.7&q=zone&status=FAILED,SUCCESSFUL&lineage=1`);
  await expect(page.getByRole('complementary', { name: /subtask details/i })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Search subtasks' })).toHaveValue('zone');
  await expect(page.locator('.react-flow__viewport')).toHaveAttribute('style', /translate\(40px, 60px\) scale\(0\.7\)/);
  await page.reload();
  await expect(page.locator('.react-flow__viewport')).toHaveAttribute('style', /translate\(40px, 60px\) scale\(0\.7\)/);
  await expect(graphNode(page, id!)).toHaveClass(/selected/);
  await page.goto(`/tasks/${TASK.failedFanout}?view=timeline&subtask=${id}`);
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page.locator(`[data-testid="timeline"] [data-id="${id}"]`)).toHaveAttribute('aria-current', 'true');
});

test('the timeline draws bars, marks the critical path, and a click selects the subtask', async ({ page }) => {
  await openTask(page, TASK.rollbackFails);
  await page.locator('label', { hasText: 'Timeline' }).click();
  await expect(page).toHaveURL(/view=timeline/);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByRole('listitem').first()).toBeVisible();
  expect(await timeline.locator('[data-critical="true"]').count()).toBeGreaterThan(0);
  await timeline.getByRole('listitem').nth(1).click();
  await expect(page).toHaveURL(/subtask=/);
  await expect(page.getByRole('complementary', { name: /subtask details/i })).toBeVisible();
  await snap(page, 'timeline');
});

test('a 5,000-subtask task: groups start collapsed, expand in place; the timeline scrolls', async ({ page }) => {
  // A member of a big fan-out, read from the API as any client would.
  const reply = (await (await page.request.get(`/api/v2/tasks/instances/${TASK.scale5000Failed}`)).json()) as {
    data: { subtasks: { id: number | string; name: string; parallelIdx?: number; upstreams?: unknown[]; downstreams?: unknown[] }[] };
  };
  const byKey = new Map<string, string[]>();
  for (const s of reply.data.subtasks) {
    if ((s.parallelIdx ?? -1) < 0) continue;
    const key = `${JSON.stringify(s.upstreams)}|${JSON.stringify(s.downstreams)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), s.name]);
  }
  const member = [...byKey.values()].find((names) => names.length >= 8)![0]!;
  await openTask(page, TASK.scale5000Failed);
  await expect(subtaskNodes(page).first()).toBeVisible({ timeout: 20_000 });
  const search = page.getByRole('textbox', { name: 'Search subtasks' });
  await search.fill(member);
  await expect(page.getByTestId('match-count')).toHaveText('1 match');
  await search.press('Enter');
  // The hit sits inside a collapsed group: the view moves to the group, which is marked.
  const hit = page.locator('.react-flow__node:has([data-testid="collapsed-group"][data-mark="match"])');
  await expect(hit).toBeVisible({ timeout: 20_000 });
  const group = page.getByTestId(`rf__node-${await hit.getAttribute('data-id')}`);
  // It wears the ring over its own stack.
  expect(await group.getByTestId('collapsed-group').evaluate((e) => getComputedStyle(e).boxShadow)).toContain('rgb(252, 196, 25)');
  await search.fill('');
  await snap(page, 'collapsed-groups');
  await group.getByRole('button', { name: 'Expand' }).click();
  await expect(page).toHaveURL(/groups=/);
  await expect(page.getByTestId('parallel-group').first()).toBeVisible({ timeout: 20_000 });
  await snap(page, 'expanded-group');
  await page.keyboard.press('t');
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByRole('listitem').first()).toBeVisible();
  expect(await timeline.getByRole('listitem').count()).toBeLessThan(120);
  await timeline.locator('[role="list"]').evaluate((el) => (el.scrollTop = 26 * 3000));
  await expect(timeline.getByRole('listitem').first()).toHaveAttribute('style', /top: 7\d{4}px/);
  await snap(page, 'timeline-5000');
});

test('keyboard shortcuts: help on ?, none while typing', async ({ page }) => {
  await openTask(page, TASK.failedFanout);
  await expect(subtaskNodes(page).first()).toBeVisible();
  await page.keyboard.press('/');
  const search = page.getByRole('textbox', { name: 'Search subtasks' });
  await expect(search).toBeFocused();
  await page.keyboard.type('t?');
  await expect(search).toHaveValue('t?');
  await expect(page).not.toHaveURL(/view=timeline/);
  await expect(page.getByRole('dialog')).toBeHidden();
  await search.press('Escape');
  await search.press('Escape');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await snap(page, 'shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('n');
  await page.keyboard.press('t');
  await expect(page).toHaveURL(/view=timeline/);
  await page.keyboard.press('g');
  await expect(page).not.toHaveURL(/view=timeline/);
});
