/** Debian's chromium driven by playwright-core (never `npx playwright install`). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './server.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

/** Chromium quiet and sandbox-free for tests; `extraArgs` are added to its command line. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * Waits until the page is still: no request in flight (`aria-busy`, loading buttons) and no CSS
 * transition running (the drawer slides in). Page functions are strings: e2e code is type-checked
 * without the DOM library.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    `document.querySelector('[aria-busy="true"], [data-loading]') === null &&
     document.getAnimations().every((a) => a.playState !== 'running')`,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await settled(page);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Page errors and failed requests other than the ones a test provokes on purpose. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}
