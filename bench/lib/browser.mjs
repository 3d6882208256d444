/** Headless Chromium: Debian's when installed (the machine's own), else Playwright's download. */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/support/chromium.mjs';

export const VIEWPORT = { width: 1440, height: 900 };

export async function launchBrowser() {
  const browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
  return { browser, version: browser.version() };
}
