import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserClient } from '../test-support/harness.js';
import { startSignedIn, type Harness } from '../test-support/harness.js';

let harness: Harness;
let browser: BrowserClient;
beforeEach(async () => {
  ({ harness, browser } = await startSignedIn({ UPSTREAM_TIMEOUT_MS: '300' }));
});
afterEach(() => harness.close());

/** Arms a fault in the emulator (the network double), as its control API would. */
function fault(spec: { delayMs?: number; status?: number; drop?: boolean }) {
  harness.emulator.ctx.faults.addHttpFault({ path: '^/volume/v3/.*/volumes', remaining: 1, ...spec });
}

describe('when Cinder misbehaves', () => {
  it('turns an answer slower than UPSTREAM_TIMEOUT_MS into a 504 in the envelope', async () => {
    fault({ delayMs: 1500 });
    const response = await browser.request('/api/cinder/volumes');
    expect(response.status).toBe(504);
    expect((await response.json()).error).toMatchObject({ code: 'upstreamTimeout', upstream: 'cinder' });
  });

  it('turns a dropped connection into a 502 in the envelope', async () => {
    fault({ drop: true });
    const response = await browser.request('/api/cinder/volumes');
    expect(response.status).toBe(502);
    expect((await response.json()).error).toMatchObject({ code: 'upstreamUnavailable', upstream: 'cinder' });
  });

  it("passes Cinder's own 503 on with its fault key and message", async () => {
    fault({ status: 503 });
    const response = await browser.request('/api/cinder/volumes');
    expect(response.status).toBe(503);
    expect((await response.json()).error).toMatchObject({
      status: 503,
      code: 'serviceUnavailable',
      upstream: 'cinder',
    });
  });

  it('recovers by itself on the next call', async () => {
    fault({ status: 503 });
    expect((await browser.request('/api/cinder/volumes')).status).toBe(503);
    expect((await browser.request('/api/cinder/volumes')).status).toBe(200);
  });
});
