import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstListSchema } from '@cinder-console/cinder';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient, startHarness, type Harness } from './test-support/harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const INDEX =
  '<!doctype html><html><head><meta name="csp-nonce" content="__CSP_NONCE__" /></head><body><div id="root"></div></body></html>';

let staticDir: string;
let harness: Harness | undefined;

// The renderer as `npm run build` makes it, beside a console of its own (apps/bff/src/first-paint.ts).
beforeAll(async () => {
  staticDir = path.join(mkdtempSync(path.join(tmpdir(), 'bff-first-paint-')), 'dist');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), INDEX);
  const { NODE_ENV: _test, ...env } = process.env;
  execFileSync('npx', ['vite', 'build', '--ssr', 'src/first-paint/render.tsx', '--outDir', `${staticDir}-ssr`], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
}, 120_000);
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Signs `user` in (on this test's console) and returns a way to open pages as that user's browser. */
async function signedIn(user = 'demo', cookies = '', dir = staticDir) {
  harness ??= await startHarness({ STATIC_DIR: dir });
  const browser = new BrowserClient(harness.bff.url);
  await browser.login(user);
  if (cookies) browser.cookie = `${browser.cookie}; ${cookies}`;
  return async (url: string) => {
    const response = await browser.request(url, { headers: { Accept: 'text/html' } });
    return { html: await response.text(), csp: response.headers.get('content-security-policy') ?? '', browser };
  };
}

async function createVolumes(browser: BrowserClient, names: string[]) {
  for (const name of names) {
    const created = await browser.request('/api/cinder/volumes', {
      method: 'POST',
      body: { volume: { size: 1, name } },
    });
    expect(created.status).toBe(202);
  }
}

/** The parts of a page the first paint adds. */
function firstPaintOf(html: string) {
  const root = /<div id="root">([^]*)<\/div>\s*<script type="application\/json" id="first-list"/.exec(html)?.[1];
  const list = /<script type="application\/json" id="first-list" nonce="([^"]+)">(.*?)<\/script>/.exec(html);
  return {
    root: root ?? '',
    listNonce: list?.[1],
    firstList: list ? firstListSchema.parse(JSON.parse(list[2]!)) : undefined,
  };
}

describe('the first paint', () => {
  it("draws a list page with the project's rows, inert, and carries the list's answer for the app", async () => {
    const open = await signedIn();
    const names = ['db-primary', 'logs-archive'];
    await createVolumes((await open('/overview')).browser, names);
    const { html, csp, browser } = await open('/volumes');
    const { root, listNonce, firstList } = firstPaintOf(html);
    const api = await (await browser.request('/api/cinder/volumes/detail?limit=50&with_count=true')).json();
    for (const name of names) expect(root).toContain(`>${name}<`);
    expect(root).toMatch(/^<style nonce="[^"]+">[^]*<\/style><div class="first-paint" inert aria-hidden="true">/);
    // The answer the app would have had from its own call (the rows, in order; their states may move on meanwhile).
    expect(firstList?.path).toBe('/api/cinder/volumes/detail?limit=50&with_count=true');
    const ids = (body: unknown) => (body as { volumes: Array<{ id: string }> }).volumes.map((volume) => volume.id);
    expect(ids(firstList?.body)).toEqual(ids(api));
    // The strict CSP holds: the data block and the styles carry the response's nonce, no element has a style attribute.
    expect(csp).toContain(`'nonce-${listNonce}'`);
    expect(root).not.toMatch(/ style="/);
    // The app gets the answer from the page, so the browser is not told to fetch it too.
    expect(html).not.toContain('rel="preload" as="fetch"');
  });

  it("draws the page in the user's language", async () => {
    const open = await signedIn('demo', 'cc_lang=zh-CN');
    const { root } = firstPaintOf((await open('/volumes')).html);
    expect(root).toContain('创建卷');
    expect(root).not.toContain('Create volume');
  });

  it('shows each user their own rows when pages of several projects are drawn at once', async () => {
    const users = [await signedIn('demo'), await signedIn('alt_demo')];
    const own: string[][] = [];
    for (const [i, open] of users.entries()) {
      const { browser } = await open('/overview');
      await createVolumes(browser, i === 0 ? ['demo-a', 'demo-b'] : ['alt-a', 'alt-b', 'alt-c']);
      const body = await (await browser.request('/api/cinder/volumes/detail?limit=50&with_count=true')).json();
      own.push((body.volumes as Array<{ name: string }>).map((volume) => volume.name).sort());
    }
    const pages = await Promise.all(Array.from({ length: 8 }, (_, i) => users[i % 2]!('/volumes')));
    // Past a few pages at once the BFF leaves the drawing to the app (a preload of the list instead).
    const drawn = pages.filter(({ html }) => firstPaintOf(html).firstList);
    expect(drawn.length).toBeGreaterThan(0);
    for (const [i, { html }] of pages.entries()) {
      const { root, firstList } = firstPaintOf(html);
      if (!firstList) {
        expect(html).toContain('<link rel="preload" as="fetch" href="/api/cinder/volumes/detail');
        continue;
      }
      const names = (firstList.body as { volumes: Array<{ name: string }> }).volumes.map((volume) => volume.name);
      expect(names.sort()).toEqual(own[i % 2]);
      for (const name of own[i % 2]!) expect(root).toContain(`>${name}<`);
      for (const name of own[(i + 1) % 2]!) expect(root).not.toContain(`>${name}<`);
    }
  });

  it("sends the page without rows when Cinder fails, and the app's own call then shows the error", async () => {
    const open = await signedIn();
    harness!.emulator.ctx.faults.addHttpFault({ path: '^/volume/v3/.*/volumes', remaining: 1, status: 503 });
    const { html } = await open('/volumes');
    expect(firstPaintOf(html).firstList).toBeUndefined();
    expect(html).toContain('<div id="root"></div>');
  });

  it('escapes what the cloud names, in the markup and in the carried answer', async () => {
    const open = await signedIn();
    const name = '</script><script>alert(1)</script><img src=x onerror=alert(2)>';
    await createVolumes((await open('/overview')).browser, [name]);
    const { html } = await open('/volumes');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(firstPaintOf(html).root).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
  });

  it('keeps serving while a drawing is stuck, and sends that page without its picture', async () => {
    const stuck = path.join(mkdtempSync(path.join(tmpdir(), 'bff-stuck-paint-')), 'dist');
    mkdirSync(stuck);
    mkdirSync(`${stuck}-ssr`);
    writeFileSync(path.join(stuck, 'index.html'), INDEX);
    // A renderer that starts but never finishes a page: a bug, or a page too big to draw.
    writeFileSync(
      path.join(`${stuck}-ssr`, 'first-paint.js'),
      'export const warmUp = () => true;\nexport function renderFirstPaint() { for (;;); }\n',
    );
    const open = await signedIn('demo', '', stuck);
    const { browser } = await open('/overview');
    let pageSent = false;
    const page = open('/volumes').then((opened) => {
      pageSent = true;
      return opened;
    });
    // The drawing runs on a thread of its own: the BFF answers meanwhile.
    expect((await browser.request('/api/session')).status).toBe(200);
    expect(pageSent).toBe(false);
    const { root, firstList } = firstPaintOf((await page).html);
    expect(root).toBe('');
    expect(firstList?.path).toBe('/api/cinder/volumes/detail?limit=50&with_count=true');
  });

  it('leaves pages it cannot draw to the app: a filtered view, a page without a list, a signed-out visitor', async () => {
    const open = await signedIn();
    for (const url of ['/volumes?status=error', '/overview', '/volume-types']) {
      expect(firstPaintOf((await open(url)).html).firstList, url).toBeUndefined();
    }
    const visitor = new BrowserClient(harness!.bff.url);
    const page = await (await visitor.request('/volumes', { headers: { Accept: 'text/html' } })).text();
    expect(page).toContain('<div id="root"></div>');
  });
});
