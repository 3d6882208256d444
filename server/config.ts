import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who acts towards OCP. */
export type AuthMode =
  /** Simulator without SIM_AUTH: no credentials at all. */
  | { kind: 'none' }
  /** OCP_USERNAME + OCP_PASSWORD: everyone who reaches the console acts as this account. */
  | { kind: 'service-account'; username: string; password: string }
  /** Each person signs in with their own OCP account; credentials live in a sealed cookie. */
  | { kind: 'sign-in' };

export interface ServerConfig {
  /** 'simulator' when OCP_URL is unset: the built-in simulator is the upstream. */
  mode: 'simulator' | 'proxy';
  /** Upstream origin plus optional path prefix, no trailing slash. Filled in for the simulator at start-up. */
  ocpUrl: string | undefined;
  insecureTls: boolean;
  auth: AuthMode;
  port: number;
  host: string;
  connectTimeoutMs: number;
  replyTimeoutMs: number;
  session: { secret: string | undefined; idleMs: number; maxMs: number };
  /** Host header values accepted (DNS rebinding); lower-case hostnames without port. */
  allowedHosts: ReadonlySet<string>;
  /** The console's public origin when set explicitly (CONSOLE_ORIGIN); else derived from each request. */
  publicOrigin: string | undefined;
  /** Trust X-Forwarded-Proto/-Host/-For from a reverse proxy (TRUST_PROXY=1, or the proxy addresses). */
  trustProxy: boolean | string;
  tls: { cert: Buffer; key: Buffer } | undefined;
  warnings: string[];
}

export type Env = Record<string, string | undefined>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Reads and checks the environment; throws an Error whose message says which variable to fix. */
export function readServerConfig(env: Env): ServerConfig {
  const warnings: string[] = [];
  const ocp = readOcpUrl(env.OCP_URL);
  const host = env.HOST?.trim() || 'localhost';
  const port = readInt(env, 'PORT', 5173, 0, 65535);
  const auth = readAuth(env, ocp !== undefined, warnings);
  if (ocp !== undefined && env.SIM_TASKS_DIR?.trim())
    warnings.push('SIM_TASKS_DIR is ignored with OCP_URL (it feeds the built-in simulator).');

  if (auth.kind === 'service-account' && !isLoopback(host)) {
    if (env.SERVICE_ACCOUNT_REMOTE !== '1') {
      throw new Error(
        `HOST=${host} with a service account (OCP_USERNAME) would let everyone who reaches the port act as ${auth.username}. ` +
          'Bind to localhost, use per-user sign-in (unset OCP_USERNAME and OCP_PASSWORD), or opt in with SERVICE_ACCOUNT_REMOTE=1.',
      );
    }
    warnings.push(`Everyone who can reach ${host}:${port} acts in OCP as "${auth.username}" (SERVICE_ACCOUNT_REMOTE=1).`);
  }

  const secret = env.CONSOLE_SESSION_SECRET || undefined;
  if (secret !== undefined && secret.length < 32) {
    throw new Error('CONSOLE_SESSION_SECRET must be at least 32 characters (e.g. `openssl rand -base64 48`).');
  }
  if (auth.kind === 'sign-in' && secret === undefined) {
    warnings.push(
      'CONSOLE_SESSION_SECRET is unset: sessions use a random key, so a restart signs everyone out and several instances cannot share sessions.',
    );
  }

  const publicOrigin = readOrigin(env.CONSOLE_ORIGIN);
  const allowedHosts = new Set([...LOOPBACK, hostname().toLowerCase()]);
  if (host !== '0.0.0.0' && host !== '::') allowedHosts.add(host.toLowerCase());
  for (const h of (env.ALLOWED_HOSTS ?? '').split(',')) if (h.trim()) allowedHosts.add(h.trim().toLowerCase());
  if (publicOrigin) allowedHosts.add(new URL(publicOrigin).hostname.toLowerCase());

  return {
    mode: ocp === undefined ? 'simulator' : 'proxy',
    ocpUrl: ocp,
    insecureTls: env.OCP_INSECURE_TLS === '1' || env.OCP_INSECURE_TLS === 'true',
    auth,
    port,
    host,
    connectTimeoutMs: readInt(env, 'OCP_CONNECT_TIMEOUT_MS', 5_000, 100, 600_000),
    replyTimeoutMs: readInt(env, 'OCP_REPLY_TIMEOUT_MS', 30_000, 100, 600_000),
    session: {
      secret,
      idleMs: readInt(env, 'SESSION_IDLE_MINUTES', 30, 1, 7 * 24 * 60) * 60_000,
      maxMs: readInt(env, 'SESSION_MAX_HOURS', 12, 1, 30 * 24) * 3_600_000,
    },
    allowedHosts,
    publicOrigin,
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    tls: readTls(env),
    warnings,
  };
}

function readOcpUrl(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`OCP_URL is not a valid URL: "${value}". Expected e.g. https://ocp.example:8080`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`OCP_URL must start with http:// or https://, got "${url.protocol}"`);
  }
  if (url.username || url.password) throw new Error('OCP_URL must not embed credentials; set OCP_USERNAME and OCP_PASSWORD instead.');
  if (url.search || url.hash) throw new Error('OCP_URL must not carry a query or fragment.');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function readAuth(env: Env, hasOcp: boolean, warnings: string[]): AuthMode {
  const simAuth = env.SIM_AUTH === '1' || env.SIM_AUTH === 'true';
  if (!hasOcp) {
    if (env.OCP_USERNAME || env.OCP_PASSWORD) warnings.push('OCP_USERNAME/OCP_PASSWORD are ignored without OCP_URL (simulator mode).');
    return simAuth ? { kind: 'sign-in' } : { kind: 'none' };
  }
  if (Boolean(env.OCP_USERNAME) !== Boolean(env.OCP_PASSWORD)) throw new Error('Set both OCP_USERNAME and OCP_PASSWORD, or neither.');
  if (env.OCP_USERNAME && env.OCP_PASSWORD) return { kind: 'service-account', username: env.OCP_USERNAME, password: env.OCP_PASSWORD };
  return { kind: 'sign-in' };
}

function readOrigin(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`CONSOLE_ORIGIN is not a valid origin: "${value}". Expected e.g. https://console.example`);
  }
  if (url.origin !== value.replace(/\/$/, ''))
    throw new Error(`CONSOLE_ORIGIN must be an origin only (scheme, host, port), got "${value}".`);
  return url.origin;
}

function readTrustProxy(raw: string | undefined): boolean | string {
  const value = raw?.trim();
  if (!value || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  return value; // the proxy's addresses / CIDRs, comma-separated, as Fastify's trustProxy takes them
}

function readTls(env: Env): { cert: Buffer; key: Buffer } | undefined {
  if (!env.TLS_CERT && !env.TLS_KEY) return undefined;
  if (!env.TLS_CERT || !env.TLS_KEY) throw new Error('Set both TLS_CERT and TLS_KEY (paths to PEM files), or neither.');
  const read = (name: 'TLS_CERT' | 'TLS_KEY', path: string) => {
    try {
      return readFileSync(path);
    } catch (e) {
      throw new Error(`${name}: cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return { cert: read('TLS_CERT', env.TLS_CERT), key: read('TLS_KEY', env.TLS_KEY) };
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  return n;
}
