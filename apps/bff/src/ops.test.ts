import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startHarness, type Harness } from './test-support/harness.js';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

describe('operations endpoints', () => {
  it('is live at /healthz and ready at /readyz while Keystone answers', async () => {
    expect((await fetch(`${harness.bff.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${harness.bff.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready when Keystone is down, and says why', async () => {
    await harness.emulator.close();
    const ready = await fetch(`${harness.bff.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).error).toMatchObject({ code: 'keystoneUnavailable', upstream: 'keystone' });
  });

  it('exposes Prometheus metrics for requests, upstream latency and live streams', async () => {
    const browser = new BrowserClient(harness.bff.url);
    await browser.login('demo', 'demo');
    await browser.request('/api/cinder/volumes');
    const text = await (await fetch(`${harness.bff.url}/metrics`)).text();
    expect(text).toMatch(/cinder_console_http_requests_total\{method="POST",route="session",status="201"\} 1/);
    expect(text).toMatch(/cinder_console_upstream_request_seconds_count\{service="cinder",status="200"\} 1/);
    expect(text).toMatch(/cinder_console_live_pollers 0/);
    expect(text).toMatch(/cinder_console_sse_clients 0/);
    expect(text).not.toMatch(/gAAAAA/);
  });
});
