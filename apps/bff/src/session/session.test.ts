import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startHarness, type Harness } from '../test-support/harness.js';

let harness: Harness;
let browser: BrowserClient;
beforeEach(async () => {
  harness = await startHarness();
  browser = new BrowserClient(harness.bff.url);
});
afterEach(() => harness.close());

describe('POST /api/session', () => {
  it('signs in and returns who, where and until when, but never the Keystone token', async () => {
    const response = await browser.login('demo', 'demo');
    expect(response.status).toBe(201);
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.user.name).toBe('demo');
    expect(body.project.name).toBe('demo');
    expect(body.roles.sort()).toEqual(['member', 'reader']);
    expect(body.region).toBe('RegionOne');
    expect(body.volumeApi).toEqual({ major: 3, microversion: '3.70' });
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(text).not.toMatch(/gAAAAA/);
    expect(JSON.stringify([...response.headers])).not.toMatch(/gAAAAA/);
  });

  it('sets an opaque HttpOnly, SameSite=Strict session cookie', async () => {
    const response = await browser.login();
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cc_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('marks the cookie Secure behind a TLS proxy it trusts', async () => {
    await harness.close();
    harness = await startHarness({ TRUST_PROXY: 'true' });
    browser = new BrowserClient(harness.bff.url);
    const response = await browser.request('/api/session', {
      method: 'POST',
      body: { username: 'demo', password: 'demo' },
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it("passes Keystone's refusal through with its request id", async () => {
    const response = await browser.login('demo', 'not-the-password');
    expect(response.status).toBe(401);
    const { error } = await response.json();
    expect(error).toMatchObject({ status: 401, code: 'unauthorized', upstream: 'keystone' });
    expect(error.message).toBe('The request you have made requires authentication.');
    expect(error.requestId).toMatch(/^req-/);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('scopes to the named project, and refuses one the user has no role on', async () => {
    expect((await browser.login('demo', 'demo', { project: 'demo' })).status).toBe(201);
    expect((await browser.login('demo', 'demo', { project: 'admin' })).status).toBe(401);
  });

  it('names each invalid field', async () => {
    const response = await browser.request('/api/session', { method: 'POST', body: { username: '', password: 5 } });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe('invalidInput');
    expect(error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['password', 'username']);
  });

  it('refuses malformed JSON and oversized bodies in the envelope', async () => {
    const malformed = await browser.request('/api/session', { method: 'POST', body: '{"username":' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe('malformedJson');
    const huge = await browser.request('/api/session', {
      method: 'POST',
      body: { username: 'demo', password: 'x'.repeat(20_000) },
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe('bodyTooLarge');
  });

  it('issues a new session id at every login', async () => {
    await browser.login();
    const first = browser.cookie;
    await browser.login();
    expect(browser.cookie).not.toBe(first);
    const stale = new BrowserClient(harness.bff.url);
    stale.cookie = first;
    expect((await stale.request('/api/session')).status).toBe(401);
  });
});

describe('GET and DELETE /api/session', () => {
  it('says 401 in the envelope when nobody is signed in', async () => {
    const response = await browser.request('/api/session');
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('noSession');
  });

  it('returns the session again for the same cookie (a reload)', async () => {
    await browser.login();
    const response = await browser.request('/api/session');
    expect(response.status).toBe(200);
    expect((await response.json()).user.name).toBe('demo');
  });

  it('signs out: the cookie is cleared and the Keystone token revoked', async () => {
    const { ctx } = harness.emulator;
    const demoId = ctx.identity.findUserByName('demo', 'default')!.id;
    await browser.login();
    expect(ctx.tokens.liveCount(demoId)).toBe(1);
    const response = await browser.request('/api/session', { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(browser.cookie).toBeUndefined();
    expect(ctx.tokens.liveCount(demoId)).toBe(0);
    expect((await browser.request('/api/session')).status).toBe(401);
  });
});

describe('login rate limits', () => {
  it('refuses a (user, address) pair past its failures, never the right password from elsewhere, and never counts successes', async () => {
    await harness.close();
    harness = await startHarness({
      LOGIN_RATE_LIMIT: '3',
      LOGIN_USER_RATE_LIMIT: '3',
      LOGIN_DELAY_STEP_MS: '1',
      TRUST_PROXY: 'loopback',
    });
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    const attempt = (password: string, address: string) =>
      new BrowserClient(harness.bff.url).request('/api/session', {
        method: 'POST',
        body: { username: 'demo', password },
        headers: from(address),
      });
    for (let i = 0; i < 3; i++) expect((await attempt(`guess-${i}`, '192.0.2.1')).status).toBe(401);
    const blocked = await attempt('demo', '192.0.2.1');
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.code).toBe('tooManyLogins');
    // The user, elsewhere, is slowed at most: the right password gets in.
    expect((await attempt('demo', '198.51.100.7')).status).toBe(201);
    // Ten successful sign-ins in a row use up nothing.
    for (let i = 0; i < 10; i++) expect((await attempt('demo', '198.51.100.8')).status).toBe(201);
  });
});
