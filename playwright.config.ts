import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium.mjs';
import { E2E_PORT, PROXY_CONSOLE_PORT, SENTINEL_PASSWORD, UPSTREAM_SIM_PORT } from './e2e/support/ports';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // One worker: tests share the simulator's state and reset it; the machine has 2 cores.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
      // The built app on the built-in simulator, as `npm run build` + `npm run preview` ship it.
      command: `npx vite build --logLevel warn && npx vite preview --port ${E2E_PORT} --host 127.0.0.1`,
      url: `http://127.0.0.1:${E2E_PORT}/`,
      env: { OCP_USERNAME: 'e2e-user', OCP_PASSWORD: SENTINEL_PASSWORD, PORT: String(E2E_PORT) },
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
    },
    {
      // A stand-in for a real OCP: the standalone simulator with Basic auth required.
      command: 'npx tsx server/simulator/cli.ts',
      url: `http://127.0.0.1:${UPSTREAM_SIM_PORT}/__simulator/scenarios`,
      env: { SIM_PORT: String(UPSTREAM_SIM_PORT), HOST: '127.0.0.1', SIM_AUTH: '1' },
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // The console pointed at that "OCP" through the server-side proxy, credentials from the environment.
      command: `npx vite --port ${PROXY_CONSOLE_PORT} --host 127.0.0.1`,
      url: `http://127.0.0.1:${PROXY_CONSOLE_PORT}/`,
      env: {
        OCP_URL: `http://127.0.0.1:${UPSTREAM_SIM_PORT}`,
        OCP_USERNAME: 'admin',
        OCP_PASSWORD: 'admin',
        PORT: String(PROXY_CONSOLE_PORT),
      },
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
