import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startSignedIn, type Harness } from '../test-support/harness.js';

function rawGet(url: string, cookie: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  const path = url.slice(url.indexOf('/', 'http://'.length));
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: { Cookie: cookie } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let harness: Harness;
let browser: BrowserClient;
beforeEach(async () => {
  ({ harness, browser } = await startSignedIn());
});
afterEach(() => harness.close());

describe('/api/cinder proxy', () => {
  it("lists the session project's volumes at the negotiated microversion", async () => {
    const response = await browser.request('/api/cinder/volumes/detail');
    expect(response.status).toBe(200);
    expect(response.headers.get('openstack-api-version')).toBe('volume 3.70');
    const { volumes } = await response.json();
    expect(volumes.map((v: { name: string }) => v.name).sort()).toEqual([
      'db-data',
      'import-failed',
      'scratch',
      'web-root',
    ]);
  });

  it('honours a lower microversion the page asks for, and caps a higher one', async () => {
    const lower = await browser.request('/api/cinder/volumes', { headers: { 'OpenStack-API-Version': 'volume 3.45' } });
    expect(lower.headers.get('openstack-api-version')).toBe('volume 3.45');
    const higher = await browser.request('/api/cinder/volumes', {
      headers: { 'OpenStack-API-Version': 'volume 3.99' },
    });
    expect(higher.status).toBe(200);
    expect(higher.headers.get('openstack-api-version')).toBe('volume 3.70');
  });

  it("relays Cinder's error in the envelope with Cinder's request id", async () => {
    const response = await browser.request('/api/cinder/volumes/00000000-0000-0000-0000-000000000000');
    expect(response.status).toBe(404);
    const { error } = await response.json();
    expect(error).toMatchObject({
      status: 404,
      code: 'itemNotFound',
      message: 'Volume 00000000-0000-0000-0000-000000000000 could not be found.',
      upstream: 'cinder',
    });
    expect(error.requestId).toMatch(/^req-/);
    expect(error.requestId).not.toBe(response.headers.get('x-request-id'));
  });

  it('passes only allow-listed response headers, never tokens or cookies', async () => {
    const response = await browser.request('/api/cinder/volumes/detail');
    const names = [...response.headers.keys()];
    for (const forbidden of [
      'x-subject-token',
      'x-auth-token',
      'www-authenticate',
      'x-compute-request-id',
      'set-cookie',
    ]) {
      expect(names).not.toContain(forbidden);
    }
    expect(response.headers.get('x-openstack-request-id')).toMatch(/^req-/);
  });

  it("cannot reach another project's volume", async () => {
    const alt = new BrowserClient(harness.bff.url);
    await alt.login('alt_demo', 'alt_demo');
    const { volumes } = await (await alt.request('/api/cinder/volumes')).json();
    const response = await browser.request(`/api/cinder/volumes/${volumes[0].id}`);
    expect(response.status).toBe(404);
  });

  it.each([
    ['a dot-dot segment', '/api/cinder/volumes/../../identity'],
    ['an encoded dot-dot', '/api/cinder/volumes/%2e%2e/%2e%2e/identity'],
    ['an encoded slash', '/api/cinder/volumes%2f..%2fx'],
    ['a double slash', '/api/cinder//evil.example/volumes'],
    ['another project id', '/api/cinder/0123456789abcdef0123456789abcdef/volumes'],
    ['a backslash', '/api/cinder/volumes\\..\\x'],
  ])('refuses %s before anything goes upstream', async (_what, path) => {
    // Raw HTTP: fetch would normalise the path the way browsers do, hiding what an attacker can send.
    const response = await rawGet(`${harness.bff.url}${path}`, browser.cookie!);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.code).toBe('pathRefused');
  });

  it('needs a session', async () => {
    const anonymous = new BrowserClient(harness.bff.url);
    const response = await anonymous.request('/api/cinder/volumes');
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('noSession');
  });

  it('says 502 in the envelope when Cinder cannot be reached', async () => {
    await harness.emulator.close();
    const response = await browser.request('/api/cinder/volumes');
    expect(response.status).toBe(502);
    const { error } = await response.json();
    expect(error).toMatchObject({ code: 'upstreamUnavailable', upstream: 'cinder' });
    expect(error.message).toMatch(/Cinder/);
  });
});
