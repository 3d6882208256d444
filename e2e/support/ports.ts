/** Ports and secrets shared by playwright.config.ts and the specs. */
export const E2E_PORT = 5273;
export const PROXY_CONSOLE_PORT = 5274;
export const UPSTREAM_SIM_PORT = 5281;
/** Planted in the build's environment so a test can prove credentials never reach the bundle. */
export const SENTINEL_PASSWORD = 'e2e-sentinel-Pa55word';
