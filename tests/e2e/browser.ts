/**
 * Shared set-up of the browser tests: Debian's Chromium in headless mode, a fresh profile
 * per test, and a record of every request so a test can prove nothing left this origin.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const APP_URL = process.env.APP_URL ?? 'http://127.0.0.1:4173/';
export const SCREENSHOTS = 'tests/e2e/screenshots';

export interface Session {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  url?: string;
  viewport?: { width: number; height: number };
  /** Make IndexedDB fail to open, as in some private browsing modes. */
  blockStorage?: boolean;
  /**
   * Simulate a full disk on demand (Chromium's quota override does not apply to fresh
   * test profiles): once the page sets `window.diskFull = true`, every write transaction
   * fails as the browser fails it when the quota is reached, after its first put went in,
   * with QuotaExceededError as the transaction's error. A half-done write must be undone.
   */
  fillableDisk?: boolean;
}

export async function openApp(options: OpenOptions = {}): Promise<Session> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 900 }, locale: 'en-US' });
  if (options.blockStorage) {
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('IndexedDB is disabled in this mode', 'InvalidStateError');
      };
    });
  }
  if (options.fillableDisk) {
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        const request = put.apply(this, args);
        const transaction = this.transaction;
        if ((window as unknown as { diskFull?: boolean }).diskFull) {
          const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          Object.defineProperty(transaction, 'error', { value: quota });
          request.addEventListener('success', () => transaction.abort(), { once: true });
        }
        return request;
      };
    });
  }
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(options.url ?? APP_URL);
  return {
    browser,
    context,
    page,
    requests,
    errors,
    close: () => browser.close(),
  };
}

/** Requests to any origin other than the app's own (data: and blob: URLs stay on the device). */
export function foreignRequests(requests: readonly string[], appUrl = APP_URL): string[] {
  const origin = new URL(appUrl).origin;
  return requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    return new URL(url).origin !== origin;
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
