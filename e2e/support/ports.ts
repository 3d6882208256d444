/**
 * Ports and secrets shared by playwright.config.ts and the specs. E2E_PORT_BASE moves the whole block,
 * so two checkouts can run their suites side by side on one machine.
 */
const base = Number(process.env.E2E_PORT_BASE) || 5270;
export const E2E_PORT = base + 3;
export const PROXY_CONSOLE_PORT = base + 4;
/** Two `serve` instances in sign-in mode sharing one session secret, in front of the upstream simulator. */
export const SIGN_IN_PORT_A = base + 5;
export const SIGN_IN_PORT_B = base + 6;
export const UPSTREAM_SIM_PORT = base + 11;
/** Where the attacker's page lives: another origin (another port on the same host). */
export const ATTACKER_PORT = base + 20;
export const E2E_SESSION_SECRET = 'e2e-session-secret-0123456789-abcdefghij';
/** Planted in the build's environment so a test can prove credentials never reach the bundle. */
export const SENTINEL_PASSWORD = 'e2e-sentinel-Pa55word';
/** Each Playwright worker's own console (`npm run serve`, built-in simulator): WORKER_CONSOLE_PORT + parallelIndex. */
export const WORKER_CONSOLE_PORT = base + 30;
/** Short enough that a hung "OCP" fails a test in seconds, long enough for a 5,000-subtask reply on a busy machine. */
export const REPLY_TIMEOUT_MS = '4000';
