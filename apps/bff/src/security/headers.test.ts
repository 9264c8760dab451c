import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startHarness, type Harness } from '../test-support/harness.js';

const INDEX = `<!doctype html><html><head><meta name="csp-nonce" content="__CSP_NONCE__" />
<script nonce="__CSP_NONCE__">document.documentElement.dataset.early = '1';</script>
<script type="module" crossorigin src="/assets/app.js"></script></head><body><div id="root"></div></body></html>`;

let harness: Harness;
let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bff-static-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX);
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("app");\n');
  harness = await startHarness({ STATIC_DIR: dir });
});
afterEach(() => harness.close());

/** The directives of a CSP header, by name. */
function directives(csp: string | null): Record<string, string> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

async function page(url: string) {
  const response = await fetch(url);
  const html = await response.text();
  const nonce = /<meta name="csp-nonce" content="([^"]*)"/.exec(html)?.[1];
  return { response, html, nonce, csp: directives(response.headers.get('content-security-policy')) };
}

describe('Content-Security-Policy', () => {
  it('serves index.html with a fresh nonce that the script and style policies name, and nothing unsafe', async () => {
    const first = await page(`${harness.bff.url}/`);
    expect(first.response.status).toBe(200);
    expect(first.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(first.html).not.toContain('__CSP_NONCE__');
    expect(first.html).toContain(`<script nonce="${first.nonce}">`);
    expect(first.csp['style-src']).toBe(`'self' 'nonce-${first.nonce}'`);
    expect(first.csp['script-src']).toBe(`'self' 'nonce-${first.nonce}'`);
    expect(first.csp['frame-ancestors']).toBe("'none'");
    expect(first.response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(first.response.headers.get('cache-control')).toBe('private, no-cache');

    const second = await page(`${harness.bff.url}/volumes`);
    expect(second.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.csp['style-src']).toBe(`'self' 'nonce-${second.nonce}'`);
    expect(second.csp['script-src']).toBe(`'self' 'nonce-${second.nonce}'`);
  });

  it('fills the nonce in when index.html is asked for by name too', async () => {
    const direct = await page(`${harness.bff.url}/index.html`);
    expect(direct.html).not.toContain('__CSP_NONCE__');
    expect(direct.csp['style-src']).toBe(`'self' 'nonce-${direct.nonce}'`);
  });

  it('picks up an index.html rebuilt in place, and keeps serving while it is briefly missing', async () => {
    const file = path.join(dir, 'index.html');
    writeFileSync(file, INDEX.replace('/assets/app.js', '/assets/app-2.js'));
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    const rebuilt = await page(`${harness.bff.url}/`);
    expect(rebuilt.html).toContain('/assets/app-2.js');
    expect(rebuilt.csp['style-src']).toBe(`'self' 'nonce-${rebuilt.nonce}'`);
    rmSync(file);
    const meanwhile = await page(`${harness.bff.url}/volumes`);
    expect(meanwhile.response.status).toBe(200);
    expect(meanwhile.html).toContain('/assets/app-2.js');
  });

  it('serves assets as they are', async () => {
    const asset = await fetch(`${harness.bff.url}/assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    // An asset name from an older build (a tab open across a deploy) is simply not there.
    const stale = await fetch(`${harness.bff.url}/assets/app-0ld.js`);
    expect(stale.status).toBe(404);
    expect((await stale.json()).error.code).toBe('notFound');
  });

  it('gives API responses a policy that loads nothing, and no nonce', async () => {
    const browser = new BrowserClient(harness.bff.url);
    await browser.login('demo', 'demo');
    const response = await browser.request('/api/session');
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp).toEqual({
      'default-src': "'none'",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const missing = await fetch(`${harness.bff.url}/api/nothing-here`);
    expect(directives(missing.headers.get('content-security-policy'))['default-src']).toBe("'none'");
  });
});
