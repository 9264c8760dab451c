import { startEmulator, type RunningEmulator } from '@cinder-console/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { startBff, type RunningBff } from '../server.js';
import { cloudClient, type CloudClient } from '../test-support/cloud-client.js';
import { openEvents } from '../test-support/events.js';
import { BrowserClient } from '../test-support/harness.js';

// Changes made straight at the cloud, as with the `openstack` CLI: the BFF gets no hint of them.
// The full-list refresh (LIVE_SLOW_MS) is an hour here, so only the relay's cheap `updated_at`
// looks at the watch pace can find them.
let emulator: RunningEmulator;
let bff: RunningBff;
let browser: BrowserClient;
let cli: CloudClient;
let streams: Array<{ close(): void }>;

beforeEach(async () => {
  // Quick, except for an extend that stays in `extending` for many looks of the relay.
  emulator = await startEmulator({ port: 0, fast: true, durations: { extend: 150_000 } });
  bff = await startBff(
    loadConfig({
      OS_AUTH_URL: emulator.authUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      LIVE_FAST_MS: '200',
      LIVE_WATCH_MS: '300',
      LIVE_SLOW_MS: '3600000',
    }),
  );
  browser = new BrowserClient(bff.url);
  await browser.login('demo', 'demo');
  cli = await cloudClient(emulator.authUrl, 'demo');
  streams = [];
});
afterEach(async () => {
  for (const stream of streams) stream.close();
  await bff.close();
  await emulator.close();
});

async function listen(client = browser, allProjects = false) {
  const stream = await openEvents(client, { allProjects });
  streams.push(stream);
  await stream.positioned();
  return stream;
}

const TEN_MINUTES = 600_000;

describe('changes made outside the console', { timeout: 120_000 }, () => {
  it('reach the stream: create, rename, extend (extending, then available) and delete', async () => {
    const stream = await listen();
    const created = await cli.cinder('/volumes', { method: 'POST', body: { volume: { size: 1, name: 'cli-made' } } });
    expect(created.status).toBe(202);
    const id = ((await created.json()) as { volume: { id: string } }).volume.id;
    await stream.next((e) => e.id === id && 'status' in e && e.status === 'available', TEN_MINUTES);

    expect(
      (await cli.cinder(`/volumes/${id}`, { method: 'PUT', body: { volume: { name: 'cli-renamed' } } })).status,
    ).toBe(200);
    await stream.next((e) => e.id === id && 'resource' in e && e.resource.name === 'cli-renamed', TEN_MINUTES);

    const extend = await cli.cinder(`/volumes/${id}/action`, {
      method: 'POST',
      body: { 'os-extend': { new_size: 2 } },
    });
    expect(extend.status).toBe(202);
    await stream.next((e) => e.id === id && 'status' in e && e.status === 'extending', TEN_MINUTES);
    await stream.next(
      (e) => e.id === id && 'resource' in e && e.resource.size === 2 && e.status === 'available',
      TEN_MINUTES,
    );

    expect((await cli.cinder(`/volumes/${id}`, { method: 'DELETE' })).status).toBe(202);
    await stream.next((e) => e.id === id && 'deleted' in e, TEN_MINUTES);
  });

  it('reach the stream for snapshots and backups too: create, rename, delete (their looks are sorted by updated_at)', async () => {
    const stream = await listen();
    const volume = await cli.cinder('/volumes', { method: 'POST', body: { volume: { size: 1, name: 'cli-source' } } });
    const volumeId = ((await volume.json()) as { volume: { id: string } }).volume.id;
    await stream.next((e) => e.id === volumeId && 'status' in e && e.status === 'available', TEN_MINUTES);

    const snapshot = await cli.cinder('/snapshots', {
      method: 'POST',
      body: { snapshot: { volume_id: volumeId, name: 'cli-snap' } },
    });
    const snapshotId = ((await snapshot.json()) as { snapshot: { id: string } }).snapshot.id;
    await stream.next((e) => e.id === snapshotId && 'status' in e && e.status === 'available', TEN_MINUTES);
    await cli.cinder(`/snapshots/${snapshotId}`, { method: 'PUT', body: { snapshot: { name: 'cli-snap-renamed' } } });
    await stream.next(
      (e) => e.id === snapshotId && 'resource' in e && e.resource.name === 'cli-snap-renamed',
      TEN_MINUTES,
    );

    const backup = await cli.cinder('/backups', {
      method: 'POST',
      body: { backup: { volume_id: volumeId, name: 'cli-backup' } },
    });
    const backupId = ((await backup.json()) as { backup: { id: string } }).backup.id;
    await stream.next((e) => e.id === backupId && 'status' in e && e.status === 'available', TEN_MINUTES);

    expect((await cli.cinder(`/snapshots/${snapshotId}`, { method: 'DELETE' })).status).toBe(202);
    await stream.next((e) => e.id === snapshotId && 'deleted' in e, TEN_MINUTES);
    expect((await cli.cinder(`/backups/${backupId}`, { method: 'DELETE' })).status).toBe(202);
    await stream.next((e) => e.id === backupId && 'deleted' in e, TEN_MINUTES);
  });

  it("reach an admin's all-projects stream from another project, and never a member's", async () => {
    const admin = new BrowserClient(bff.url);
    await admin.login('admin', 'admin');
    const everyProject = await listen(admin, true);
    const demoOnly = await listen();
    const alt = await cloudClient(emulator.authUrl, 'alt_demo');
    const created = await alt.cinder('/volumes', { method: 'POST', body: { volume: { size: 1, name: 'alt-made' } } });
    const id = ((await created.json()) as { volume: { id: string } }).volume.id;
    const seen = await everyProject.next((e) => e.id === id && 'status' in e && e.status === 'available', TEN_MINUTES);
    expect(seen.event).toMatchObject({ kind: 'volume', resource: { name: 'alt-made' } });
    // The member's stream has looked since (its poller runs at the same pace) and says nothing of it.
    const mine = await cli.cinder('/volumes', { method: 'POST', body: { volume: { size: 1, name: 'demo-after' } } });
    const mineId = ((await mine.json()) as { volume: { id: string } }).volume.id;
    await demoOnly.next((e) => e.id === mineId, TEN_MINUTES);
    expect(demoOnly.received.some((r) => r.event.id === id)).toBe(false);
  });

  it('refuses an all-projects stream to a member', async () => {
    const response = await fetch(`${bff.url}/api/events?allProjects=1`, { headers: { Cookie: browser.cookie! } });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
  });
});
