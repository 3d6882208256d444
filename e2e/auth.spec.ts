import { expect, test, type Page } from '@playwright/test';
import { snap, TASK } from './support/fixtures';
import { SIGN_IN_PORT_A, SIGN_IN_PORT_B, UPSTREAM_SIM_PORT } from './support/ports';

/** `npm run serve` with per-user sign-in against the upstream simulator (SIM_AUTH=1); B shares A's secret. */
const A = `http://127.0.0.1:${SIGN_IN_PORT_A}`;
const B = `http://127.0.0.1:${SIGN_IN_PORT_B}`;
const UPSTREAM = `http://127.0.0.1:${UPSTREAM_SIM_PORT}`;

test.beforeEach(async ({ request }) => {
  // The upstream is a stand-in OCP; its test controls are reached directly, not through the console.
  const res = await request.post(`${UPSTREAM}/__simulator/reset`, { data: {} });
  expect(res.ok()).toBe(true);
});

async function signIn(page: Page, username: string, password: string) {
  await page.getByRole('textbox', { name: 'Username' }).fill(username);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an unsigned visitor is sent to the sign-in page, and comes back to the task after signing in', async ({ page }) => {
  await page.goto(`${A}/tasks/${TASK.failedFanout}`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ftasks%2F1001/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await snap(page, 'sign-in');
  await signIn(page, 'admin', 'admin');
  await expect(page).toHaveURL(`${A}/tasks/${TASK.failedFanout}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Add zone');
  await expect(page.getByRole('banner').getByText('Signed in as admin')).toBeVisible();
  await snap(page, 'signed-in');
  // The cookie is the server's sealed session: HttpOnly, SameSite=Strict, nothing readable in it.
  const cookies = await page.context().cookies(A);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(cookies[0]?.value).not.toContain('admin');
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain('admin');
});

test('a wrong password is refused with a clear message and no session', async ({ page }) => {
  await page.goto(`${A}/sign-in`);
  await signIn(page, 'admin', 'wrong');
  await expect(page.getByRole('alert')).toContainText('OCP refused this username and password');
  await snap(page, 'sign-in-refused');
  expect(await page.context().cookies(A)).toEqual([]);
  await page.goto(`${A}/`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('sign out ends the session: the next request asks for a sign-in again', async ({ page }) => {
  await page.goto(`${A}/sign-in`);
  await signIn(page, 'admin', 'admin');
  await expect(page.getByRole('banner').getByText('Signed in as admin')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${A}/sign-in`);
  expect(await page.context().cookies(A)).toEqual([]);
  await page.goto(`${A}/tasks/${TASK.sample}`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a read-only user acts with their own permissions: OCP refuses the rollback (403) and the console says so', async ({
  page,
  request,
}) => {
  await page.goto(`${A}/tasks/${TASK.failedFanout}`);
  await signIn(page, 'viewer', 'viewer');
  await expect(page.getByRole('banner').getByText('Signed in as viewer')).toBeVisible();
  await page.getByRole('button', { name: /Rollback/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Roll back \d+ subtasks/ })
    .click();
  const alert = page.getByRole('alert').filter({ hasText: /not authorized/i });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('30014');
  await expect(page.getByRole('region', { name: 'Task summary' }).getByText('Failed', { exact: true })).toBeVisible();
  await snap(page, 'rollback-403');
  const stats = (await (await request.get(`${UPSTREAM}/__simulator/stats`)).json()) as { rollbackRequests: Record<string, number> };
  expect(stats.rollbackRequests[TASK.failedFanout]).toBe(1);
});

test('two instances with the same secret share a session (stateless, behind a load balancer)', async ({ page, browser }) => {
  await page.goto(`${A}/sign-in`);
  await signIn(page, 'admin', 'admin');
  await expect(page.getByRole('banner').getByText('Signed in as admin')).toBeVisible();
  const [cookie] = await page.context().cookies(A);
  // The same cookie, presented to the other instance (a load balancer would send it there).
  const other = await browser.newContext();
  await other.addCookies([{ ...cookie!, domain: '127.0.0.1', path: '/' }]);
  const second = await other.newPage();
  await second.goto(`${B}/tasks/${TASK.sample}`);
  await expect(second.getByRole('heading', { level: 1 })).toHaveText('Reinstall OCP agent');
  await expect(second.getByRole('banner').getByText('Signed in as admin')).toBeVisible();
  await other.close();
});
