import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startSignedIn, type Harness } from '../test-support/harness.js';

let harness: Harness;
let browser: BrowserClient;
beforeEach(async () => {
  ({ harness, browser } = await startSignedIn());
});
afterEach(() => harness.close());

describe('CSRF protection', () => {
  it('refuses a mutation without the session CSRF token', async () => {
    const response = await browser.request('/api/session', { method: 'DELETE', headers: { 'X-CSRF-Token': '' } });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('csrfTokenInvalid');
    expect((await browser.request('/api/session')).status).toBe(200);
  });

  it('refuses a mutation with a wrong CSRF token', async () => {
    const response = await browser.request('/api/cinder/volumes', {
      method: 'POST',
      body: { volume: { size: 1 } },
      headers: { 'X-CSRF-Token': 'x'.repeat(43) },
    });
    expect(response.status).toBe(403);
  });

  it('refuses a mutation from a foreign origin, even with the right token', async () => {
    const response = await browser.request('/api/session', {
      method: 'DELETE',
      headers: { Origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('crossOrigin');
  });

  it('refuses a login posted from another site', async () => {
    const stranger = new BrowserClient(harness.bff.url);
    const response = await stranger.request('/api/session', {
      method: 'POST',
      body: { username: 'demo', password: 'demo' },
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    });
    expect(response.status).toBe(403);
  });

  it('accepts a same-origin mutation with the token', async () => {
    const origin = harness.bff.url.replace('localhost', '127.0.0.1');
    const response = await browser.request('/api/session', { method: 'DELETE', headers: { Origin: origin } });
    expect(response.status).toBe(204);
  });
});
