import { expect, snap, TASK, test } from './support/fixtures';

const left = (el: Element) => parseFloat((el as HTMLElement).style.left);
const width = (el: Element) => parseFloat((el as HTMLElement).style.width);

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(locale, () => {
    test.use({ locale });

    test('a running task’s timeline is live: the running bar grows and the now line moves', async ({ page }) => {
      await page.goto(`/tasks/${TASK.running}?view=timeline`);
      const timeline = page.getByTestId('timeline');
      const bar = timeline.locator('[data-status="RUNNING"]').first();
      await expect(bar).toBeVisible();
      const now = page.getByTestId('timeline-now');
      await expect(now).toBeAttached();
      const [line0, bar0] = [await now.evaluate(left), await bar.evaluate(width)];
      // A tick (1 s) moves the line right, or the axis grows and moves it left: either way it moves.
      await expect.poll(() => now.evaluate(left), { timeout: 5_000 }).not.toBe(line0);
      await expect.poll(() => bar.evaluate(width), { timeout: 5_000 }).not.toBe(bar0);
      // A finished bar ends left of the present.
      const done = timeline.locator('[data-status="SUCCESSFUL"]').first();
      if (await done.count()) {
        const [doneBox, lineBox] = [await done.boundingBox(), await now.boundingBox()];
        expect(doneBox!.x + doneBox!.width).toBeLessThanOrEqual(lineBox!.x + 1);
      }
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await snap(page, `timeline-running-${locale}-${colorScheme}`);
      }
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(bar).toBeAttached();
      // On a phone the name column narrows and the axis thins its ticks: no tick label runs into the next.
      const ticks = await timeline.evaluate((el) =>
        [...el.querySelectorAll(':scope > [aria-hidden] > span')].map((t) => {
          const r = t.getBoundingClientRect();
          return { left: r.left, right: r.right };
        }),
      );
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < ticks.length; i++) expect(ticks[i]!.left).toBeGreaterThanOrEqual(ticks[i - 1]!.right);
      await snap(page, `timeline-running-${locale}-phone`);
    });
  });
}
