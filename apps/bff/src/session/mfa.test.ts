import { Secret, TOTP } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startHarness, type Harness } from '../test-support/harness.js';

let harness: Harness;
let authenticator: TOTP;
beforeEach(async () => {
  harness = await startHarness();
  authenticator = await requireTotp(harness.emulator.authUrl, 'demo');
});
afterEach(() => harness.close());

/** As a cloud admin would: gives `user` a TOTP secret and the rule password + totp. Returns the user's authenticator. */
async function requireTotp(authUrl: string, userName: string, registered?: Secret): Promise<TOTP> {
  const auth = await fetch(`${authUrl}/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'admin', domain: { id: 'default' }, password: 'admin' } },
        },
        scope: { project: { name: 'admin', domain: { id: 'default' } } },
      },
    }),
  });
  const headers = { 'X-Auth-Token': auth.headers.get('x-subject-token')!, 'Content-Type': 'application/json' };
  const { users } = await (await fetch(`${authUrl}/users?name=${userName}`, { headers })).json();
  const secret = registered ?? new Secret({ size: 20 });
  if (!registered) {
    await fetch(`${authUrl}/credentials`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ credential: { user_id: users[0].id, type: 'totp', blob: secret.base32 } }),
    });
  }
  const options = { multi_factor_auth_enabled: true, multi_factor_auth_rules: [['password', 'totp']] };
  await fetch(`${authUrl}/users/${users[0].id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ user: { options } }),
  });
  return new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
}

const wrongCode = () => String((Number(authenticator.generate()) + 500_000) % 1_000_000).padStart(6, '0');

describe('password + TOTP sign-in', () => {
  it('asks for a passcode after the password (the receipt stays in the BFF), then signs in', async () => {
    const browser = new BrowserClient(harness.bff.url);
    const first = await browser.login('demo', 'demo');
    expect(first.status).toBe(202);
    const text = await first.text();
    const { mfaRequired } = JSON.parse(text);
    expect(mfaRequired).toMatchObject({ methods: ['totp'], ticket: expect.any(String) });
    expect(first.headers.get('openstack-auth-receipt')).toBeNull();
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(text).not.toContain('gAAAA');

    const second = await browser.request('/api/session', {
      method: 'POST',
      body: { mfa: { ticket: mfaRequired.ticket, passcode: authenticator.generate() } },
    });
    expect(second.status).toBe(201);
    expect(await second.json()).toMatchObject({ user: { name: 'demo' }, project: { name: 'demo' } });
    expect((await browser.request('/api/cinder/volumes')).status).toBe(200);
  });

  it('refuses a wrong passcode, ends the ticket after five, and checks the passcode field', async () => {
    const browser = new BrowserClient(harness.bff.url);
    const { mfaRequired } = await (await browser.login('demo', 'demo')).json();
    const send = (passcode: string) =>
      browser.request('/api/session', { method: 'POST', body: { mfa: { ticket: mfaRequired.ticket, passcode } } });
    const malformed = await send('12ab');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.issues[0].path).toBe('mfa.passcode');
    for (let i = 0; i < 5; i++) expect((await send(wrongCode())).status).toBe(401);
    const gone = await send(authenticator.generate());
    expect(gone.status).toBe(401);
    expect((await gone.json()).error.code).toBe('mfaExpired');
  });

  it('still refuses a wrong password outright, without a ticket', async () => {
    const response = await new BrowserClient(harness.bff.url).login('demo', 'wrong');
    expect(response.status).toBe(401);
  });
});

describe('TOTP registration', () => {
  it('gives the user a secret with its otpauth URI and QR code, whose passcodes then sign in', async () => {
    const browser = new BrowserClient(harness.bff.url);
    await browser.login('alt_demo', 'alt_demo');
    expect(await (await browser.request('/api/identity/totp')).json()).toEqual({ registered: false });
    const created = await browser.request('/api/identity/totp', { method: 'POST' });
    expect(created.status).toBe(201);
    const { secret, uri, qrSvg } = await created.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Cinder%20Console:alt_demo\?/);
    expect(uri).toContain(`secret=${secret}`);
    expect(qrSvg).toContain('<svg');
    expect(await (await browser.request('/api/identity/totp')).json()).toEqual({ registered: true });
    expect(
      (await browser.request('/api/identity/totp', { method: 'POST', headers: { 'X-CSRF-Token': 'no' } })).status,
    ).toBe(403);

    const app = await requireTotp(harness.emulator.authUrl, 'alt_demo', Secret.fromBase32(secret));
    const again = new BrowserClient(harness.bff.url);
    const { mfaRequired } = await (await again.login('alt_demo', 'alt_demo')).json();
    const done = await again.request('/api/session', {
      method: 'POST',
      body: { mfa: { ticket: mfaRequired.ticket, passcode: app.generate() } },
    });
    expect(done.status).toBe(201);
  });
});
