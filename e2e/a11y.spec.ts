import type { Page } from '@playwright/test';
import enCommon from '../src/i18n/locales/en/common.json' with { type: 'json' };
import enGraph from '../src/i18n/locales/en/graph.json' with { type: 'json' };
import zhCommon from '../src/i18n/locales/zh-CN/common.json' with { type: 'json' };
import zhGraph from '../src/i18n/locales/zh-CN/graph.json' with { type: 'json' };
import { expectNoAxeViolations } from './support/axe';
import { expect, graphNode, openTask, TASK, test, type Simulator } from './support/fixtures';

/**
 * The axe sweep: every page and state, in both themes and both languages, must have zero violations
 * (axe-core's WCAG 2.0–2.2 A/AA rules and its best practices). Names come from the catalogs so the
 * same walk runs in Chinese.
 */
const WORDS = {
  en: { common: enCommon, graph: enGraph, rollback: /^Rollback/ },
  'zh-CN': { common: zhCommon, graph: zhGraph, rollback: /^(Rollback|放弃|回滚)/ },
};

type Lang = keyof typeof WORDS;

async function settle(page: Page) {
  // Mantine's transitions and React Flow's fit animation run ~200 ms; axe must see the final state.
  await page.waitForTimeout(400);
}

async function sweepTask(page: Page, lang: Lang, context: string) {
  const w = WORDS[lang];
  await openTask(page, TASK.failedFanout);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await settle(page);
  await expectNoAxeViolations(page, `task 1001 (${context})`);

  await page.getByRole('button', { name: w.graph.fitView }).click();
  await settle(page);
  await expectNoAxeViolations(page, `task 1001 zoomed out (${context})`);

  await page.getByRole('button', { name: w.graph.locate }).click();
  const failed = page.locator('.react-flow__node:has([data-status="FAILED"])').first();
  await failed.click();
  await expect(page.getByRole('complementary', { name: w.common.taskPage.details })).toBeVisible();
  await settle(page);
  await expectNoAxeViolations(page, `task 1001 with the panel open (${context})`);

  await page.getByRole('region', { name: w.common.taskPage.summary }).getByRole('button', { name: w.rollback }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await settle(page);
  await expectNoAxeViolations(page, `task 1001 rollback dialog (${context})`);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
}

async function sweepOthers(page: Page, sim: Simulator, lang: Lang, context: string) {
  const w = WORDS[lang];
  await page.goto('/');
  await expect(page.getByRole('table')).toBeVisible();
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
  await settle(page);
  await expectNoAxeViolations(page, `task list (${context})`);

  await openTask(page, TASK.running);
  await settle(page);
  await expectNoAxeViolations(page, `running task 1003 (${context})`);

  await openTask(page, TASK.prohibited);
  await settle(page);
  await expectNoAxeViolations(page, `rollback-prohibited task 1002 (${context})`);

  await openTask(page, TASK.scale5000Failed);
  await page.getByRole('button', { name: w.graph.fitView }).click();
  await expect(page.getByTestId('graph-overview')).toBeVisible();
  await settle(page);
  await expectNoAxeViolations(page, `5,000-subtask overview (${context})`);

  await page.goto('/tasks/abc');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, `invalid task id (${context})`);

  await page.goto('/tasks/424242');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, `unknown task (${context})`);

  await page.goto('/no/such/page');
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoAxeViolations(page, `unknown page (${context})`);

  await sim.fault(`/api/v2/tasks/instances/${TASK.sample}`, 503, 4);
  await page.goto(`/tasks/${TASK.sample}`);
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 20_000 });
  await expectNoAxeViolations(page, `server error (${context})`);

  await page.goto('/');
  await page.getByRole('textbox', { name: w.common.openTask.label }).fill('abc');
  await page.keyboard.press('Enter');
  await expect(page.getByText(w.common.taskId.notWhole)).toBeVisible();
  await expectNoAxeViolations(page, `open-task field with an error (${context})`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const locale of ['en', 'zh-CN'] as const) {
    test.describe(`${colorScheme}, ${locale}`, () => {
      test.use({ colorScheme, locale });
      test.setTimeout(180_000);

      test('the task page in every state has no axe violations', async ({ page }) => {
        await sweepTask(page, locale, `${colorScheme}, ${locale}`);
      });

      test('the list, large and running tasks and every error have no axe violations', async ({ page, sim }) => {
        await sweepOthers(page, sim, locale, `${colorScheme}, ${locale}`);
      });
    });
  }
}

test('a subtask node shows a visible focus ring', async ({ page }) => {
  await openTask(page, TASK.sample);
  const node = graphNode(page, '13000333');
  await node.focus();
  const outline = await node.locator('[data-status]').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});
