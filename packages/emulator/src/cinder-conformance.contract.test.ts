import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { login, type Login } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { createSnapshot, createVolume, VolumeJanitor } from './contract/volumes-helpers.js';
import { waitForStatus } from './contract/wait.js';
import { call, expectFault, policyDenied, uniqueName } from './contract/http.js';

// What Tempest's volume API tests found the emulator doing differently from Zed, judged on both targets.
let target: ContractTarget;
let demo: Login;
let admin: Login;
let janitor: VolumeJanitor;
beforeAll(async () => {
  target = await contractTarget();
  [demo, admin] = await Promise.all([login(target, 'demo'), login(target, 'admin')]);
  janitor = new VolumeJanitor(() => admin);
});
afterEach(() => janitor.sweep());
afterAll(() => target?.close());

const fresh = (who: Login = demo, volume: Record<string, unknown> = {}) =>
  createVolume(who, janitor, { size: 1, name: uniqueName('conformance'), ...volume });

describe('Cinder request parsing', () => {
  it('takes cascade=True as a cascade and refuses a value that is not a boolean, naming the parameter', async () => {
    const volume = await fresh();
    await createSnapshot(demo, volume.id);
    const bogus = await call('DELETE', `${demo.volumeUrl}/volumes/${volume.id}?cascade=maybe`, demo.token);
    expectFault(bogus, 400, "Value 'maybe' for 'cascade' is not a boolean.");
    const deleted = await call('DELETE', `${demo.volumeUrl}/volumes/${volume.id}?cascade=True`, demo.token);
    expect(deleted.status).toBe(202);
    await waitForStatus(`${demo.volumeUrl}/volumes/${volume.id}`, demo.token, ['deleted']);
  });

  it('answers GET /volumes/ (a trailing slash, no id) with a bare 404, not the list', async () => {
    const reply = await call('GET', `${demo.volumeUrl}/volumes/`, demo.token);
    expect(reply.status).toBe(404);
    expect(reply.text).toContain('The resource could not be found.');
  });
});

describe('os-update_snapshot_status', () => {
  it("is a member's action from creating, storing the progress", async () => {
    const volume = await fresh();
    const snapshot = await createSnapshot(demo, volume.id);
    const url = `${demo.volumeUrl}/snapshots/${snapshot.id}`;
    const fromAvailable = await call('POST', `${url}/action`, demo.token, {
      'os-update_snapshot_status': { status: 'error' },
    });
    expectFault(fromAvailable, 400, 'Snapshot status available not allowed for update_snapshot_status');
    const reset = await call('POST', `${admin.volumeUrl}/snapshots/${snapshot.id}/action`, admin.token, {
      'os-reset_status': { status: 'creating' },
    });
    expect(reset.status).toBe(202);
    const update = await call('POST', `${url}/action`, demo.token, {
      'os-update_snapshot_status': { status: 'available', progress: '80%' },
    });
    expect(update.status).toBe(202);
    const shown = await call('GET', url, demo.token);
    expect(shown.body.snapshot).toMatchObject({
      status: 'available',
      'os-extended-snapshot-attributes:progress': '80%',
    });
  });
});

describe('Scheduling', () => {
  it('puts a volume of a type no backend satisfies in error, with a user message', async () => {
    const type = await call('POST', `${admin.volumeUrl}/types`, admin.token, {
      volume_type: { name: uniqueName('unsatisfiable'), extra_specs: { vendor_name: 'No Such Vendor' } },
    });
    expect(type.status).toBe(200);
    const typeId = type.body.volume_type.id;
    try {
      const created = await call('POST', `${admin.volumeUrl}/volumes`, admin.token, {
        volume: { size: 1, volume_type: typeId },
      });
      expect(created.status).toBe(202);
      const id = created.body.volume.id;
      janitor.track(admin, id);
      const volume = await waitForStatus(`${admin.volumeUrl}/volumes/${id}`, admin.token, ['available', 'error']);
      expect(volume!.status).toBe('error');
      const messages = await call(
        'GET',
        `${admin.volumeUrl}/messages?resource_uuid=${id}`,
        admin.token,
        undefined,
        '3.5',
      );
      expect(messages.body.messages[0].user_message).toBe(
        'schedule allocate volume:Could not find any available weighted backend.',
      );
      await janitor.sweep();
    } finally {
      await call('DELETE', `${admin.volumeUrl}/types/${typeId}`, admin.token);
    }
  });
});

describe('Backups', () => {
  it('restores the source volume metadata onto the new volume', async () => {
    const volume = await fresh(demo, { metadata: { 'vol-meta1': 'value1' } });
    const created = await call('POST', `${demo.volumeUrl}/backups`, demo.token, { backup: { volume_id: volume.id } });
    expect(created.status).toBe(202);
    const backupUrl = `${demo.volumeUrl}/backups/${created.body.backup.id}`;
    await waitForStatus(backupUrl, demo.token, ['available'], { timeoutMs: 120_000 });
    try {
      const restore = await call('POST', `${backupUrl}/restore`, demo.token, { restore: {} });
      expect(restore.status).toBe(202);
      const restoredId = restore.body.restore.volume_id;
      janitor.track(demo, restoredId);
      const restored = await waitForStatus(`${demo.volumeUrl}/volumes/${restoredId}`, demo.token, ['available'], {
        timeoutMs: 120_000,
      });
      expect(restored!.metadata).toMatchObject({ 'vol-meta1': 'value1' });
      await waitForStatus(backupUrl, demo.token, ['available'], { timeoutMs: 120_000 });
    } finally {
      await call('DELETE', backupUrl, demo.token);
      await waitForStatus(backupUrl, demo.token, ['deleted'], { timeoutMs: 120_000 });
    }
  }, 300_000);

  it('takes the parent of an incremental backup only from the caller’s project', async () => {
    const volume = await fresh();
    const full = await call('POST', `${demo.volumeUrl}/backups`, demo.token, { backup: { volume_id: volume.id } });
    const backupUrl = `${demo.volumeUrl}/backups/${full.body.backup.id}`;
    await waitForStatus(backupUrl, demo.token, ['available'], { timeoutMs: 120_000 });
    try {
      const incremental = await call('POST', `${admin.volumeUrl}/backups`, admin.token, {
        backup: { volume_id: volume.id, incremental: true },
      });
      expectFault(incremental, 400, 'Invalid backup: No backups available to do an incremental backup.');
    } finally {
      await call('DELETE', backupUrl, demo.token);
      await waitForStatus(backupUrl, demo.token, ['deleted'], { timeoutMs: 120_000 });
    }
  }, 300_000);
});

describe('Admin views of the deployment', () => {
  it('lists the services, filters them by binary, and refuses a member', async () => {
    const all = await call('GET', `${admin.volumeUrl}/os-services`, admin.token, undefined, '3.70');
    expect(all.status).toBe(200);
    // One cinder-volume per backend: the emulator and the rig both run two.
    const binaries = [...new Set(all.body.services.map((s: { binary: string }) => s.binary))].sort();
    expect(binaries).toEqual(['cinder-backup', 'cinder-scheduler', 'cinder-volume']);
    const volume = all.body.services.find((s: { binary: string }) => s.binary === 'cinder-volume');
    expect(Object.keys(volume)).toEqual([
      'binary',
      'host',
      'zone',
      'status',
      'state',
      'updated_at',
      'backend_state',
      'cluster',
      'disabled_reason',
      'replication_status',
      'active_backend_id',
      'frozen',
    ]);
    const filtered = await call('GET', `${admin.volumeUrl}/os-services?binary=cinder-volume`, admin.token);
    expect(filtered.body.services.length).toBeGreaterThanOrEqual(2);
    expect(filtered.body.services.every((s: { binary: string }) => s.binary === 'cinder-volume')).toBe(true);
    expectFault(
      await call('GET', `${demo.volumeUrl}/os-services`, demo.token),
      403,
      policyDenied('volume_extension:services:index'),
    );
  });

  it('refuses to enable an unknown service and to freeze an unknown host', async () => {
    const enable = await call('PUT', `${admin.volumeUrl}/os-services/enable`, admin.token, {
      host: 'no-such-host',
      binary: 'cinder-volume',
    });
    expectFault(enable, 404, 'Service cinder-volume could not be found on host no-such-host.');
    const freeze = await call('PUT', `${admin.volumeUrl}/os-services/freeze`, admin.token, { host: 'no-such-host' });
    expectFault(freeze, 400, 'No service found with host=no-such-host');
    const unknown = await call('PUT', `${admin.volumeUrl}/os-services/bogus`, admin.token, { host: 'x' });
    expectFault(unknown, 400, 'Invalid input received: Unknown action');
  });

  it('shows the pools and the capabilities of the volume backend', async () => {
    const pools = await call('GET', `${admin.volumeUrl}/scheduler-stats/get_pools?detail=true`, admin.token);
    expect(pools.status).toBe(200);
    const pool = pools.body.pools[0];
    expect(pool.name).toMatch(/^[^@]+@[^#]+#.+$/);
    expect(pool.capabilities).toMatchObject({ vendor_name: expect.any(String), storage_protocol: expect.any(String) });
    const host = pool.name.split('#')[0];
    const capabilities = await call('GET', `${admin.volumeUrl}/capabilities/${host}`, admin.token);
    expect(capabilities.body).toMatchObject({
      namespace: `OS::Storage::Capabilities::${host}`,
      vendor_name: pool.capabilities.vendor_name,
      storage_protocol: pool.capabilities.storage_protocol,
    });
    expectFault(
      await call('GET', `${admin.volumeUrl}/capabilities/nohost`, admin.token),
      404,
      "Can't find service: nohost",
    );
  });

  it('answers /limits with the caller’s quota and /extensions with the extension list', async () => {
    const limits = await call('GET', `${demo.volumeUrl}/limits`, demo.token);
    expect(limits.body.limits.rate).toEqual([]);
    expect(Object.keys(limits.body.limits.absolute).sort()).toEqual(
      [
        'maxTotalBackupGigabytes',
        'maxTotalBackups',
        'maxTotalSnapshots',
        'maxTotalVolumeGigabytes',
        'maxTotalVolumes',
        'totalBackupGigabytesUsed',
        'totalBackupsUsed',
        'totalGigabytesUsed',
        'totalSnapshotsUsed',
        'totalVolumesUsed',
      ].sort(),
    );
    const extensions = await call('GET', `${demo.volumeUrl}/extensions`, demo.token);
    expect(extensions.body.extensions.map((e: { alias: string }) => e.alias)).toContain('os-admin-actions');
  });
});

describe('Generic volume groups', () => {
  it('creates a group type with specs, a group with a volume, and a group snapshot', async () => {
    const mv = '3.20';
    const groupType = await call(
      'POST',
      `${admin.volumeUrl}/group_types`,
      admin.token,
      {
        group_type: { name: uniqueName('gt'), group_specs: { key1: 'value1' } },
      },
      mv,
    );
    expect(groupType.status).toBe(202);
    const groupTypeId = groupType.body.group_type.id;
    const volumeType = await call('POST', `${admin.volumeUrl}/types`, admin.token, {
      volume_type: { name: uniqueName('group-vt') },
    });
    const volumeTypeId = volumeType.body.volume_type.id;
    try {
      const group = await call(
        'POST',
        `${admin.volumeUrl}/groups`,
        admin.token,
        {
          group: { name: 'contract-group', group_type: groupTypeId, volume_types: [volumeTypeId] },
        },
        mv,
      );
      expect(group.status).toBe(202);
      expect(Object.keys(group.body.group).sort()).toEqual(['id', 'name']);
      const groupUrl = `${admin.volumeUrl}/groups/${group.body.group.id}`;
      await waitForStatus(groupUrl, admin.token, ['available'], { microversion: mv });
      const volume = await createVolume(
        admin,
        janitor,
        { size: 1, volume_type: volumeTypeId, group_id: group.body.group.id },
        mv,
      );
      expect(
        (await call('GET', `${admin.volumeUrl}/volumes/${volume.id}`, admin.token, undefined, mv)).body.volume.group_id,
      ).toBe(group.body.group.id);
      const snapshot = await call(
        'POST',
        `${admin.volumeUrl}/group_snapshots`,
        admin.token,
        {
          group_snapshot: { group_id: group.body.group.id, name: 'contract-gs' },
        },
        mv,
      );
      expect(snapshot.status).toBe(202);
      expect(Object.keys(snapshot.body.group_snapshot).sort()).toEqual(['group_type_id', 'id', 'name']);
      const snapshotUrl = `${admin.volumeUrl}/group_snapshots/${snapshot.body.group_snapshot.id}`;
      await waitForStatus(snapshotUrl, admin.token, ['available'], { microversion: mv });
      const refused = await call(
        'POST',
        `${groupUrl}/action`,
        admin.token,
        { delete: { 'delete-volumes': false } },
        mv,
      );
      expect(refused.status).toBe(400);
      expect((await call('DELETE', snapshotUrl, admin.token, undefined, mv)).status).toBe(202);
      await waitForStatus(snapshotUrl, admin.token, ['deleted'], { microversion: mv, timeoutMs: 60_000 });
      const deleted = await call('POST', `${groupUrl}/action`, admin.token, { delete: { 'delete-volumes': true } }, mv);
      expect(deleted.status).toBe(202);
      await waitForStatus(groupUrl, admin.token, ['deleted'], { microversion: mv, timeoutMs: 60_000 });
    } finally {
      await call('DELETE', `${admin.volumeUrl}/types/${volumeTypeId}`, admin.token);
      await call('DELETE', `${admin.volumeUrl}/group_types/${groupTypeId}`, admin.token, undefined, mv);
    }
  }, 300_000);
});
