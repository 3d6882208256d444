// @vitest-environment node
/**
 * The proxy against a real HTTPS "OCP" with a self-signed certificate: refused by default, accepted
 * with OCP_INSECURE_TLS=1, and the server (not the browser) adds the credentials either way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthHeader, ocpProxyConfig, readOcpTarget } from './ocpProxy';

let upstream: Server;
let upstreamUrl: string;
const seenAuth: (string | undefined)[] = [];
const dir = mkdtempSync(join(tmpdir(), 'ocp-tls-'));

beforeAll(async () => {
  // A throwaway self-signed certificate, as many OCP installs have.
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  upstream = createHttpsServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (req, res) => {
      seenAuth.push(req.headers.authorization);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { ok: true }, status: 200, successful: true }));
    },
  );
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `https://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => upstream.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function consoleServer(env: Record<string, string>): Promise<ViteDevServer> {
  const target = readOcpTarget(env);
  if (!target) throw new Error('expected a target');
  const server = await createServer({
    configFile: false,
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1', proxy: ocpProxyConfig(target), ws: false },
  });
  await server.listen();
  return server;
}

async function getThrough(server: ViteDevServer) {
  const { port } = server.httpServer!.address() as AddressInfo;
  return fetch(`http://127.0.0.1:${port}/api/v2/tasks/instances/1`, { headers: { authorization: 'Basic from-the-browser' } });
}

describe('proxy to an HTTPS OCP with a self-signed certificate', () => {
  it('refuses it unless OCP_INSECURE_TLS=1', async () => {
    const server = await consoleServer({ OCP_URL: upstreamUrl, OCP_USERNAME: 'admin', OCP_PASSWORD: 'pw' });
    try {
      const res = await getThrough(server);
      expect(res.ok).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('accepts it with OCP_INSECURE_TLS=1 and sends the server-side credentials, not the browser’s', async () => {
    seenAuth.length = 0;
    const server = await consoleServer({ OCP_URL: upstreamUrl, OCP_USERNAME: 'admin', OCP_PASSWORD: 'pw', OCP_INSECURE_TLS: '1' });
    try {
      const res = await getThrough(server);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ data: { ok: true } });
      expect(seenAuth).toEqual([basicAuthHeader('admin', 'pw')]);
    } finally {
      await server.close();
    }
  });
});
