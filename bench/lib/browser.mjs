/** Headless Chromium: Debian's when installed (the machine's own), else Playwright's download. */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const VIEWPORT = { width: 1440, height: 900 };

export async function launchBrowser() {
  const browser = await chromium.launch({
    headless: true,
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return { browser, version: browser.version() };
}
