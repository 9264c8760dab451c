import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bootstrapSchema, microversionFeatures } from '@cinder-console/cinder';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstListCall } from './bootstrap.js';
import { BrowserClient, startHarness, type Harness } from './test-support/harness.js';

const INDEX =
  '<!doctype html><html><head><meta name="csp-nonce" content="__CSP_NONCE__" /></head><body><div id="root"></div></body></html>';

let harness: Harness;
let browser: BrowserClient;

beforeEach(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bff-bootstrap-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX);
  harness = await startHarness({ STATIC_DIR: dir });
  browser = new BrowserClient(harness.bff.url);
});
afterEach(() => harness.close());

/** The page at `url` as the browser gets it: its bootstrap, its preloads and its CSP nonce. */
async function open(url: string) {
  const response = await browser.request(url, { headers: { Accept: 'text/html' } });
  const html = await response.text();
  const script = /<script type="application\/json" id="bootstrap" nonce="([^"]+)">(.*?)<\/script>/.exec(html);
  return {
    response,
    scriptNonce: script?.[1],
    pageNonce: /<meta name="csp-nonce" content="([^"]*)"/.exec(html)?.[1],
    bootstrap: bootstrapSchema.parse(JSON.parse(script?.[2] ?? 'null')),
    preloads: [...html.matchAll(/<link rel="preload" as="fetch" href="([^"]+)" crossorigin>/g)].map((m) => m[1]),
  };
}

describe('the page bootstrap', () => {
  it('tells a visitor who is not signed in that there is no session, and preloads nothing', async () => {
    const page = await open('/volumes');
    expect(page.bootstrap).toEqual({ session: null, capabilities: null, websso: [] });
    expect(page.preloads).toEqual([]);
    expect(page.scriptNonce).toBe(page.pageNonce);
  });

  it('carries the session, its capabilities and region, and preloads the list the page asks for first', async () => {
    await browser.login('demo');
    const session = await (await browser.request('/api/session')).json();
    const capabilities = await (await browser.request('/api/capabilities')).json();
    const page = await open('/volumes');
    expect(page.bootstrap.session).toEqual({ ...session, idleExpiresAt: expect.any(String) });
    expect(page.bootstrap.session?.region).toBe(session.region);
    expect(page.bootstrap.capabilities).toEqual(capabilities);
    expect(page.preloads).toEqual(['/api/cinder/volumes/detail?limit=50&amp;with_count=true']);
    // The visitor's own data: no shared cache may keep the page.
    expect(page.response.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('preloads nothing where the page would ask for something else first', async () => {
    await browser.login('demo');
    expect((await open('/volumes?status=error')).preloads).toEqual([]);
    expect((await open('/overview')).preloads).toEqual([]);
    // Volume types are an admin's page.
    expect((await open('/volume-types')).preloads).toEqual([]);
  });
});

describe('the first list call of a page', () => {
  const capabilities = (admin: boolean, withCount = true) => ({
    volumeApi: { major: 3, microversion: '3.70' },
    features: {
      ...microversionFeatures('3.70'),
      withCount,
      images: true,
      vendorRollback: false,
      backupService: true,
    },
    admin,
  });
  const at = (address: string, admin = false, withCount = true) =>
    firstListCall(new URL(address, 'http://console'), capabilities(admin, withCount));

  it('is the default page of the list, in the page size the address asks for', () => {
    expect(at('/snapshots')).toBe('/api/cinder/snapshots/detail?limit=50&with_count=true');
    expect(at('/backups/?size=200&hide=az')).toBe('/api/cinder/backups/detail?limit=200&with_count=true');
    expect(at('/volumes?size=7')).toBe('/api/cinder/volumes/detail?limit=50&with_count=true');
    expect(at('/volumes', false, false)).toBe('/api/cinder/volumes/detail?limit=50');
    expect(at('/volume-types', true)).toBe('/api/cinder/types?is_public=none');
  });

  it("is an admin's view of every project, as the SPA asks for it", () => {
    expect(at('/volumes?allProjects=1', true)).toBe(
      '/api/cinder/volumes/detail?limit=50&with_count=true&all_tenants=1',
    );
    expect(at('/backups?size=20&allProjects=1', true)).toBe(
      '/api/cinder/backups/detail?limit=20&with_count=true&all_tenants=1',
    );
    // Not for a member (the SPA does not send it), nor with a filter beside it.
    expect(at('/volumes?allProjects=1')).toBeUndefined();
    expect(at('/volumes?allProjects=1&status=error', true)).toBeUndefined();
  });

  it('is unknown for a filtered, sorted or later page, and for pages that are not lists', () => {
    expect(at('/volumes?sort=name:asc')).toBeUndefined();
    expect(at('/volumes?marker=abc')).toBeUndefined();
    expect(at('/volumes/abc')).toBeUndefined();
    expect(at('/volume-types')).toBeUndefined();
  });
});
