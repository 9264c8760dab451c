// Headless Debian Chromium, signed in through the BFF's API: the session cookie is handed to the
// browser context, so pages open signed in as after the login form.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import type { BffSession } from './clients.js';
import { ROOT } from './stack.js';

let built: string | undefined;

/** A production build of the SPA in a temporary folder (never apps/web/dist, which others serve). */
export function buildSpa(): string {
  if (!built) {
    const outDir = mkdtempSync(path.join(tmpdir(), 'bench-spa-'));
    // check-bundle builds with the project's vite.config.ts; over budget it exits 1, and the build is there all the same.
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/check-bundle.mjs'), '--out-dir', outDir], {
        stdio: 'ignore',
      });
    } catch {
      // See above.
    }
    // The first paint's renderer, where the BFF looks for it: beside the SPA (apps/bff/src/first-paint.ts).
    execFileSync('npx', ['vite', 'build', '--ssr', 'src/first-paint/render.tsx', '--outDir', `${outDir}-ssr`], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    built = outDir;
  }
  return built;
}

/**
 * A row of the app's own table: not one of the first paint's, the page as the BFF drew it, which
 * shows the rows before the app has taken over but takes no click (apps/bff/src/first-paint.ts).
 */
export const APP_ROW = 'tr[data-row-id]:not(.first-paint *)';

/**
 * Page code (run from a string: tsx's transform would add helpers the page lacks) that records
 * `window.firstRowAt`, ms after navigation start when the first row of data (`row`) appeared,
 * drawn by the BFF (the first paint) or by the app, and `window.appRowAt`, when the app's own row
 * did (outside the first paint, as APP_ROW).
 */
export const firstRowProbe = (row: string) => `
  new MutationObserver((_, observer) => {
    const rows = [...document.querySelectorAll(${JSON.stringify(row)})];
    if (rows.length && window.firstRowAt === undefined) window.firstRowAt = performance.now();
    if (rows.some((r) => !r.closest('.first-paint'))) { window.appRowAt = performance.now(); observer.disconnect(); }
  }).observe(document, { subtree: true, childList: true });`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
  });
}

/** A fresh context (empty cache) carrying the session's cookie, in English at a desktop size. */
export async function signedInContext(browser: Browser, session: BffSession): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const split = session.cookie.indexOf('=');
  const [name, value] = [session.cookie.slice(0, split), session.cookie.slice(split + 1)];
  await context.addCookies([{ name, value, url: session.baseUrl }]);
  return context;
}
