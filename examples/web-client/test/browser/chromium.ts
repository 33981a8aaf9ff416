import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';

/** Debian's Chromium; a browser is never downloaded. */
const CHROMIUM = process.env.IMAGO_CHROMIUM ?? '/usr/bin/chromium';

/** Where screenshots are kept (git-ignored test artifacts). */
export const SCREENSHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url));

/** A phone-size viewport (iPhone 12–15 in CSS pixels). */
export const PHONE = { width: 390, height: 844 } as const;

/**
 * Launches headless Chromium; fails with a clear message when it is missing.
 *
 * @param extraArgs - more command-line switches (e.g. fake media devices).
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // WebGL (the graph picture) in software, since there is no GPU.
        '--enable-unsafe-swiftshader',
        ...extraArgs,
      ],
    });
  } catch (cause) {
    throw new Error(`Chromium could not start from ${CHROMIUM} (Debian: apt-get install chromium)`, {
      cause,
    });
  }
}

/** The address of the served client, set by the global setup. */
export function clientUrl(): string {
  const url = process.env.IMAGO_WEB_CLIENT_URL;
  if (!url) throw new Error('IMAGO_WEB_CLIENT_URL is not set: run the tests through vitest (global setup)');
  return url;
}

let failures = 0;

/** Opens a fresh context (its own storage, so its own session and crypto store) and a page. */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    console.error(`[browser] ${error.message}`);
  });
  // A failed test leaves a picture of each of its pages, to see what the person saw.
  onTestFailed(async () => {
    const name = (expect.getState().currentTestName ?? 'test').replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80);
    if (!page.isClosed()) await screenshot(page, `failed-${name}-${++failures}`).catch(() => undefined);
  });
  page.on('console', (message) => {
    // Matrix answers 404 to optional look-ups (e.g. no key backup yet): not an error of the app.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      console.error(`[browser console] ${message.text()}`);
    }
  });
  return { context, page };
}

/** Saves a full-page screenshot as `test-artifacts/screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
