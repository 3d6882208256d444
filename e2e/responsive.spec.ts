import type { Page } from '@playwright/test';
import { expect, graphNode, openTask, TASK, test } from './support/fixtures';

/**
 * Phone, tablet and laptop, in both themes and both languages: nothing scrolls sideways, the graph
 * starts in the first screen, and the subtask panel leaves the graph room. Screenshots of each state
 * go to test-results/screenshots/ for people to look at.
 */
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'laptop', width: 1440, height: 900 },
] as const;

async function expectNoSidewaysScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => {
    const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > document.documentElement.clientWidth + 1 && !el.closest('.react-flow__viewport, .react-flow__minimap');
    });
    return {
      scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      main: (() => {
        const m = document.querySelector('main');
        return m ? m.scrollWidth - m.clientWidth : 0;
      })(),
      examples: wide.slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
    };
  });
  expect(overflow, `${what}: nothing may scroll sideways`).toMatchObject({ scroll: 0, main: 0 });
}

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

for (const size of SIZES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const locale of ['en', 'zh-CN'] as const) {
      const tag = `${size.name}-${colorScheme}-${locale}`;
      test.describe(tag, () => {
        test.use({ viewport: { width: size.width, height: size.height }, colorScheme, locale });

        test('list and task page fit the screen', async ({ page }) => {
          test.setTimeout(120_000);
          await page.goto('/');
          await expect(page.getByRole('table').or(page.getByRole('list', { name: /task/i })).first()).toBeVisible();
          await page.waitForTimeout(500);
          await expectNoSidewaysScroll(page, `${tag} list`);
          await shoot(page, `${tag}-list`);

          await openTask(page, TASK.failedFanout);
          await expect(page.locator('.react-flow__node').first()).toBeVisible();
          await expectNoSidewaysScroll(page, `${tag} task`);
          // The graph starts in the first screen, with room to read it.
          const graph = page.locator('.react-flow').first();
          const box = (await graph.boundingBox())!;
          expect(box.y, `${tag}: graph top`).toBeLessThan(size.height * 0.6);
          await shoot(page, `${tag}-task`);

          await graphNode(page, (await page.locator('.react-flow__node:has([data-status="FAILED"])').first().getAttribute('data-id'))!).click();
          await expect(page.locator('aside, [role="dialog"]').first()).toBeVisible();
          await expectNoSidewaysScroll(page, `${tag} panel`);
          await shoot(page, `${tag}-panel`);
        });
      });
    }
  }
}
