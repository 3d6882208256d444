import type { ProxyOptions } from 'vite';

export interface OcpTarget {
  url: string;
  username: string | undefined;
  password: string | undefined;
  insecureTls: boolean;
}

/** Reads `OCP_URL`, `OCP_USERNAME`, `OCP_PASSWORD`, `OCP_INSECURE_TLS`; null when no real OCP is configured. */
export function readOcpTarget(env: Record<string, string | undefined>): OcpTarget | null {
  const raw = env.OCP_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`OCP_URL is not a valid URL: "${raw}". Expected e.g. https://ocp.example:8080`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`OCP_URL must start with http:// or https://, got "${url.protocol}"`);
  }
  if (url.username || url.password) {
    throw new Error('OCP_URL must not embed credentials; set OCP_USERNAME and OCP_PASSWORD instead.');
  }
  if (Boolean(env.OCP_USERNAME) !== Boolean(env.OCP_PASSWORD)) {
    throw new Error('Set both OCP_USERNAME and OCP_PASSWORD, or neither.');
  }
  return {
    url: url.origin + url.pathname.replace(/\/+$/, ''),
    username: env.OCP_USERNAME || undefined,
    password: env.OCP_PASSWORD || undefined,
    insecureTls: env.OCP_INSECURE_TLS === '1' || env.OCP_INSECURE_TLS === 'true',
  };
}

export function basicAuthHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/**
 * Server-side proxy of `/api` to OCP. The Authorization header is added here, from the server's
 * environment, so credentials never reach the browser; any Authorization or Cookie the browser sends is dropped.
 */
export function ocpProxyConfig(target: OcpTarget): Record<string, ProxyOptions> {
  const auth = target.username && target.password ? basicAuthHeader(target.username, target.password) : undefined;
  return {
    '/api': {
      target: target.url,
      changeOrigin: true,
      secure: !target.insecureTls,
      configure(proxy) {
        proxy.on('proxyReq', (proxyReq) => {
          proxyReq.removeHeader('cookie');
          proxyReq.removeHeader('authorization');
          if (auth) proxyReq.setHeader('authorization', auth);
        });
        // OCP may answer 401 with a Basic challenge; never let the browser pop its own login dialog.
        proxy.on('proxyRes', (proxyRes) => {
          delete proxyRes.headers['www-authenticate'];
          delete proxyRes.headers['set-cookie'];
        });
      },
    },
  };
}
