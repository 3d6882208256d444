import type { Page } from '@playwright/test';
import enCommon from '../src/i18n/locales/en/common.json' with { type: 'json' };
import zhCommon from '../src/i18n/locales/zh-CN/common.json' with { type: 'json' };
import { expect, graphNode, openTask, TASK, test } from './support/fixtures';

/**
 * The console on a phone, a tablet and a laptop, in both languages and both themes: nothing scrolls
 * sideways, the graph starts in the first screen, the subtask panel is a bottom sheet below 62em and a
 * column beside the graph above it that leaves the graph most of the room. Screenshots of each state
 * in both themes go to test-results/screenshots/responsive-*.png, to be looked at.
 */
const SIZES = [
  { name: 'phone', width: 390, height: 844, sheet: true },
  { name: 'tablet', width: 768, height: 1024, sheet: true },
  { name: 'laptop', width: 1024, height: 768, sheet: false },
  { name: 'desktop', width: 1440, height: 900, sheet: false },
] as const;
const WORDS = { en: enCommon, 'zh-CN': zhCommon };
const FAILED_INSTALL = '2010007';

/** How far the page scrolls sideways: 0 when everything fits the width. */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function shootBothThemes(page: Page, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(150);
    await page.screenshot({ path: `test-results/screenshots/responsive-${name}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

for (const locale of ['en', 'zh-CN'] as const) {
  for (const size of SIZES) {
    test.describe(`${size.name} ${size.width}×${size.height}, ${locale}`, () => {
      test.use({ locale, viewport: { width: size.width, height: size.height } });

      test('list, task and subtask panel fit the screen', async ({ page }) => {
        const words = WORDS[locale];
        const tag = `${size.name}-${locale}`;
        await page.goto('/');
        await expect(page.getByRole('link', { name: '1001' }).first()).toBeVisible({ timeout: 30_000 });
        expect(await sidewaysOverflow(page), 'the list scrolls sideways').toBeLessThanOrEqual(0);
        await shootBothThemes(page, `list-${tag}`);

        await openTask(page, TASK.failedFanout);
        const graph = page.getByRole('region', { name: words.taskPage.graph });
        await expect(graphNode(page, FAILED_INSTALL)).toBeVisible();
        expect(await sidewaysOverflow(page), 'the task page scrolls sideways').toBeLessThanOrEqual(0);
        // The graph starts in the first screen, with room to read it.
        const box = (await graph.boundingBox())!;
        expect(box.y, 'the graph starts below the first screen').toBeLessThan(size.height * 0.6);
        expect(Math.min(box.height, size.height - box.y)).toBeGreaterThan(size.height * 0.35);
        await shootBothThemes(page, `task-${tag}`);

        await graphNode(page, FAILED_INSTALL).click();
        if (size.sheet) {
          const sheet = page.getByRole('dialog', { name: words.taskPage.details });
          await expect(sheet).toBeVisible();
          const sheetBox = (await sheet.boundingBox())!;
          expect(sheetBox.width).toBeGreaterThanOrEqual(size.width - 1);
        } else {
          const panel = page.getByRole('complementary', { name: words.taskPage.details });
          await expect(panel).toBeVisible();
          // The graph keeps most of the room beside the panel.
          const graphWidth = (await graph.boundingBox())!.width;
          const panelWidth = (await panel.boundingBox())!.width;
          expect(panelWidth).toBeGreaterThanOrEqual(300);
          expect(graphWidth).toBeGreaterThan(panelWidth * 1.6);
        }
        await expect(page.getByTestId('log-lines').first()).toBeVisible();
        expect(await sidewaysOverflow(page), 'the panel makes the page scroll sideways').toBeLessThanOrEqual(0);
        await shootBothThemes(page, `panel-${tag}`);

        // The table view, where a wide table would scroll sideways first: on the phone and the desktop.
        if (size.name === 'phone' || size.name === 'desktop') {
          await page.goto(`/tasks/${TASK.failedFanout}?view=table`);
          await expect(page.getByTestId('subtask-table').getByRole('row').nth(1)).toBeVisible();
          expect(await sidewaysOverflow(page), 'the table scrolls the page sideways').toBeLessThanOrEqual(0);
          await shootBothThemes(page, `table-${tag}`);
        }
      });
    });
  }
}
