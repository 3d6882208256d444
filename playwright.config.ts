import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium.mjs';
import type { WorkerOptions } from './e2e/support/fixtures';
import {
  E2E_PORT,
  E2E_SESSION_SECRET,
  PROXY_CONSOLE_PORT,
  REPLY_TIMEOUT_MS,
  SENTINEL_PASSWORD,
  SIGN_IN_PORT_A,
  SIGN_IN_PORT_B,
  UPSTREAM_SIM_PORT,
} from './e2e/support/ports';

const UPSTREAM = `http://127.0.0.1:${UPSTREAM_SIM_PORT}`;

/** `npm run serve` in front of the upstream simulator with per-user sign-in; two of these share sessions. */
const signInServer = (port: number) => ({
  command: `npx tsx server/serve.ts`,
  url: `http://127.0.0.1:${port}/healthz`,
  env: {
    OCP_URL: UPSTREAM,
    CONSOLE_SESSION_SECRET: E2E_SESSION_SECRET,
    PORT: String(port),
    HOST: '127.0.0.1',
    OCP_REPLY_TIMEOUT_MS: REPLY_TIMEOUT_MS,
    LOG_LEVEL: 'warn',
  },
  reuseExistingServer: !process.env.CI,
  timeout: 60_000,
});

/** Specs that drive the servers below rather than a worker's own console. */
const SHARED_STACK = ['auth.spec.ts', 'proxy.spec.ts', 'security.spec.ts'];

export default defineConfig<WorkerOptions>({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // Each worker has its own console and simulator, so any number can run side by side; E2E_WORKERS sets
  // how many. One by default: on this 2-core machine two gave no speedup (the axe sweep: 437 s on two
  // workers, 453 s on one; Chromium's software rendering keeps both cores busy) and more timing flakes.
  workers: Number(process.env.E2E_WORKERS) || 1,
  projects: [
    {
      // Each worker drives its own `serve` + simulator (e2e/support/workerConsole.ts).
      name: 'console',
      // Tests, not files, are spread over the workers: one file (the axe sweep) is minutes long.
      fullyParallel: true,
      testIgnore: SHARED_STACK,
      use: { ownConsole: true },
    },
    {
      // The specs of the shared stack (upstream simulator, sign-in servers, dev-server proxy, the
      // E2E_PORT console): they reset servers every worker would see, so one worker runs them all.
      name: 'shared-stack',
      testMatch: SHARED_STACK,
      workers: 1,
    },
  ],
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  // Generous: on a shared 2-core machine a cold page can take over 10 s; a passing check never waits it out.
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: [
    {
      // The built app on the built-in simulator, as `npm run build` + `npm run serve` ship it. The
      // build runs with a sentinel password in its environment: no credential may reach the bundle.
      command: `npx vite build --logLevel warn && npx tsx server/serve.ts`,
      url: `http://127.0.0.1:${E2E_PORT}/healthz`,
      env: {
        OCP_USERNAME: 'e2e-user',
        OCP_PASSWORD: SENTINEL_PASSWORD,
        PORT: String(E2E_PORT),
        HOST: '127.0.0.1',
        OCP_REPLY_TIMEOUT_MS: REPLY_TIMEOUT_MS,
        LOG_LEVEL: 'warn',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      // A stand-in for a real OCP: the standalone simulator with Basic auth required.
      command: 'npx tsx server/simulator/cli.ts',
      url: `${UPSTREAM}/__simulator/scenarios`,
      env: { SIM_PORT: String(UPSTREAM_SIM_PORT), HOST: '127.0.0.1', SIM_AUTH: '1' },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The dev server (`npm start`) pointed at that "OCP" with a service account: the same pipeline.
      command: `npx vite --port ${PROXY_CONSOLE_PORT} --host 127.0.0.1`,
      url: `http://127.0.0.1:${PROXY_CONSOLE_PORT}/`,
      env: {
        OCP_URL: UPSTREAM,
        OCP_USERNAME: 'admin',
        OCP_PASSWORD: 'admin',
        PORT: String(PROXY_CONSOLE_PORT),
        OCP_REPLY_TIMEOUT_MS: REPLY_TIMEOUT_MS,
      },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    signInServer(SIGN_IN_PORT_A),
    signInServer(SIGN_IN_PORT_B),
  ],
});
