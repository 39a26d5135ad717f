/**
 * Debian's Chromium driven by Playwright (its own browser download is never needed): the path comes from
 * CHROMIUM_PATH, by default the package's own. Every page a test visits is checked with axe and saved as a
 * screenshot under test/web/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { expect } from 'vitest';
import { retryingTestServerStart, startStack, type StackOptions, type TestStack } from '../support/stack.js';
import { signIn } from './forms.js';

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The serious and critical accessibility violations on the page, as `rule: target` lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** A file's browser tests: the real stack, one Chromium, and the helpers every file uses. */
export interface WebTest {
  stack: TestStack;
  browser: Browser;
  /** A fresh browser context (its own cookies) at the stack's address, and its page. */
  newPage(options?: PageOptions): Promise<Page>;
  signIn(page: Page, username: string): Promise<void>;
  /** Saves the page's screenshot, then expects axe to find no serious or critical violation on it. */
  look(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export type PageOptions = Pick<
  BrowserContextOptions,
  'viewport' | 'javaScriptEnabled' | 'locale' | 'timezoneId' | 'acceptDownloads'
> & {
  /** The page's default timeout for actions and waits (Playwright's own 30 s when not given). */
  timeout?: number;
};

/** Starts the stack and the browser side by side (call it in beforeAll; `close` in afterAll). */
export async function startWebTest(options: StackOptions = {}): Promise<WebTest> {
  const [stack, browser] = await Promise.all([startStack(options), launchBrowser()]);
  return {
    stack,
    browser,
    async newPage({ viewport = { width: 1024, height: 800 }, timeout, ...rest }: PageOptions = {}) {
      const context = await browser.newContext({ baseURL: stack.baseUrl, viewport, ...rest });
      const page = await context.newPage();
      if (timeout) page.setDefaultTimeout(timeout);
      return page;
    },
    signIn,
    async look(page, name) {
      await screenshot(page, name);
      expect(await seriousViolations(page)).toEqual([]);
    },
    async close() {
      await browser.close();
      await stack.close();
    },
  };
}

/** {@link startWebTest} on Temporal's time-skipping server, started again when the server did not come up. */
export async function startTimeSkippingWebTest(options: StackOptions = {}): Promise<WebTest> {
  return retryingTestServerStart(() => startWebTest({ ...options, timeSkipping: true }), 4);
}
