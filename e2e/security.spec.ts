import { createServer, type Server } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { snap, TASK } from './support/fixtures';
import { ATTACKER_PORT, E2E_PORT, PROXY_CONSOLE_PORT, UPSTREAM_SIM_PORT } from './support/ports';
import { rawRequest } from './support/rawHttp';

const UPSTREAM = `http://127.0.0.1:${UPSTREAM_SIM_PORT}`;
const T = '/api/v2/tasks/instances';

/** The consoles under attack: `npm run serve` on the built-in simulator, and `npm start` proxying to the upstream "OCP". */
const TARGETS = [
  { name: 'serve (simulator mode)', port: E2E_PORT, controls: `http://127.0.0.1:${E2E_PORT}` },
  { name: 'dev server (proxy mode)', port: PROXY_CONSOLE_PORT, controls: UPSTREAM },
];

/** A page on another origin (another port: same site, different origin) that attacks the console. */
function attackerPages(consoleOrigin: string): Record<string, string> {
  const rollback = `${consoleOrigin}${T}/${TASK.failedFanout}/rollback`;
  const report = (what: string) =>
    `.then((r) => { document.title = '${what}: ' + r.type + ' ' + r.status; }, (e) => { document.title = '${what}: blocked ' + e.name; })`;
  return {
    '/form': `<form method="POST" action="${rollback}"><input name="x" value="1"></form><script>document.forms[0].submit()</script>`,
    '/no-cors': `<script>fetch('${rollback}', { method: 'POST', mode: 'no-cors', credentials: 'include' })${report('no-cors')}</script>`,
    '/json': `<script>fetch('${rollback}', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json', 'X-OCP-Console': '1' }, body: '{}' })${report('json')}</script>`,
    '/read': `<script>fetch('${consoleOrigin}${T}/${TASK.failedFanout}', { credentials: 'include' }).then((r) => r.text())${report('read')}</script>`,
    '/frame': `<iframe src="${consoleOrigin}/tasks/${TASK.failedFanout}" width="800" height="400"></iframe>`,
  };
}

let attacker: Server;
let pages: Record<string, string> = {};
test.beforeAll(async () => {
  attacker = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html><head><title>attacker</title></head><body>${pages[req.url ?? ''] ?? ''}</body></html>`);
  });
  await new Promise<void>((done) => attacker.listen(ATTACKER_PORT, '127.0.0.1', done));
});
test.afterAll(() => new Promise<void>((done) => attacker.close(() => done())));

async function upstreamStats(request: import('@playwright/test').APIRequestContext, controls: string) {
  return (await (await request.get(`${controls}/__simulator/stats`)).json()) as {
    apiRequests: number;
    rollbackRequests: Record<string, number>;
  };
}

for (const target of TARGETS) {
  test.describe(target.name, () => {
    const origin = `http://127.0.0.1:${target.port}`;
    test.beforeEach(async ({ request }) => {
      pages = attackerPages(origin);
      const headers = { Origin: new URL(target.controls).origin, 'X-OCP-Console': '1' };
      expect((await request.post(`${target.controls}/__simulator/reset`, { data: {}, headers })).ok()).toBe(true);
    });

    test('a page on another origin cannot roll back: form, no-cors and JSON POSTs never reach OCP', async ({ page, request }) => {
      await page.goto(`http://127.0.0.1:${ATTACKER_PORT}/form`);
      await page.waitForURL(`${origin}${T}/${TASK.failedFanout}/rollback`);
      await expect(page.locator('body')).toContainText('only the console itself');
      await snap(page, 'attack-form-refused');
      for (const kind of ['no-cors', 'json', 'read']) {
        await page.goto(`http://127.0.0.1:${ATTACKER_PORT}/${kind}`);
        await expect(page).toHaveTitle(new RegExp(`^${kind}: `));
        // no-cors gets an opaque reply (it cannot tell it was refused); the others cannot even send.
        if (kind !== 'no-cors') await expect(page).toHaveTitle(`${kind}: blocked TypeError`);
      }
      const stats = await upstreamStats(request, target.controls);
      expect(stats.rollbackRequests).toEqual({});
      expect(stats.apiRequests).toBe(0);
    });

    test('another site cannot frame the console', async ({ page }) => {
      await page.goto(`http://127.0.0.1:${ATTACKER_PORT}/frame`);
      const frame = page.frameLocator('iframe');
      await page.waitForTimeout(1500);
      await expect(frame.getByRole('button', { name: /Rollback/ })).toHaveCount(0);
    });

    test('paths and methods outside the task API are refused and never reach OCP', async ({ request }) => {
      const attempts: [string, string][] = [
        ['GET', '/api/v2/users'],
        ['POST', '/api/v2/ob/clusters/1/stop'],
        ['PUT', `${T}/${TASK.failedFanout}/rollback`],
        ['DELETE', `${T}/${TASK.failedFanout}`],
        ['GET', '/apifoo/bar'],
        ['GET', '/api/v2/tasks/../users'],
        ['GET', '/api/v2/tasks/%2e%2e/users'],
        ['GET', '/api/v2/tasks/instances%2f1001'],
        ['GET', '/api/v2/tasks//instances/1001'],
        ['GET', '/api/v2/tasks/instances/1001/../../../users'],
      ];
      const headers = { Origin: origin, 'X-OCP-Console': '1' };
      for (const [method, path] of attempts) {
        const res = await rawRequest(target.port, method, path, headers);
        expect(res.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
      }
      expect((await upstreamStats(request, target.controls)).apiRequests).toBe(0);
    });
  });
}

test.describe('serve: responses', () => {
  test('security headers on the page, no-store on index.html and /api, immutable hashed assets, no source maps', async ({ page }) => {
    const html = await rawRequest(E2E_PORT, 'GET', '/tasks/1001');
    expect(html.status).toBe(200);
    const csp = String(html.headers['content-security-policy']);
    for (const part of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "connect-src 'self'"])
      expect(csp).toContain(part);
    expect(csp).not.toContain('unsafe-eval');
    expect(html.headers['x-content-type-options']).toBe('nosniff');
    expect(html.headers['referrer-policy']).toBe('no-referrer');
    expect(html.headers['cache-control']).toBe('no-store');
    expect(html.body.toString()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script

    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(html.body.toString())?.[1];
    expect(script).toBeTruthy();
    const asset = await rawRequest(E2E_PORT, 'GET', script!);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body.toString()).not.toContain('sourceMappingURL');
    expect((await rawRequest(E2E_PORT, 'GET', `${script}.map`)).status).toBe(404);

    const api = await rawRequest(E2E_PORT, 'GET', `${T}/${TASK.sample}`);
    expect(api.headers['cache-control']).toBe('no-store');

    // The real page runs under that policy without a violation.
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`/tasks/${TASK.failedFanout}`);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('the 5,000-subtask reply is compressed with brotli or gzip', async () => {
    const path = `${T}/${TASK.scale5000Failed}`;
    const plain = await rawRequest(E2E_PORT, 'GET', path);
    const br = await rawRequest(E2E_PORT, 'GET', path, { 'accept-encoding': 'br' });
    const gz = await rawRequest(E2E_PORT, 'GET', path, { 'accept-encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const subtasks = (body: Buffer) => (JSON.parse(body.toString()) as { data: { subtasks: unknown[] } }).data.subtasks;
    expect(subtasks(brotliDecompressSync(br.body))).toHaveLength(5000);
    expect(subtasks(gunzipSync(gz.body))).toHaveLength(5000);
    console.log(`5,000-subtask reply on the wire: identity ${plain.body.length} B, br ${br.body.length} B, gzip ${gz.body.length} B`);
    expect(br.body.length).toBeLessThan(plain.body.length / 8);
    expect(gz.body.length).toBeLessThan(plain.body.length / 8);
  });

  test('an unknown Host is refused (DNS rebinding)', async () => {
    const res = await rawRequest(E2E_PORT, 'GET', `${T}/${TASK.sample}`, { Host: 'attacker.example' });
    expect(res.status).toBe(403);
  });
});
