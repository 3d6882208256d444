import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PROXY_CONSOLE_PORT, SENTINEL_PASSWORD } from './support/ports';

const CONSOLE = `http://127.0.0.1:${PROXY_CONSOLE_PORT}`;

test('through OCP_URL, the server adds credentials; the browser never sees them', async ({ page }) => {
  // The dev server compiles the page's modules on first use, beside another worker's browser.
  test.setTimeout(150_000);
  const authHeaders: string[] = [];
  const bodies: string[] = [];
  page.on('request', (r) => {
    const auth = r.headers()['authorization'];
    if (auth) authHeaders.push(`${r.url()}: ${auth}`);
  });
  page.on('response', async (r) => {
    if (/\.(js|html)$|\/$/.test(new URL(r.url()).pathname)) bodies.push(await r.text().catch(() => ''));
  });
  // The upstream "OCP" requires Basic auth: the task only loads if the proxy added it.
  await page.goto(`${CONSOLE}/tasks/1001`);
  // The dev server compiles the graph chunk on first use: allow it time on a slow machine.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.react-flow__node').first()).toBeVisible({ timeout: 60_000 });
  expect(authHeaders).toEqual([]);
  const adminBasic = Buffer.from('admin:admin').toString('base64');
  for (const body of bodies) expect(body).not.toContain(adminBasic);
});

test('the production bundle carries no credentials from the build environment', () => {
  // playwright.config.ts builds with OCP_PASSWORD set to the sentinel.
  const files = listFiles('dist');
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expect(readFileSync(file, 'utf8'), file).not.toContain(SENTINEL_PASSWORD);
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}
