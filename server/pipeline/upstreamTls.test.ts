/**
 * The pipeline against an HTTPS "OCP" with a self-signed certificate: refused by default (worded),
 * accepted with OCP_INSECURE_TLS=1, and the server's credentials sent, never the browser's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestConsole } from './testkit.ts';

let upstream: Server;
let url: string;
const seenAuth: (string | undefined)[] = [];
const dir = mkdtempSync(join(tmpdir(), 'ocp-tls-'));

beforeAll(async () => {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  upstream = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    seenAuth.push(req.headers.authorization);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: { ok: true }, status: 200, successful: true }));
  });
  await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
  url = `https://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((done) => upstream.close(done));
  rmSync(dir, { recursive: true, force: true });
});

describe('an HTTPS OCP with a self-signed certificate', () => {
  it('is refused unless OCP_INSECURE_TLS=1, with words that say what to set', async () => {
    const c = await startTestConsole({ OCP_URL: url, OCP_USERNAME: 'admin', OCP_PASSWORD: 'pw' });
    try {
      const res = await c.app.inject({ url: '/api/v2/tasks/instances/1' });
      expect(res.statusCode).toBe(502);
      expect(res.json<{ error: { message: string } }>().error.message).toContain('OCP_INSECURE_TLS=1');
    } finally {
      await c.close();
    }
  });

  it('is accepted with OCP_INSECURE_TLS=1, with the server-side credentials, not the browser’s', async () => {
    seenAuth.length = 0;
    const c = await startTestConsole({ OCP_URL: url, OCP_USERNAME: 'admin', OCP_PASSWORD: 'pw', OCP_INSECURE_TLS: '1' });
    try {
      const res = await c.app.inject({ url: '/api/v2/tasks/instances/1', headers: { authorization: 'Basic from-the-browser' } });
      expect(res.statusCode).toBe(200);
      expect(seenAuth).toEqual([`Basic ${Buffer.from('admin:pw').toString('base64')}`]);
    } finally {
      await c.close();
    }
  });
});
