import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { login, type Login } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { createSnapshot, createVolume, VolumeJanitor } from './contract/volumes-helpers.js';
import { waitForStatus } from './contract/wait.js';
import { call, expectFault, type Json, uniqueName } from './contract/http.js';

// The group calls the console's Groups, Group snapshots and Group types pages make, judged on both targets.
const MV = '3.25';
let target: ContractTarget;
let demo: Login;
let admin: Login;
let janitor: VolumeJanitor;
let groupTypeId: string;
let volumeTypeId: string;
let otherTypeId: string;
const groups: string[] = [];
const groupSnapshots: string[] = [];

beforeAll(async () => {
  target = await contractTarget();
  [demo, admin] = await Promise.all([login(target, 'demo'), login(target, 'admin')]);
  janitor = new VolumeJanitor(() => admin);
  const type = await call(
    'POST',
    `${admin.volumeUrl}/group_types`,
    admin.token,
    { group_type: { name: uniqueName('gt') } },
    MV,
  );
  groupTypeId = type.body.group_type.id;
  const vt = await call('POST', `${admin.volumeUrl}/types`, admin.token, { volume_type: { name: uniqueName('gvt') } });
  volumeTypeId = vt.body.volume_type.id;
  const other = await call('POST', `${admin.volumeUrl}/types`, admin.token, {
    volume_type: { name: uniqueName('gvt2') },
  });
  otherTypeId = other.body.volume_type.id;
});

/** Group snapshots first (a group with one cannot go), then groups with their volumes, then what the volumes left. */
afterEach(async () => {
  for (const id of groupSnapshots.splice(0)) {
    const url = `${admin.volumeUrl}/group_snapshots/${id}`;
    await call('POST', `${url}/action`, admin.token, { reset_status: { status: 'available' } }, MV);
    await call('DELETE', url, admin.token, undefined, MV);
    await waitForStatus(url, admin.token, ['deleted'], { microversion: MV, timeoutMs: 60_000 }).catch(() => undefined);
  }
  for (const id of groups.splice(0)) {
    const url = `${admin.volumeUrl}/groups/${id}`;
    await call('POST', `${url}/action`, admin.token, { delete: { 'delete-volumes': true } }, MV);
    await waitForStatus(url, admin.token, ['deleted'], { microversion: MV, timeoutMs: 60_000 }).catch(() => undefined);
  }
  await janitor.sweep();
});

afterAll(async () => {
  if (admin) {
    await call('DELETE', `${admin.volumeUrl}/group_types/${groupTypeId}`, admin.token, undefined, MV);
    await call('DELETE', `${admin.volumeUrl}/types/${volumeTypeId}`, admin.token);
    await call('DELETE', `${admin.volumeUrl}/types/${otherTypeId}`, admin.token);
  }
  await target?.close();
});

async function newGroup(who: Login = demo, name = uniqueName('group')): Promise<Json> {
  const reply = await call(
    'POST',
    `${who.volumeUrl}/groups`,
    who.token,
    { group: { name, group_type: groupTypeId, volume_types: [volumeTypeId] } },
    MV,
  );
  expect(reply.status, reply.text).toBe(202);
  groups.push(reply.body.group.id);
  return waitForStatus(`${who.volumeUrl}/groups/${reply.body.group.id}`, who.token, ['available'], {
    microversion: MV,
  });
}

const showGroup = async (who: Login, id: string) =>
  (await call('GET', `${who.volumeUrl}/groups/${id}?list_volume=true`, who.token, undefined, MV)).body.group;

async function newGroupSnapshot(who: Login, groupId: string): Promise<string> {
  const reply = await call(
    'POST',
    `${who.volumeUrl}/group_snapshots`,
    who.token,
    { group_snapshot: { group_id: groupId, name: uniqueName('gs') } },
    MV,
  );
  expect(reply.status, reply.text).toBe(202);
  const id = reply.body.group_snapshot.id as string;
  groupSnapshots.push(id);
  await waitForStatus(`${who.volumeUrl}/group_snapshots/${id}`, who.token, ['available'], {
    microversion: MV,
    timeoutMs: 60_000,
  });
  return id;
}

describe('Groups as the console uses them', () => {
  it('a member adds a volume to a group and removes it again; a volume of a type the group lacks is refused', async () => {
    const group = await newGroup();
    const volume = await createVolume(demo, janitor, { size: 1, volume_type: volumeTypeId });
    const wrong = await createVolume(demo, janitor, { size: 1, volume_type: otherTypeId });
    const url = `${demo.volumeUrl}/groups/${group.id}`;
    const refused = await call('PUT', url, demo.token, { group: { add_volumes: wrong.id } }, MV);
    expectFault(refused, 400, /volume type .* is not supported by the group/);
    const added = await call('PUT', url, demo.token, { group: { add_volumes: volume.id } }, MV);
    expect(added.status, added.text).toBe(202);
    await waitForStatus(url, demo.token, ['available'], { microversion: MV });
    expect((await showGroup(demo, group.id)).volumes).toEqual([volume.id]);
    const removed = await call('PUT', url, demo.token, { group: { remove_volumes: volume.id } }, MV);
    expect(removed.status, removed.text).toBe(202);
    await waitForStatus(url, demo.token, ['available'], { microversion: MV });
    expect((await showGroup(demo, group.id)).volumes).toEqual([]);
    const empty = await call('PUT', url, demo.token, { group: {} }, MV);
    expect(empty.status).toBe(400);
  }, 300_000);

  it('creates a group from a group snapshot and from another group, one new volume per source volume', async () => {
    const group = await newGroup();
    await createVolume(demo, janitor, { size: 1, volume_type: volumeTypeId, group_id: group.id }, MV);
    const snapshotId = await newGroupSnapshot(demo, group.id);
    const detail = (await call('GET', `${demo.volumeUrl}/group_snapshots/${snapshotId}`, demo.token, undefined, MV))
      .body.group_snapshot;
    expect(detail).toMatchObject({ group_id: group.id, group_type_id: groupTypeId, status: 'available' });
    for (const source of [{ group_snapshot_id: snapshotId }, { source_group_id: group.id }]) {
      const reply = await call(
        'POST',
        `${demo.volumeUrl}/groups/action`,
        demo.token,
        { 'create-from-src': { name: uniqueName('clone'), ...source } },
        MV,
      );
      expect(reply.status, reply.text).toBe(202);
      groups.unshift(reply.body.group.id);
      await waitForStatus(`${demo.volumeUrl}/groups/${reply.body.group.id}`, demo.token, ['available'], {
        microversion: MV,
        timeoutMs: 120_000,
      });
      const clone = await showGroup(demo, reply.body.group.id);
      expect(clone.volumes).toHaveLength(1);
      expect(clone.group_type).toBe(groupTypeId);
      for (const id of clone.volumes) janitor.track(demo, id);
    }
    const both = await call(
      'POST',
      `${demo.volumeUrl}/groups/action`,
      demo.token,
      { 'create-from-src': { group_snapshot_id: snapshotId, source_group_id: group.id } },
      MV,
    );
    expect(both.status).toBe(400);
  }, 300_000);

  it('refuses to delete a group with a group snapshot, and without delete-volumes one that has volumes', async () => {
    const group = await newGroup();
    await createVolume(demo, janitor, { size: 1, volume_type: volumeTypeId, group_id: group.id }, MV);
    const url = `${demo.volumeUrl}/groups/${group.id}/action`;
    const withVolumes = await call('POST', url, demo.token, { delete: { 'delete-volumes': false } }, MV);
    expectFault(withVolumes, 400, /delete-volumes flag is required/);
    const snapshotId = await newGroupSnapshot(demo, group.id);
    const withSnapshot = await call('POST', url, demo.token, { delete: { 'delete-volumes': true } }, MV);
    expect(withSnapshot.status).toBe(400);
    expect(
      (await call('DELETE', `${demo.volumeUrl}/group_snapshots/${snapshotId}`, demo.token, undefined, MV)).status,
    ).toBe(202);
    await waitForStatus(`${demo.volumeUrl}/group_snapshots/${snapshotId}`, demo.token, ['deleted'], {
      microversion: MV,
      timeoutMs: 60_000,
    });
    const deleted = await call('POST', url, demo.token, { delete: { 'delete-volumes': true } }, MV);
    expect(deleted.status, deleted.text).toBe(202);
    await waitForStatus(`${demo.volumeUrl}/groups/${group.id}`, demo.token, ['deleted'], {
      microversion: MV,
      timeoutMs: 60_000,
    });
  }, 300_000);

  it('refuses to delete with its volumes a group whose volume has a snapshot of its own', async () => {
    const group = await newGroup();
    const volume = await createVolume(demo, janitor, { size: 1, volume_type: volumeTypeId, group_id: group.id }, MV);
    const snapshot = await createSnapshot(demo, volume.id);
    const url = `${demo.volumeUrl}/groups/${group.id}/action`;
    const refused = await call('POST', url, demo.token, { delete: { 'delete-volumes': true } }, MV);
    expectFault(refused, 400, /dependent snapshots/);
    await call('DELETE', `${demo.volumeUrl}/snapshots/${snapshot.id}`, demo.token);
    await waitForStatus(`${demo.volumeUrl}/snapshots/${snapshot.id}`, demo.token, ['deleted']);
  }, 300_000);

  it('refuses a group snapshot of an empty group', async () => {
    const group = await newGroup();
    const reply = await call(
      'POST',
      `${demo.volumeUrl}/group_snapshots`,
      demo.token,
      { group_snapshot: { group_id: group.id } },
      MV,
    );
    expectFault(
      reply,
      400,
      "Invalid Group: Source group cannot be empty or in 'creating' or 'updating' state. No group snapshot will be created.",
    );
  });

  it('an admin resets the status of a group (3.20) and of a group snapshot (3.19); a member may not', async () => {
    const group = await newGroup();
    await createVolume(demo, janitor, { size: 1, volume_type: volumeTypeId, group_id: group.id }, MV);
    const snapshotId = await newGroupSnapshot(demo, group.id);
    const groupAction = `${demo.volumeUrl}/groups/${group.id}/action`;
    const snapshotAction = `${demo.volumeUrl}/group_snapshots/${snapshotId}/action`;
    expect((await call('POST', groupAction, demo.token, { reset_status: { status: 'error' } }, MV)).status).toBe(403);
    expect((await call('POST', snapshotAction, demo.token, { reset_status: { status: 'error' } }, MV)).status).toBe(
      403,
    );
    const adminGroup = `${admin.volumeUrl}/groups/${group.id}`;
    const adminSnapshot = `${admin.volumeUrl}/group_snapshots/${snapshotId}`;
    expect(
      (await call('POST', `${adminGroup}/action`, admin.token, { reset_status: { status: 'error' } }, MV)).status,
    ).toBe(202);
    await waitForStatus(adminGroup, admin.token, ['error'], { microversion: MV });
    const snapshotReset = await call(
      'POST',
      `${adminSnapshot}/action`,
      admin.token,
      { reset_status: { status: 'error' } },
      MV,
    );
    expect(snapshotReset.status).toBe(202);
    await waitForStatus(adminSnapshot, admin.token, ['error'], { microversion: MV });
    const bogus = await call('POST', `${adminGroup}/action`, admin.token, { reset_status: { status: 'bogus' } }, MV);
    expect(bogus.status).toBe(400);
    // Back to available, so the clean-up can delete them.
    await call('POST', `${adminGroup}/action`, admin.token, { reset_status: { status: 'available' } }, MV);
  }, 300_000);

  it('group types: an admin updates one and its specs; a member sees public ones without specs', async () => {
    const name = uniqueName('gt-upd');
    const url = `${admin.volumeUrl}/group_types/${groupTypeId}`;
    const updated = await call('PUT', url, admin.token, { group_type: { name, description: 'changed' } }, MV);
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body.group_type).toMatchObject({ name, description: 'changed' });
    const specs = await call('POST', `${url}/group_specs`, admin.token, { group_specs: { flavour: 'fast' } }, MV);
    expect(specs.body.group_specs).toEqual({ flavour: 'fast' });
    const listed = await call('GET', `${demo.volumeUrl}/group_types`, demo.token, undefined, MV);
    const seen = listed.body.group_types.find((t: { id: string }) => t.id === groupTypeId);
    expect(seen).toBeDefined();
    expect(seen.group_specs).toBeUndefined();
    expect((await call('DELETE', `${url}/group_specs/flavour`, admin.token, undefined, MV)).status).toBe(202);
    expect((await call('GET', `${url}/group_specs`, admin.token, undefined, MV)).body.group_specs).toEqual({});
    expect(
      (await call('POST', `${demo.volumeUrl}/group_types`, demo.token, { group_type: { name: 'x' } }, MV)).status,
    ).toBe(403);
  }, 120_000);

  it('below 3.13 the groups API is not there', async () => {
    const reply = await call('GET', `${demo.volumeUrl}/groups/detail`, demo.token, undefined, '3.12');
    expect(reply.status).toBe(404);
  });
});
