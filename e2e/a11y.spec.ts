import type { Page } from '@playwright/test';
import enCommon from '../src/i18n/locales/en/common.json' with { type: 'json' };
import enGraph from '../src/i18n/locales/en/graph.json' with { type: 'json' };
import zhCommon from '../src/i18n/locales/zh-CN/common.json' with { type: 'json' };
import zhGraph from '../src/i18n/locales/zh-CN/graph.json' with { type: 'json' };
import enActions from '../src/i18n/locales/en/actions.json' with { type: 'json' };
import zhActions from '../src/i18n/locales/zh-CN/actions.json' with { type: 'json' };
import { axeSummary, COLOUR_RULES, expectNoAxeViolations } from './support/axe';
import { expect, graphNode, openTask, TASK, test, type Simulator } from './support/fixtures';

/**
 * The axe sweep: every page and state, in both themes and both languages, must have zero violations
 * (axe-core's WCAG 2.0–2.2 A/AA rules and its best practices). Names come from the catalogs so the
 * same walk runs in Chinese. Each state is reached once per language and checked in both themes: the
 * console follows the system's scheme until the toggle is pressed, so switching the emulated scheme
 * re-themes the same page without reloading it.
 */
const WORDS = {
  en: { common: enCommon, graph: enGraph, actions: enActions },
  'zh-CN': { common: zhCommon, graph: zhGraph, actions: zhActions },
};

/** An action's opening button, by its catalog label ("Retry…", "重试…"). */
const startsWith = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

type Lang = keyof typeof WORDS;

async function settle(page: Page) {
  // Mantine's transitions and React Flow's fit animation run ~200 ms; axe must see the final state.
  await page.waitForTimeout(400);
}

/** The page as it is, in the light and the dark theme. */
async function checkBothThemes(page: Page, state: string, lang: Lang) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(100);
    // Every rule in the light theme; in the dark one, only what colours decide (same DOM, names, roles).
    await expectNoAxeViolations(page, `${state} (${colorScheme}, ${lang})`, colorScheme === 'dark' ? COLOUR_RULES : undefined);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openDialog(page: Page, opener: ReturnType<Page['locator']>, state: string, lang: Lang) {
  await opener.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await settle(page);
  await checkBothThemes(page, state, lang);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
}

async function sweepTask(page: Page, lang: Lang) {
  const w = WORDS[lang];
  await openTask(page, TASK.failedFanout);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await settle(page);
  await checkBothThemes(page, 'task 1001', lang);

  await page.getByRole('button', { name: w.graph.fitView }).click();
  await settle(page);
  await checkBothThemes(page, 'task 1001 zoomed out', lang);

  await page.getByRole('button', { name: w.graph.locate }).click();
  const failed = page.locator('.react-flow__node:has([data-status="FAILED"])').first();
  await failed.click();
  const panel = page.getByRole('complementary', { name: w.common.taskPage.details });
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('log-lines').first()).toBeVisible();
  await settle(page);
  await checkBothThemes(page, 'task 1001 with the panel and the log open', lang);

  // Every confirmation: the task's Rollback and Retry, the subtask's Retry and "Set to successful".
  const summary = page.getByRole('region', { name: w.common.taskPage.summary });
  await openDialog(page, summary.getByRole('button', { name: startsWith(w.actions.rollback.button) }), 'rollback dialog', lang);
  await openDialog(page, summary.getByRole('button', { name: startsWith(w.actions.retryTask.button) }), 'task retry dialog', lang);
  await openDialog(page, panel.getByRole('button', { name: startsWith(w.actions.retrySubtask.button) }), 'subtask retry dialog', lang);
  await openDialog(page, panel.getByRole('button', { name: startsWith(w.actions.skipSubtask.button) }), 'skip dialog', lang);
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
}

async function sweepViews(page: Page, lang: Lang) {
  // The help sheet, the timeline and the table.
  await openTask(page, TASK.failedFanout);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await settle(page);
  await checkBothThemes(page, 'keyboard shortcuts sheet', lang);
  await page.keyboard.press('Escape');

  await page.goto(`/tasks/${TASK.failedFanout}?view=timeline`);
  await expect(page.getByTestId('timeline')).toBeVisible();
  await settle(page);
  await checkBothThemes(page, 'task 1001 timeline', lang);

  await page.goto(`/tasks/${TASK.failedFanout}?view=table&status=FAILED`);
  await expect(page.getByTestId('subtask-table')).toBeVisible();
  await settle(page);
  await checkBothThemes(page, 'task 1001 table, failed only', lang);
}

async function sweepOthers(page: Page, sim: Simulator, lang: Lang) {
  const w = WORDS[lang];
  await page.goto('/');
  await expect(page.getByRole('table').getByRole('link').first()).toBeVisible({ timeout: 30_000 });
  await settle(page);
  await checkBothThemes(page, 'task list', lang);

  // Task 1006 starts with running subtasks; ten-minute ticks keep them running while this is checked.
  await sim.reset({ tickMs: 600_000 });
  const reply = (await (await page.request.get(`/api/v2/tasks/instances/${TASK.canceling}`)).json()) as {
    data: { subtasks: { id: number; status: string }[] };
  };
  const running = reply.data.subtasks.find((s) => s.status === 'RUNNING');
  expect(running, 'a running subtask in task 1006').toBeDefined();
  await page.goto(`/tasks/${TASK.canceling}?subtask=${running!.id}`);
  const panel = page.getByRole('complementary', { name: w.common.taskPage.details });
  await openDialog(page, panel.getByRole('button', { name: startsWith(w.actions.stopSubtask.button) }), 'stop dialog', lang);
  await settle(page);
  await checkBothThemes(page, 'running task 1006 with a running subtask open', lang);

  await openTask(page, TASK.prohibited);
  await settle(page);
  await checkBothThemes(page, 'rollback-prohibited task 1002', lang);

  await openTask(page, TASK.scale5000Failed);
  await page.getByRole('button', { name: w.graph.fitView }).click();
  await expect(page.getByTestId('graph-overview')).toBeVisible();
  await settle(page);
  await checkBothThemes(page, '5,000-subtask overview', lang);

  await page.goto('/tasks/abc');
  await expect(page.getByRole('alert')).toBeVisible();
  await checkBothThemes(page, 'invalid task id', lang);

  await page.goto('/tasks/424242');
  await expect(page.getByRole('alert')).toBeVisible();
  await checkBothThemes(page, 'unknown task', lang);

  await page.goto('/no/such/page');
  await expect(page.getByRole('alert')).toBeVisible();
  await checkBothThemes(page, 'unknown page', lang);

  await sim.fault(`/api/v2/tasks/instances/${TASK.sample}`, 503, 4);
  await page.goto(`/tasks/${TASK.sample}`);
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 20_000 });
  await checkBothThemes(page, 'server error', lang);

  await page.goto('/');
  await page.getByRole('textbox', { name: w.common.openTask.label }).fill('abc');
  await page.keyboard.press('Enter');
  await expect(page.getByText(w.common.taskId.notWhole)).toBeVisible();
  await checkBothThemes(page, 'open-task field with an error', lang);
}

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(locale, () => {
    test.use({ locale });
    test.setTimeout(420_000);

    test('the task page in every state and dialog, both themes, has no axe violations', async ({ page }) => {
      await sweepTask(page, locale);
    });

    test('the shortcut sheet, the timeline and the table, both themes, have no axe violations', async ({ page }) => {
      await sweepViews(page, locale);
    });

    test('the list, large and running tasks, the stop dialog and every error, both themes, have no axe violations', async ({
      page,
      sim,
    }) => {
      await sweepOthers(page, sim, locale);
    });
  });
}

test('a subtask node shows a visible focus ring', async ({ page }) => {
  await openTask(page, TASK.sample);
  const node = graphNode(page, '13000333');
  await node.focus();
  const outline = await node.locator('[data-status]').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});

test('the axe check finds what it is there to find: a nameless button, and grey on white in both rule sets', async ({ page }) => {
  // Guards the sweep above against passing vacuously (a builder option or mode that checks nothing).
  await page.setContent(
    '<!doctype html><html lang="en"><title>t</title><main><h1>t</h1><button></button><p style="color:#ccc;background:#fff">faint</p></main></html>',
  );
  const all = await axeSummary(page);
  expect(all.lines.map((l) => l.split(' ')[0]).sort()).toEqual(['button-name', 'color-contrast']);
  const colours = await axeSummary(page, COLOUR_RULES);
  expect(colours.lines.map((l) => l.split(' ')[0])).toEqual(['color-contrast']);
});
