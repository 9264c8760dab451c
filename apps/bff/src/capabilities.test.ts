import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startHarness, type Harness } from './test-support/harness.js';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

describe('GET /api/capabilities', () => {
  it("describes a member's session on a Zed cloud: every microversioned feature, images, no admin", async () => {
    const browser = new BrowserClient(harness.bff.url);
    await browser.login('demo', 'demo');
    const response = await browser.request('/api/capabilities');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      volumeApi: { major: 3, microversion: '3.70' },
      features: {
        revert: true,
        extendInUse: true,
        withCount: true,
        volumeFromBackup: true,
        updatedAtFilter: true,
        defaultTypes: true,
        snapshotInUseWithoutForce: true,
        images: true,
      },
      admin: false,
    });
  });

  it('says admin for a session with the admin role', async () => {
    const browser = new BrowserClient(harness.bff.url);
    await browser.login('admin', 'admin');
    expect((await (await browser.request('/api/capabilities')).json()).admin).toBe(true);
  });

  it('needs a session', async () => {
    expect((await new BrowserClient(harness.bff.url).request('/api/capabilities')).status).toBe(401);
  });
});

describe('/api/glance proxy', () => {
  it("lists the images the session's project may see", async () => {
    const browser = new BrowserClient(harness.bff.url);
    await browser.login('demo', 'demo');
    const response = await browser.request('/api/glance/v2/images?visibility=public');
    expect(response.status).toBe(200);
    const { images } = await response.json();
    expect(images.map((i: { name: string }) => i.name)).toContain('cirros-0.6.2-x86_64-disk');
  });

  it("turns Glance's plain-text 404 into the envelope", async () => {
    const browser = new BrowserClient(harness.bff.url);
    await browser.login('demo', 'demo');
    const response = await browser.request('/api/glance/v2/images/00000000-0000-0000-0000-000000000000');
    expect(response.status).toBe(404);
    expect((await response.json()).error).toMatchObject({ status: 404, upstream: 'glance' });
  });

  it('refuses anything but reads', async () => {
    const browser = new BrowserClient(harness.bff.url);
    await browser.login('demo', 'demo');
    const response = await browser.request('/api/glance/v2/images', { method: 'POST', body: { name: 'x' } });
    expect(response.status).toBe(405);
  });
});
