import { parse } from 'cookie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCloud, startHarnessFor } from '../test-support/cloud-harness.js';
import { BrowserClient, type Harness } from '../test-support/harness.js';
import { MemorySessionStore } from './store.js';

// Only `Date` is faked: sockets and timers stay real, so the BFF, the emulator and the network run
// as usual while the clock they all read jumps ahead. The emulator's token expiry reads it too.
const MINUTE = 60_000;
let harness: Harness | undefined;

afterEach(async () => {
  vi.useRealTimers();
  await harness?.close();
  harness = undefined;
});

async function signedIn(options: { idleMinutes?: number; tokenTtlSeconds?: number; store?: MemorySessionStore } = {}) {
  const cloud = await startCloud({ tokenTtlSeconds: options.tokenTtlSeconds ?? 3600, tokenCacheSeconds: 0 });
  harness = await startHarnessFor(
    cloud,
    { SESSION_IDLE_MINUTES: String(options.idleMinutes ?? 30) },
    options.store ? { store: options.store } : {},
  );
  const browser = new BrowserClient(harness.bff.url);
  expect((await browser.login('demo', 'demo')).status).toBe(201);
  return browser;
}

/** What `GET /api/session` says is left, in ms, or the error code when the session has ended. */
async function timeLeft(browser: BrowserClient): Promise<number | string> {
  const response = await browser.request('/api/session');
  const body = await response.json();
  if (response.status !== 200) return body.error.code;
  return Date.parse(body.idleExpiresAt) - Date.now();
}

describe('session expiry', () => {
  it('ends a session idle past SESSION_IDLE_MINUTES; reading the session does not count as activity', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const start = Date.now();
    const browser = await signedIn({ idleMinutes: 30 });
    expect(await timeLeft(browser)).toBe(30 * MINUTE);

    vi.setSystemTime(start + 10 * MINUTE);
    expect(await timeLeft(browser)).toBe(20 * MINUTE);
    vi.setSystemTime(start + 25 * MINUTE);
    expect(await timeLeft(browser)).toBe(5 * MINUTE);

    vi.setSystemTime(start + 30 * MINUTE + 1000);
    const refused = await browser.request('/api/cinder/volumes');
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toMatchObject({ status: 401, code: 'noSession', message: expect.any(String) });
    expect(await timeLeft(browser)).toBe('noSession');
  });

  it('starts the idle time again at every other request', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const start = Date.now();
    const browser = await signedIn({ idleMinutes: 30 });
    vi.setSystemTime(start + 20 * MINUTE);
    expect((await browser.request('/api/cinder/volumes')).status).toBe(200);
    vi.setSystemTime(start + 45 * MINUTE);
    expect(await timeLeft(browser)).toBe(5 * MINUTE);
    vi.setSystemTime(start + 51 * MINUTE);
    expect(await timeLeft(browser)).toBe('noSession');
  });

  it("ends at the Keystone token's expiry, however active the user is", async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const start = Date.now();
    const browser = await signedIn({ idleMinutes: 30, tokenTtlSeconds: 600 });
    const view = await (await browser.request('/api/session')).json();
    const tokenExpiry = Date.parse(view.expiresAt);
    expect(tokenExpiry).toBeGreaterThanOrEqual(start + 599_000);
    expect(tokenExpiry).toBeLessThanOrEqual(start + 600_000);
    // The idle limit would be 30 minutes away; the token's is nearer, so it is the one reported.
    expect(view.idleExpiresAt).toBe(view.expiresAt);

    vi.setSystemTime(tokenExpiry - MINUTE);
    expect((await browser.request('/api/cinder/volumes')).status).toBe(200);
    expect(await timeLeft(browser)).toBe(MINUTE);

    vi.setSystemTime(tokenExpiry + 1);
    const refused = await browser.request('/api/cinder/volumes');
    expect(refused.status).toBe(401);
    // The BFF's own envelope: it ended the session instead of sending a dead token to Cinder.
    expect((await refused.json()).error).toMatchObject({ code: 'noSession' });
    expect(refused.headers.get('www-authenticate')).toBeNull();
  });

  it('revokes the Keystone token at logout, so that Keystone and Cinder refuse it', async () => {
    const store = new MemorySessionStore();
    const browser = await signedIn({ store });
    const id = parse(browser.cookie!).cc_session!;
    const record = (await store.get(id))!;
    const { authUrl, url } = harness!.emulator;
    const validate = () =>
      fetch(`${authUrl}/auth/tokens`, { headers: { 'X-Auth-Token': record.token, 'X-Subject-Token': record.token } });
    const volumes = () =>
      fetch(`${url}/volume/v3/${record.project.id}/volumes`, { headers: { 'X-Auth-Token': record.token } });
    expect((await validate()).status).toBe(200);
    expect((await volumes()).status).toBe(200);

    expect((await browser.request('/api/session', { method: 'DELETE' })).status).toBe(204);
    expect((await validate()).status).toBe(401);
    expect((await volumes()).status).toBe(401);
    expect(await store.get(id)).toBeUndefined();
    expect(await timeLeft(browser)).toBe('noSession');
  });
});
