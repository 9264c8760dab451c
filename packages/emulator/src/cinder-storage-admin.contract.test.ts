import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { login, type Login } from './contract/client.js';
import { Cinder, TEST_TIMEOUT } from './contract/storage-helpers.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { call, fault, policyFault, uniqueName } from './contract/http.js';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

/**
 * The admin's storage calls of issue #20 on a deployment with two volume backends (the emulator's
 * `lvmdriver-1`/`-2`, the rig's `localfile`/`localfile2`): migrate between them, unmanage and
 * manage again, the manageable lists, and snapshot force delete.
 */
let target: ContractTarget;
let admin: Login;
let demo: Login;
let cinder: Cinder;
let member: Cinder;
beforeAll(async () => {
  target = await contractTarget();
  admin = await login(target, 'admin');
  demo = await login(target, 'demo');
  cinder = new Cinder(admin, admin);
  member = new Cinder(demo, admin);
});
afterEach(async () => {
  await cinder.cleanup();
  await member.cleanup();
});
afterAll(() => target?.close());

const MV = '3.70';
const asAdmin = (method: string, path: string, body?: unknown) =>
  call(method, `${admin.volumeUrl}${path}`, admin.token, body, MV);

/** volume/api.py refuses every unmet condition of a migration with one message. */
const refused = (id: string) =>
  `Invalid volume: Volume ${id} status must be available or in-use, must not be migrating, have snapshots, be replicated, be part of a group and destination host/cluster must be different than the current one`;

async function pools(): Promise<string[]> {
  const answer = await asAdmin('GET', '/scheduler-stats/get_pools');
  expect(answer.status).toBe(200);
  return answer.body.pools.map((p: { name: string }) => p.name).sort();
}

async function hostOf(volumeId: string): Promise<string> {
  const shown = await asAdmin('GET', `/volumes/${volumeId}`);
  return shown.body.volume['os-vol-host-attr:host'];
}

/** Waits until the volume's migration has ended (success or error), returning the volume. */
async function migrationEnd(volumeId: string) {
  for (let i = 0; i < 600; i += 1) {
    const volume = (await asAdmin('GET', `/volumes/${volumeId}`)).body.volume;
    if (['success', 'error'].includes(volume.migration_status)) return volume;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`migration of ${volumeId} did not end`);
}

describe('Two volume backends', () => {
  it('has a pool and a cinder-volume service for each backend', async () => {
    const names = await pools();
    expect(names.length).toBeGreaterThanOrEqual(2);
    const services = (await asAdmin('GET', '/os-services?binary=cinder-volume')).body.services;
    for (const name of names) expect(services.map((s: { host: string }) => s.host)).toContain(name.split('#')[0]);
  });
});

describe('Volume migration (os-migrate_volume)', () => {
  it('moves an available volume to the other pool, locked in maintenance while it runs', async () => {
    const id = await cinder.volume(1);
    const from = await hostOf(id);
    const to = (await pools()).find((p) => p.split('#')[0] !== from.split('#')[0])!;
    const answer = await asAdmin('POST', `/volumes/${id}/action`, {
      'os-migrate_volume': { host: to, force_host_copy: false, lock_volume: true },
    });
    expect(answer.status).toBe(202);
    const shown = (await asAdmin('GET', `/volumes/${id}`)).body.volume;
    expect(['starting', 'migrating', 'success']).toContain(shown.migration_status);
    const done = await migrationEnd(id);
    expect(done.migration_status).toBe('success');
    expect(done['os-vol-host-attr:host']).toBe(to);
    await cinder.waitFor(`/volumes/${id}`, ['available']);
  });

  it("refuses the volume's own backend, an unknown host, a volume with snapshots and a member", async () => {
    const id = await cinder.volume(1);
    const own = await hostOf(id);
    expect((await asAdmin('POST', `/volumes/${id}/action`, { 'os-migrate_volume': { host: own } })).body).toEqual(
      fault(400, refused(id)),
    );
    const unknown = await asAdmin('POST', `/volumes/${id}/action`, { 'os-migrate_volume': { host: 'nowhere@none' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.badRequest.message).toMatch(/^Invalid host: No available service named/);
    const mine = await member.volume(1);
    expect((await member.post(`/volumes/${mine}/action`, { 'os-migrate_volume': { host: own } })).body).toEqual(
      policyFault('volume_extension:volume_admin_actions:migrate_volume'),
    );
    await cinder.snapshot(id);
    const other = (await pools()).find((p) => p.split('#')[0] !== own.split('#')[0])!;
    expect((await asAdmin('POST', `/volumes/${id}/action`, { 'os-migrate_volume': { host: other } })).body).toEqual(
      fault(400, refused(id)),
    );
  });
});

describe('Manage and unmanage', () => {
  it('unmanages a volume, lists it as manageable on its backend, and manages it back', async () => {
    const id = await cinder.volume(1);
    const host = await hostOf(id);
    const unmanage = await asAdmin('POST', `/volumes/${id}/action`, { 'os-unmanage': {} });
    expect(unmanage.status).toBe(202);
    await cinder.waitFor(`/volumes/${id}`, ['deleted']);
    const backend = host.split('#')[0]!;
    const listed = await asAdmin('GET', `/manageable_volumes/detail?host=${encodeURIComponent(backend)}`);
    expect(listed.status).toBe(200);
    const row = listed.body['manageable-volumes'].find(
      (v: { reference: Record<string, string> }) => v.reference['source-name'] === `volume-${id}`,
    );
    expect(row).toMatchObject({ size: 1, safe_to_manage: true, cinder_id: null });

    const name = uniqueName('contract-managed');
    const managed = await asAdmin('POST', '/manageable_volumes', {
      volume: { host, ref: { 'source-name': `volume-${id}` }, name },
    });
    expect(managed.status).toBe(202);
    expect(managed.body.volume).toMatchObject({ name, status: 'creating' });
    const newId = cinder.track('volumes', managed.body.volume.id);
    const volume = await cinder.waitFor(`/volumes/${newId}`, ['available', 'error']);
    expect(volume).toMatchObject({ status: 'available', size: 1 });
  });

  it('refuses a list without a host and a member', async () => {
    const none = await asAdmin('GET', '/manageable_volumes');
    expect(none.body).toEqual(fault(400, 'Invalid input received: One and only one of cluster and host must be set.'));
    const host = (await pools())[0]!.split('#')[0]!;
    const member = await call('GET', `${demo.volumeUrl}/manageable_volumes?host=${host}`, demo.token, undefined, MV);
    expect(member.body).toEqual(policyFault('volume_extension:list_manageable'));
  });
});

describe('Snapshot force delete (os-force_delete)', () => {
  it('deletes a snapshot in any status for an admin and refuses a member', async () => {
    const volumeId = await member.volume(1);
    const snapshotId = await member.snapshot(volumeId);
    expect((await member.post(`/snapshots/${snapshotId}/action`, { 'os-force_delete': {} })).body).toEqual(
      policyFault('volume_extension:snapshot_admin_actions:force_delete'),
    );
    await asAdmin('POST', `/snapshots/${snapshotId}/action`, { 'os-reset_status': { status: 'creating' } });
    const forced = await asAdmin('POST', `/snapshots/${snapshotId}/action`, { 'os-force_delete': {} });
    expect(forced.status).toBe(202);
    await member.waitFor(`/snapshots/${snapshotId}`, ['deleted']);
  });
});
