import { expect, type BrowserContext, type Page } from '@playwright/test';

/** Every Fernet token starts with this (version byte 0x80 plus a timestamp), in Keystone and the emulator alike. */
export const FERNET_PREFIX = 'gAAAAA';

/** Collects every response body and header the browser receives, to search them for tokens. */
export function recordTraffic(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', async (response) => {
    seen.push(JSON.stringify(response.headers()));
    const body = await response.body().catch(() => Buffer.alloc(0));
    seen.push(body.toString('utf8'));
  });
  return seen;
}

/** Asserts that no Keystone token shows in what the browser received, stored or logged, nor in its cookies. */
export async function expectNoTokenInBrowser(page: Page, context: BrowserContext, traffic: string[]): Promise<void> {
  const storage = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  const cookies = await context.cookies();
  expect(traffic.length).toBeGreaterThan(5);
  for (const seen of [...traffic, storage, ...cookies.map((c) => c.value)]) {
    expect(seen).not.toContain(FERNET_PREFIX);
  }
}
