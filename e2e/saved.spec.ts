import { readFile } from 'node:fs/promises';
import type { JSHandle, Page } from '@playwright/test';
import { expect, graphNode, snap, statusOf, subtaskNodes, TASK, test } from './support/fixtures';

const instancePath = (id: string) => `/api/v2/tasks/instances/${id}`;

/** What OCP (here the simulator, through the console's server) answers for a task: the file an operator saves. */
async function taskReply(page: Page, id: string): Promise<string> {
  const res = await page.request.get(instancePath(id));
  expect(res.ok()).toBe(true);
  return res.text();
}

/** A DataTransfer holding one file, as the browser builds it when a file is dragged in from the desktop. */
function filesTransfer(page: Page, files: { name: string; text: string }[]): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files);
}

async function dropFiles(page: Page, files: { name: string; text: string }[]) {
  const dataTransfer = await filesTransfer(page, files);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await expect(page.getByTestId('task-file-drop')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByTestId('task-file-drop')).toBeHidden();
}

/**
 * Picks a file with the top bar's "Open a saved task file" (a hidden file input behind the button); the
 * empty /saved page has a button of the same name, so the top bar's is named by its landmark.
 */
async function pickFile(page: Page, name: string, text: string) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page
      .getByRole('banner')
      .getByRole('button', { name: /Open a saved task file|打开已保存的任务文件/ })
      .click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** The task's name and its failed subtask, read from its reply. */
function readReply(reply: string): { name: string; failedId: string } {
  const task = (JSON.parse(reply) as { data: { name: string; subtasks: { id: number; status: string }[] } }).data;
  const failed = task.subtasks.find((s) => s.status === 'FAILED');
  if (!failed) throw new Error('the scenario has no failed subtask');
  return { name: task.name, failedId: String(failed.id) };
}

test('a dropped task file opens read-only: graph, failure and panel, no actions, no log, nothing sent to OCP', async ({ page }) => {
  const reply = await taskReply(page, TASK.failedFanout);
  const { name, failedId } = readReply(reply);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await dropFiles(page, [{ name: `task_${TASK.failedFanout}.json`, text: reply }]);
  await expect(page).toHaveURL(/\/saved$/);
  // From here on, nothing about the saved task may reach OCP. The list page that was open before the
  // drop may still send its last refresh as it goes (seen once, on a loaded machine): that one is the
  // list's own, not the file's, so it is the only request let through.
  const apiCalls: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    const listRefresh = r.method() === 'GET' && path === '/api/v2/tasks/instances';
    if (path.startsWith('/api/') && !listRefresh) apiCalls.push(`${r.method()} ${path}`);
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByTestId('saved-notice')).toContainText(`task_${TASK.failedFanout}.json`);
  await expect(page.getByText('Saved file · read-only')).toBeVisible();
  await expect(statusOf(page, failedId)).toHaveAttribute('data-status', 'FAILED');
  await expect(page.getByRole('button', { name: /^Roll back/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Retry/ })).toHaveCount(0);
  await snap(page, 'saved-task-en-light');

  await graphNode(page, failedId).click();
  const panel = page.getByRole('complementary', { name: 'Subtask details' });
  await expect(panel.getByTestId('saved-no-log')).toBeVisible();
  await expect(panel.getByRole('button', { name: /Retry|Skip|Stop|Set to successful/ })).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/saved\\?subtask=${failedId}(&|$)`));
  await snap(page, 'saved-task-panel-en-light');

  // The table and the timeline read the file too.
  await page
    .locator('label')
    .filter({ hasText: /^Table$/ })
    .click();
  await expect(page.getByRole('table')).toContainText(failedId);
  expect(apiCalls, 'a saved task never talks to OCP').toEqual([]);

  // A reload forgets the file (it never reaches the browser's storage) and says how to open it again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Open a saved task' })).toBeVisible();
  await expect(page.getByText('after a reload, open the file again')).toBeVisible();
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain('Install OBServer');
  await snap(page, 'saved-empty-en-light');
});

test('a picked file exports back byte for byte; a second file replaces the first', async ({ page }) => {
  const reply = await taskReply(page, TASK.failedFanout);
  await page.goto('/saved');
  await pickFile(page, 'incident-4711.json', reply);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(readReply(reply).name);
  await expect(subtaskNodes(page).first()).toBeVisible();

  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Task as JSON/ }).click()]);
  const path = `test-results/exports/saved-${download.suggestedFilename()}`;
  await download.saveAs(path);
  expect((await readFile(path)).toString('utf8')).toBe(reply);

  // Only the task object (the reply's `data`), another task: it replaces the first on the same page.
  const other = JSON.stringify((JSON.parse(await taskReply(page, TASK.sample)) as { data: unknown }).data);
  await pickFile(page, 'sample.json', other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reinstall OCP agent');
  await expect(subtaskNodes(page)).toHaveCount(4);
});

test('a wrong file says which file and what is wrong, and leaves the page as it was', async ({ page }) => {
  const reply = await taskReply(page, TASK.failedFanout);
  await page.goto(`/tasks/${TASK.sample}`);
  await expect(subtaskNodes(page)).toHaveCount(4);

  await dropFiles(page, [{ name: 'notes.txt', text: 'status: FAILED\n' }]);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not open notes.txt' });
  await expect(alert).toContainText('The file is not JSON');
  await snap(page, 'saved-error-not-json-en-light');
  await alert.getByRole('button').click();

  // A reply whose subtask has a status OCP never sends: the field is named.
  const edited = JSON.parse(reply) as { data: { subtasks: { status: string }[] } };
  (edited.data.subtasks[2] as { status: string }).status = 'BROKEN';
  const broken = JSON.stringify(edited);
  await dropFiles(page, [{ name: 'edited.json', text: broken }]);
  await expect(page.getByRole('alert').filter({ hasText: 'Could not open edited.json' })).toContainText(
    /does not match OCP's task format at data\.subtasks\.\d+\.status: expected one of PENDING, READY/,
  );
  await expect(page).toHaveURL(new RegExp(`/tasks/${TASK.sample}$`));
  await expect(subtaskNodes(page)).toHaveCount(4);
});

test('in Chinese and dark on a phone: the read-only page and the drop target read well', async ({ page }) => {
  const reply = await taskReply(page, TASK.failedFanout);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(() => localStorage.setItem('ocp-console.language', 'zh-CN'));
  await page.goto('/saved');
  await expect(page.getByRole('heading', { level: 1, name: '打开已保存的任务' })).toBeVisible();
  await snap(page, 'saved-empty-zh-dark-phone');

  const dataTransfer = await filesTransfer(page, [{ name: 'task.json', text: reply }]);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByTestId('task-file-drop')).toContainText('松开鼠标以打开任务文件');
  await snap(page, 'saved-drop-zh-dark-phone');
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByText('已保存的文件 · 只读')).toBeVisible();
  await expect(subtaskNodes(page).first()).toBeVisible();
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways).toBeLessThanOrEqual(0);
  await snap(page, 'saved-task-zh-dark-phone');
});
