import { expect, openTask, TASK, test } from './support/fixtures';

test.describe('with a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('the console opens in Chinese, tells OCP so, and a switch to English is remembered', async ({ page }) => {
    const languages: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v2/tasks/')) languages.push(r.headers()['accept-language'] ?? '');
    });
    await openTask(page, TASK.failedFanout);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const language = page.getByRole('combobox', { name: '语言' });
    await expect(language).toHaveValue('zh-CN');
    await expect(page.getByRole('search', { name: '按任务 ID 打开任务' })).toBeVisible();
    await expect(page).toHaveTitle(/^任务 1001 · /);
    expect(languages.length).toBeGreaterThan(0);
    expect(languages.every((l) => l === 'zh-CN')).toBe(true);

    const failedNode = page.locator('.react-flow__node [data-status="FAILED"]').first();
    await expect(failedNode).toContainText('失败');
    await expect(failedNode).toContainText('首个失败');
    const failedWrapper = page
      .locator('.react-flow__node')
      .filter({ has: page.locator('[data-status="FAILED"]') })
      .first();
    await expect(failedWrapper).toHaveAttribute('aria-label', /失败/);

    await language.selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('search', { name: 'Open task by id' })).toBeVisible();
    // The nodes re-word at once, without a reload.
    await expect(failedNode).toContainText('Failed');
    await expect(failedNode).toContainText('First failure');
    await expect(failedWrapper).toHaveAttribute('aria-label', /— Failed$/);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    languages.length = 0;
    await page.getByRole('search', { name: 'Open task by id' }).getByRole('textbox').fill(TASK.sample);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reinstall OCP agent');
    expect(languages.at(-1)).toBe('en');
  });
});

test('an English browser gets English', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
});
