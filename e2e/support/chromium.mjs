// Plain JavaScript so both playwright.config.ts and the benchmark (bench/, plain Node) can import it.
import { existsSync } from 'node:fs';

/** Debian's Chromium where present (Playwright cannot download browsers here); Playwright's own elsewhere. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Launch options for headless Chromium on this kind of machine. Without the background-networking
 * flags, Chromium's calls home are refused by the closed network, many at a time, and runs get noisy and slow.
 */
export function chromiumLaunchOptions() {
  return {
    executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  };
}
