/** The browser preamble of the screen tests: Chromium, one Vietnamese page, signed in when asked. */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { collectPageErrors, launchChromium } from './browser.ts';
import { signIn, type Session } from './checkin.ts';

export interface AppPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Errors the page throws (see `collectPageErrors`). */
  pageErrors: string[];
}

export interface AppPageOptions extends BrowserContextOptions {
  /** Sign the page in with this API session before it loads (no login screen). */
  session?: Session;
}

/**
 * Launches Chromium (its closing pushed onto `cleanups`) with one page: locale vi-VN, 15 s default
 * timeout, page errors collected. bypassCSP: the app's CSP (script-src 'self') forbids the string
 * predicates of support/browser.ts settled().
 */
export async function openAppPage(
  cleanups: (() => Promise<void>)[],
  { session, ...contextOptions }: AppPageOptions,
): Promise<AppPage> {
  const browser = await launchChromium();
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ locale: 'vi-VN', bypassCSP: true, ...contextOptions });
  if (session) await signIn(context, session);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { browser, context, page, pageErrors: collectPageErrors(page) };
}
