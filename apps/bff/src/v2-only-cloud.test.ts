/**
 * The console on a cloud that serves only Cinder's v2 API (the emulator's `--v2-only` with the
 * huawei-evs profile, as a vendor's v2 cloud): the BFF must find `volumev2` in the catalog, speak
 * v2 (no microversion header, no microversioned features) and still offer what v2 and the vendor have.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCloud, startHarnessFor } from './test-support/cloud-harness.js';
import { BrowserClient, type Harness } from './test-support/harness.js';

/** Cloud operations take milliseconds with `fast`; a busy machine needs far longer. */
const STATE_WAIT = { timeout: 60_000, interval: 100 };
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

let harness: Harness;
let demo: BrowserClient;
beforeAll(async () => {
  harness = await startHarnessFor(await startCloud({ v2Only: true, profile: 'huawei-evs' }));
  demo = new BrowserClient(harness.bff.url);
  expect((await demo.login('demo', 'demo')).status).toBe(201);
});
afterAll(() => harness.close());

async function json(path: string, init: Parameters<BrowserClient['request']>[1] = {}) {
  const response = await demo.request(path, init);
  return { response, body: await response.json() };
}

async function waitForStatus(kind: 'volumes' | 'snapshots', id: string, status: string) {
  await vi.waitFor(async () => {
    const { body } = await json(`/api/cinder/${kind}/${id}`);
    expect(body[kind.slice(0, -1)].status).toBe(status);
  }, STATE_WAIT);
}

async function newVolume(name: string): Promise<string> {
  const { response, body } = await json('/api/cinder/volumes', { method: 'POST', body: { volume: { size: 1, name } } });
  expect(response.status).toBe(202);
  await waitForStatus('volumes', body.volume.id, 'available');
  return body.volume.id;
}

describe('a v2-only cloud', () => {
  it('is found from the catalog: the session speaks v2 with no microversion', async () => {
    const { body } = await json('/api/session');
    expect(body.volumeApi).toEqual({ major: 2, microversion: null });
  });

  it('offers no microversioned feature, but the vendor rollback, backups and the 7-snapshot limit', async () => {
    const { body } = await json('/api/capabilities');
    expect(body.volumeApi).toEqual({ major: 2, microversion: null });
    expect(body.features).toEqual({
      messages: false,
      revert: false,
      extendInUse: false,
      withCount: false,
      volumeFromBackup: false,
      updatedAtFilter: false,
      defaultTypes: false,
      snapshotInUseWithoutForce: false,
      images: true,
      compute: true,
      vendorRollback: true,
      backupService: true,
      snapshotsPerVolume: 7,
    });
  });

  it('proxies to /v2 without a microversion header and rewrites v2 links to the console', async () => {
    const { response, body } = await json('/api/cinder/volumes?limit=1', {
      headers: { 'OpenStack-API-Version': 'volume 3.70' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('openstack-api-version')).toBeNull();
    expect(body.volumes).toHaveLength(1);
    const href = body.volumes_links?.[0]?.href ?? body.volumes[0].links[0].href;
    expect(href).toContain(`${harness.bff.url}/api/cinder/`);
    expect(href).not.toContain('/v2/');
  });

  it('rolls a volume back to an older snapshot through the vendor API', async () => {
    const volumeId = await newVolume('v2-rollback');
    const snapshotIds: string[] = [];
    for (const name of ['older', 'newer']) {
      const { body } = await json('/api/cinder/snapshots', {
        method: 'POST',
        body: { snapshot: { volume_id: volumeId, name } },
      });
      snapshotIds.push(body.snapshot.id);
      await waitForStatus('snapshots', body.snapshot.id, 'available');
    }
    const rollback = await json(`/api/cinder/os-vendor-snapshots/${snapshotIds[0]}/rollback`, {
      method: 'POST',
      body: { rollback: { volume_id: volumeId } },
    });
    expect(rollback.response.status).toBe(202);
    await waitForStatus('volumes', volumeId, 'available');
  });

  it("refuses an eighth snapshot of one volume with the cloud's own message in the envelope", async () => {
    const volumeId = await newVolume('v2-seven-snapshots');
    for (let i = 1; i <= 7; i++) {
      const { response, body } = await json('/api/cinder/snapshots', {
        method: 'POST',
        body: { snapshot: { volume_id: volumeId, name: `s${i}` } },
      });
      expect(response.status).toBe(202);
      await waitForStatus('snapshots', body.snapshot.id, 'available');
    }
    const eighth = await json('/api/cinder/snapshots', {
      method: 'POST',
      body: { snapshot: { volume_id: volumeId, name: 's8' } },
    });
    expect(eighth.response.status).toBe(400);
    expect(eighth.body.error).toMatchObject({
      status: 400,
      upstream: 'cinder',
      message: `Invalid volume: Volume ${volumeId} already has 7 snapshots, the most this cloud allows.`,
    });
  });
});

describe('a Zed cloud', () => {
  it('has no per-volume snapshot limit to show', async () => {
    const zed = await startHarnessFor(await startCloud());
    try {
      const browser = new BrowserClient(zed.bff.url);
      await browser.login('demo', 'demo');
      const { features } = await (await browser.request('/api/capabilities')).json();
      expect(features).toMatchObject({ messages: true, snapshotsPerVolume: null });
    } finally {
      await zed.close();
    }
  });
});
