import type { Profile } from '@cinder-console/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCloud, startHarnessFor } from './test-support/cloud-harness.js';
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
        messages: true,
        revert: true,
        extendInUse: true,
        withCount: true,
        volumeFromBackup: true,
        updatedAtFilter: true,
        defaultTypes: true,
        snapshotInUseWithoutForce: true,
        images: true,
        vendorRollback: false,
        backupService: true,
        compute: true,
        snapshotsPerVolume: null,
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

describe('GET /api/capabilities: probed features', () => {
  /** A browser signed in as `user` on a fresh emulator with `profile`, replacing the default harness. */
  async function signedInOn(profile: Profile, user = 'demo') {
    await harness.close();
    harness = await startHarnessFor(await startCloud({ profile }));
    const browser = new BrowserClient(harness.bff.url);
    expect((await browser.login(user, user)).status).toBe(201);
    return browser;
  }
  const features = async (browser: BrowserClient) =>
    (await (await browser.request('/api/capabilities')).json()).features;

  it("offers Huawei EVS's snapshot rollback on a cloud that has it, to members and readers alike", async () => {
    expect((await features(await signedInOn('huawei-evs'))).vendorRollback).toBe(true);
    const reader = new BrowserClient(harness.bff.url);
    await reader.login('reader', 'reader');
    expect((await features(reader)).vendorRollback).toBe(true);
  });

  it('does not offer it where the route is unknown (a bare webob 404)', async () => {
    expect((await features(await signedInOn('default', 'admin'))).vendorRollback).toBe(false);
  });

  it('asks the cloud once per endpoint and leaves nothing behind', async () => {
    const browser = await signedInOn('huawei-evs');
    const { faults } = harness.emulator.ctx;
    expect((await features(browser)).vendorRollback).toBe(true);
    // Armed after the first probe: a second probe would hit it and answer 503.
    faults.addHttpFault({ path: '/os-vendor-snapshots/', status: 503, remaining: 1 });
    const other = new BrowserClient(harness.bff.url);
    await other.login('alt_demo', 'alt_demo');
    expect((await features(other)).vendorRollback).toBe(true);
    expect((await features(browser)).vendorRollback).toBe(true);
    expect(faults.snapshot().http).toHaveLength(1);
    // The probe's POST cannot succeed: no volume changed state.
    const volumes = await (await browser.request('/api/cinder/volumes/detail')).json();
    expect(volumes.volumes.every((v: { status: string }) => !v.status.includes('rollback'))).toBe(true);
  });

  it('does not remember a probe the cloud could not answer', async () => {
    const browser = await signedInOn('huawei-evs');
    harness.emulator.ctx.faults.addHttpFault({ path: '/os-vendor-snapshots/', status: 503, remaining: 1 });
    expect((await features(browser)).vendorRollback).toBe(false);
    expect((await features(browser)).vendorRollback).toBe(true);
  });

  it('offers backups where the backups API answers, and not where policy refuses it', async () => {
    const browser = new BrowserClient(harness.bff.url);
    await browser.login('demo', 'demo');
    expect((await features(browser)).backupService).toBe(true);
    harness.emulator.ctx.faults.addHttpFault({ path: '/backups$', status: 403, remaining: 1 });
    const other = new BrowserClient(harness.bff.url);
    await other.login('alt_demo', 'alt_demo');
    expect((await features(other)).backupService).toBe(false);
  });

  it("falls back to the backups API for an admin when the cloud has no os-services (the emulator's case)", async () => {
    const admin = new BrowserClient(harness.bff.url);
    await admin.login('admin', 'admin');
    expect((await features(admin)).backupService).toBe(true);
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
