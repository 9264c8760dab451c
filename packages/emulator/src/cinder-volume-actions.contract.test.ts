import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { login, type Login } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import {
  adminAction,
  catalogUrl,
  createSnapshot,
  createVolume,
  NEXT_SECOND_MS,
  settle,
  UPLOAD_IMAGE_KEYS_3_1,
  VolumeJanitor,
  waitForImage,
} from './contract/volumes-helpers.js';
import { waitForStatus } from './contract/wait.js';
import { call, expectFault, policyDenied, uniqueName } from './contract/http.js';

let target: ContractTarget;
let demo: Login;
let admin: Login;
let janitor: VolumeJanitor;
beforeAll(async () => {
  target = await contractTarget();
  [demo, admin] = await Promise.all([login(target, 'demo'), login(target, 'admin')]);
  janitor = new VolumeJanitor(() => admin);
});
// Volumes count against the project's quota (10 by default) until they are gone: clean up per test.
afterEach(() => janitor.sweep());
afterAll(() => target?.close());

const fresh = (size = 1) => createVolume(demo, janitor, { size, name: uniqueName('actions') });
const act = (id: string, action: Record<string, unknown>, microversion?: string) =>
  call('POST', `${demo.volumeUrl}/volumes/${id}/action`, demo.token, action, microversion);
const show = async (id: string) => (await call('GET', `${demo.volumeUrl}/volumes/${id}`, demo.token)).body.volume;
const resetTo = async (id: string, status: string) =>
  expect((await adminAction(admin, id, { 'os-reset_status': { status } })).status).toBe(202);
const resetSnapshot = async (id: string, status: string) => {
  const url = `${admin.volumeUrl}/snapshots/${id}/action`;
  expect((await call('POST', url, admin.token, { 'os-reset_status': { status } })).status).toBe(202);
};

describe('os-extend', () => {
  it('answers 202 with no body; the volume goes extending → available at the new size', async () => {
    const volume = await fresh();
    const reply = await act(volume.id, { 'os-extend': { new_size: 2 } });
    expect(reply.status).toBe(202);
    expect(reply.text).toBe('');
    expect(await settle(demo, volume.id)).toMatchObject({ status: 'available', size: 2 });
  });

  it('refuses a size that is not larger, and a size below 1', async () => {
    const volume = await fresh(2);
    expectFault(
      await act(volume.id, { 'os-extend': { new_size: 1 } }),
      400,
      'Invalid input received: New size for extend must be greater than current size. (current: 2, extended: 1).',
    );
    expectFault(
      await act(volume.id, { 'os-extend': { new_size: 0 } }),
      400,
      'Invalid input for field/attribute new_size. Value: 0. 0 is less than the minimum of 1',
    );
  });

  it("prints the expected status as a dict when the volume is not available ('{'status': 'available'}')", async () => {
    const volume = await fresh();
    await resetTo(volume.id, 'error');
    expectFault(
      await act(volume.id, { 'os-extend': { new_size: 2 } }),
      400,
      `Invalid volume: Volume ${volume.id} status must be '{'status': 'available'}' to extend, currently error.`,
    );
  });

  it('refuses an in-use volume below 3.42 and extends it from 3.42, staying in-use', async () => {
    const volume = await fresh();
    const attach = await act(volume.id, {
      'os-attach': { host_name: 'contract-host', mountpoint: '/dev/vdb', mode: 'rw' },
    });
    expect(attach.status).toBe(202);
    expect((await show(volume.id)).status).toBe('in-use');
    expectFault(
      await act(volume.id, { 'os-extend': { new_size: 2 } }, '3.41'),
      400,
      `Invalid volume: Volume ${volume.id} status must be '{'status': 'available'}' to extend, currently in-use.`,
    );
    expect((await act(volume.id, { 'os-extend': { new_size: 2 } }, '3.42')).status).toBe(202);
    expect(await settle(demo, volume.id)).toMatchObject({ status: 'in-use', size: 2 });
  });
});

describe('revert to snapshot (3.40+)', () => {
  it('does not exist below 3.40 (404)', async () => {
    const volume = await fresh();
    const snapshot = await createSnapshot(demo, volume.id);
    const reply = await act(volume.id, { revert: { snapshot_id: snapshot.id } }, '3.39');
    expectFault(reply, 404, 'The resource could not be found.');
  });

  it('reverts to the latest snapshot: 202, reverting → available, the snapshot stays available', async () => {
    const volume = await fresh();
    const snapshot = await createSnapshot(demo, volume.id);
    const reply = await act(volume.id, { revert: { snapshot_id: snapshot.id } }, '3.40');
    expect(reply.status).toBe(202);
    expect(reply.text).toBe('');
    expect((await settle(demo, volume.id)).status).toBe('available');
    const snapshotUrl = `${demo.volumeUrl}/snapshots/${snapshot.id}`;
    expect((await waitForStatus(snapshotUrl, demo.token, ['available', 'error']))!.status).toBe('available');
  });

  it('refuses a volume without snapshots, and a snapshot that is not the latest (400)', async () => {
    const volume = await fresh();
    expectFault(
      await act(volume.id, { revert: { snapshot_id: '00000000-0000-0000-0000-000000000000' } }, '3.40'),
      400,
      `Volume ${volume.id} doesn't have any snapshots.`,
    );
    const first = await createSnapshot(demo, volume.id, 'first');
    await new Promise((resolve) => setTimeout(resolve, NEXT_SECOND_MS));
    await createSnapshot(demo, volume.id, 'second');
    expectFault(
      await act(volume.id, { revert: { snapshot_id: first.id } }, '3.40'),
      400,
      `Specified snapshot ${first.id} is None or not the latest one of volume ${volume.id}.`,
    );
  });

  it('refuses when the volume was extended past the snapshot size (400)', async () => {
    const volume = await fresh();
    const snapshot = await createSnapshot(demo, volume.id);
    expect((await act(volume.id, { 'os-extend': { new_size: 2 } })).status).toBe(202);
    expect((await settle(demo, volume.id)).size).toBe(2);
    expectFault(
      await act(volume.id, { revert: { snapshot_id: snapshot.id } }, '3.40'),
      400,
      `Can't revert volume ${volume.id} to its latest snapshot ${snapshot.id}. ` +
        'The volume size must be equal to the snapshot size.',
    );
  });

  it('answers 409 when the volume or the snapshot is not available', async () => {
    const volume = await fresh();
    const snapshot = await createSnapshot(demo, volume.id);
    const prefix = `Can't revert volume ${volume.id} to its latest snapshot ${snapshot.id}.`;
    await resetTo(volume.id, 'error');
    expectFault(
      await act(volume.id, { revert: { snapshot_id: snapshot.id } }, '3.40'),
      409,
      `Invalid volume: ${prefix} Volume's status must be 'available'.`,
    );
    await resetTo(volume.id, 'available');
    await resetSnapshot(snapshot.id, 'error');
    expectFault(
      await act(volume.id, { revert: { snapshot_id: snapshot.id } }, '3.40'),
      409,
      `Invalid snapshot: ${prefix} Snapshot's status must be 'available'.`,
    );
  });
});

describe('os-retype', () => {
  it('retypes to another type: 202, then available with the new type', async () => {
    const typeName = uniqueName('contract-retype');
    const type = await call('POST', `${admin.volumeUrl}/types`, admin.token, { volume_type: { name: typeName } });
    expect(type.status).toBe(200);
    try {
      const volume = await fresh();
      const reply = await act(volume.id, { 'os-retype': { new_type: typeName, migration_policy: 'never' } });
      expect(reply.status).toBe(202);
      expect(await settle(demo, volume.id)).toMatchObject({ status: 'available', volume_type: typeName });
    } finally {
      await janitor.sweep();
      await call('DELETE', `${admin.volumeUrl}/types/${type.body.volume_type.id}`, admin.token);
    }
  });

  it('refuses the current type (400) and an unknown type (404)', async () => {
    const volume = await fresh();
    expectFault(
      await act(volume.id, { 'os-retype': { new_type: volume.volume_type } }),
      400,
      'Invalid volume: Retype needs volume to be in available or in-use state, not be part of an active ' +
        'migration or a consistency group, requested type has to be different that the one from the volume, ' +
        'and for in-use volumes front-end qos specs cannot change.',
    );
    expectFault(
      await act(volume.id, { 'os-retype': { new_type: 'no-such-type' } }),
      404,
      'Volume type with name no-such-type could not be found.',
    );
  });
});

describe('Synchronous flags', () => {
  it('os-set_bootable answers 200 with no body and flips the bootable string', async () => {
    const volume = await fresh();
    const reply = await act(volume.id, { 'os-set_bootable': { bootable: true } });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expect((await show(volume.id)).bootable).toBe('true');
    expect((await act(volume.id, { 'os-set_bootable': { bootable: false } })).status).toBe(200);
    expect((await show(volume.id)).bootable).toBe('false');
  });

  it('os-update_readonly_flag answers 202 and shows readonly in the metadata', async () => {
    const volume = await fresh();
    const reply = await act(volume.id, { 'os-update_readonly_flag': { readonly: true } });
    expect(reply.status).toBe(202);
    expect((await show(volume.id)).metadata).toMatchObject({ readonly: 'True' });
    expect((await act(volume.id, { 'os-update_readonly_flag': { readonly: false } })).status).toBe(202);
    expect((await show(volume.id)).metadata).toMatchObject({ readonly: 'False' });
  });
});

describe('Admin-only actions', () => {
  it('os-reset_status: 403 for a member, 202 for an admin, with its own validation', async () => {
    const volume = await fresh();
    expectFault(
      await act(volume.id, { 'os-reset_status': { status: 'error' } }),
      403,
      policyDenied('volume_extension:volume_admin_actions:reset_status'),
    );
    expect((await adminAction(admin, volume.id, { 'os-reset_status': { status: 'error' } })).status).toBe(202);
    expect((await show(volume.id)).status).toBe('error');
    expectFault(
      await adminAction(admin, volume.id, { 'os-reset_status': {} }),
      400,
      "Must specify 'status', 'attach_status' or 'migration_status' for update.",
    );
    expectFault(
      await adminAction(admin, volume.id, { 'os-reset_status': { status: 'deleting' } }),
      400,
      'Cannot reset-state to deleting',
    );
    // Saying it is attached does not make a volume without attachments in use.
    expectFault(
      await adminAction(admin, volume.id, { 'os-reset_status': { status: 'in-use', attach_status: 'attached' } }),
      400,
      'Cannot reset-state to in-use because volume does not have any attachments.',
    );
  });

  it('os-force_delete: 403 for a member, 202 for an admin, then the volume is gone', async () => {
    const volume = await fresh();
    expectFault(
      await act(volume.id, { 'os-force_delete': {} }),
      403,
      policyDenied('volume_extension:volume_admin_actions:force_delete'),
    );
    expect((await adminAction(admin, volume.id, { 'os-force_delete': {} })).status).toBe(202);
    await waitForStatus(`${demo.volumeUrl}/volumes/${volume.id}`, demo.token, ['deleted']);
  });
});

describe('Action body rules', () => {
  it('names an unknown action, refuses two actions at once, and 404s an unknown volume', async () => {
    const volume = await fresh();
    expectFault(
      await act(volume.id, { 'os-frobnicate': {} }),
      400,
      'There is no such action: os-frobnicate. Verify the request body and Content-Type header and try again.',
    );
    expectFault(
      await act(volume.id, { 'os-extend': { new_size: 2 }, 'os-set_bootable': { bootable: true } }),
      400,
      'Malformed request body',
    );
    const missing = '00000000-0000-0000-0000-000000000000';
    expectFault(await act(missing, { 'os-extend': { new_size: 2 } }), 404, `Volume ${missing} could not be found.`);
  });
});

describe('os-volume_upload_image', () => {
  it('uploads the volume to a new Glance image that becomes active', async (context) => {
    const imageUrl = catalogUrl(demo, 'image');
    if (!imageUrl) return context.skip('the cloud has no image service in its catalog');
    const volume = await fresh();
    const imageName = uniqueName('contract-upload');
    const reply = await act(
      volume.id,
      {
        'os-volume_upload_image': {
          image_name: imageName,
          force: false,
          disk_format: 'raw',
          container_format: 'bare',
          visibility: 'private',
          protected: false,
        },
      },
      '3.1',
    );
    expect(reply.status).toBe(202);
    const upload = reply.body['os-volume_upload_image'];
    expect(Object.keys(upload).sort()).toEqual(UPLOAD_IMAGE_KEYS_3_1);
    expect(upload).toMatchObject({
      id: volume.id,
      status: 'uploading',
      size: 1,
      image_name: imageName,
      disk_format: 'raw',
      container_format: 'bare',
      visibility: 'private',
      protected: false,
    });
    expect((await settle(demo, volume.id)).status).toBe('available');

    const image = await waitForImage(imageUrl, demo.token, upload.image_id);
    expect(image).toMatchObject({ id: upload.image_id, name: imageName, status: 'active', visibility: 'private' });
    const listed = await call('GET', `${imageUrl}/v2/images?name=${imageName}`, demo.token);
    expect(listed.body.images.map((i: { id: string }) => i.id)).toEqual([upload.image_id]);
    await call('DELETE', `${imageUrl}/v2/images/${upload.image_id}`, demo.token).catch(() => undefined);
  });
});
