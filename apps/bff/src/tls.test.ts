import type { RunningEmulator } from '@cinder-console/emulator';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openEvents } from './test-support/events.js';
import { selfSignedCertificate, type Certificate } from '@cinder-console/test-support';
import { startCloud, startHarnessFor } from './test-support/cloud-harness.js';
import { BrowserClient, type Harness } from './test-support/harness.js';

// A cloud on https with a certificate no public CA signed, as private clouds often have.
let certificate: Certificate;
let otherCertificate: Certificate;
let cloud: RunningEmulator;
let harness: Harness | undefined;

beforeAll(() => {
  certificate = selfSignedCertificate();
  otherCertificate = selfSignedCertificate();
});
beforeEach(async () => {
  cloud = await startCloud({}, certificate);
  harness = undefined;
});
afterEach(async () => {
  if (harness) await harness.close();
  else await cloud.close();
});

async function signIn(env: Record<string, string>) {
  harness = await startHarnessFor(cloud, { LIVE_FAST_MS: '100', LIVE_SLOW_MS: '1000', ...env });
  const browser = new BrowserClient(harness.bff.url);
  return { browser, login: await browser.login('demo', 'demo') };
}

describe('upstream TLS', () => {
  it('refuses a cloud whose certificate it does not trust, and says what to set', async () => {
    expect(cloud.authUrl).toMatch(/^https:/);
    const { login } = await signIn({});
    expect(login.status).toBe(502);
    const { error } = await login.json();
    expect(error).toMatchObject({ status: 502, code: 'upstreamTlsError', upstream: 'keystone' });
    expect(error.message).toMatch(
      /^Keystone \(identity\) cannot be reached securely: its TLS certificate is not trusted/,
    );
    expect(error.message).toMatch(/OS_CACERT/);

    const ready = await fetch(`${harness!.bff.metricsUrl}/readyz`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).error.message).toMatch(/not trusted .*OS_CACERT/);
  });

  it('refuses a certificate signed by another CA than OS_CACERT', async () => {
    const { login } = await signIn({ OS_CACERT: otherCertificate.certPath });
    expect(login.status).toBe(502);
    expect((await login.json()).error.code).toBe('upstreamTlsError');
  });

  it('trusts OS_CACERT for every upstream call: Keystone, Cinder discovery, both proxies, the live poller, readyz', async () => {
    const { browser, login } = await signIn({ OS_CACERT: certificate.certPath });
    expect(login.status).toBe(201);
    // The version document was read over TLS: otherwise the BFF falls back to 3.0.
    expect((await login.json()).volumeApi).toEqual({ major: 3, microversion: '3.70' });

    const volumes = await browser.request('/api/cinder/volumes');
    expect(volumes.status).toBe(200);
    expect((await volumes.json()).volumes.length).toBeGreaterThan(0);
    expect((await browser.request('/api/glance/v2/images')).status).toBe(200);
    expect((await fetch(`${harness!.bff.metricsUrl}/readyz`)).status).toBe(200);

    const stream = await openEvents(browser);
    try {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const created = await browser.request('/api/cinder/volumes', {
        method: 'POST',
        body: { volume: { size: 1, name: 'over-tls' } },
      });
      const { id } = (await created.json()).volume;
      await stream.next((e) => e.id === id && 'status' in e && e.status === 'available');
    } finally {
      stream.close();
    }

    expect((await browser.request('/api/session', { method: 'DELETE' })).status).toBe(204);
  });

  it('skips verification with OS_INSECURE=true', async () => {
    const { browser, login } = await signIn({ OS_INSECURE: 'true' });
    expect(login.status).toBe(201);
    expect((await login.json()).volumeApi.microversion).toBe('3.70');
    expect((await browser.request('/api/cinder/volumes')).status).toBe(200);
    expect((await browser.request('/api/glance/v2/images')).status).toBe(200);
  });
});
