import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium.mjs';
import {
  E2E_PORT,
  E2E_SESSION_SECRET,
  PROXY_CONSOLE_PORT,
  SENTINEL_PASSWORD,
  SIGN_IN_PORT_A,
  SIGN_IN_PORT_B,
  UPSTREAM_SIM_PORT,
} from './e2e/support/ports';

const UPSTREAM = `http://127.0.0.1:${UPSTREAM_SIM_PORT}`;
/** Short enough that a hung "OCP" fails a test in seconds, long enough for a 5,000-subtask reply on a busy machine. */
const REPLY_TIMEOUT_MS = '4000';

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

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // One worker: tests share the simulator's state and reset it; the machine has 2 cores.
  workers: 1,
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
