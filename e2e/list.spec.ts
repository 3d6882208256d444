import type { Page } from '@playwright/test';
import { expect, snap, TASK, test } from './support/fixtures';

/** The list's rows as the operator reads them: id (first column) and start time (the Started column's <time>). */
async function rows(page: Page): Promise<{ id: string; start: number }[]> {
  const table = page.getByRole('table');
  // The first page after the server starts can take a while on a loaded machine.
  await expect(table).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  return table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.querySelector('td a')?.textContent ?? '',
      start: Date.parse(tr.querySelector('time')?.getAttribute('datetime') ?? ''),
    })),
  );
}

const byId = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

/** Rows in start-time order in that direction, ties in id order the same way (OCP's stable paging). */
function expectStartOrder(list: { id: string; start: number }[], direction: 'asc' | 'desc') {
  const sign = direction === 'asc' ? 1 : -1;
  expect(list.length).toBeGreaterThan(5);
  for (let i = 1; i < list.length; i++) {
    const [a, b] = [list[i - 1]!, list[i]!];
    const order = Math.sign(b.start - a.start) || byId(b.id, a.id);
    expect(order, `${a.id} before ${b.id}`).toBe(sign);
  }
}

test.describe('order', () => {
  test('by start time both ways from the Started header, in the URL, back to id order', async ({ page }) => {
    const sorts: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/v2/tasks/instances') sorts.push(url.searchParams.get('sort') ?? '');
    });
    await page.goto('/');
    const ids = (await rows(page)).map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => byId(b, a)));
    await expect(page.getByRole('columnheader', { name: 'ID' })).toHaveAttribute('aria-sort', 'descending');

    await page.getByRole('button', { name: 'Started' }).click();
    await expect(page).toHaveURL(/\?sort=startTime%2Cdesc$/);
    await expect(page.getByRole('columnheader', { name: 'Started' })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.locator('tbody tr').last()).toContainText(TASK.sample); // started in 2021: the oldest
    expectStartOrder(await rows(page), 'desc');
    await snap(page, 'list-sort-start-desc');

    await page.getByRole('button', { name: 'Started' }).click();
    await expect(page).toHaveURL(/\?sort=startTime%2Casc$/);
    await expect(page.getByRole('columnheader', { name: 'Started' })).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.locator('tbody tr').first()).toContainText(TASK.sample);
    expectStartOrder(await rows(page), 'asc');

    // A reload (or a shared link) keeps the order.
    await page.reload();
    await expect(page.locator('tbody tr').first()).toContainText(TASK.sample);
    expectStartOrder(await rows(page), 'asc');

    await page.getByRole('button', { name: 'ID' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('columnheader', { name: 'ID' })).toHaveAttribute('aria-sort', 'descending');
    expect(sorts).toEqual(expect.arrayContaining(['id,desc', 'startTime,desc', 'startTime,asc']));
  });

  test('the order holds across pages: page 2 continues where page 1 stopped', async ({ page }) => {
    await page.goto('/?sort=startTime,asc&size=10');
    const first = await rows(page);
    expect(first).toHaveLength(10);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.locator('tbody tr').first()).not.toContainText(first[0]!.id);
    const second = await rows(page);
    expectStartOrder([...first, ...second], 'asc');
    expect(new Set([...first, ...second].map((r) => r.id)).size).toBe(first.length + second.length);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 390, height: 844 } });

    test('a Sort select stands in for the hidden Started column', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('columnheader', { name: 'Started' })).toBeHidden();
      const select = page.getByRole('combobox', { name: 'Sort by' });
      await expect(select).toHaveValue('ID, highest first');
      await select.click();
      await page.getByRole('option', { name: 'Start time, earliest first' }).click();
      await expect(page).toHaveURL(/\?sort=startTime%2Casc$/);
      await expect(page.locator('tbody tr').first()).toContainText(TASK.sample);
      await snap(page, 'list-sort-phone');
    });
  });
});
