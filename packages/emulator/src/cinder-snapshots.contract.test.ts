import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { login, type Login } from './contract/client.js';
import { Cinder, TEST_TIMEOUT } from './contract/storage-helpers.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { call, fault, policyFault } from './contract/http.js';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

let target: ContractTarget;
let demo: Login;
let admin: Login;
let cinder: Cinder;
beforeAll(async () => {
  target = await contractTarget();
  demo = await login(target, 'demo');
  admin = await login(target, 'admin');
  cinder = new Cinder(demo, admin);
});
// Each test deletes what it made, so the project stays under its quotas (10 volumes by default).
afterEach(() => cinder.cleanup());
afterAll(() => target?.close());

const CINDER_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/;
/** §4.3: the 3.0 snapshot view, which is also the list summary. */
const SUMMARY_KEYS = [
  'created_at',
  'description',
  'id',
  'metadata',
  'name',
  'size',
  'status',
  'updated_at',
  'volume_id',
];
const FORCE_FALSE_366 =
  "Since microversion 3.66 the 'force' flag is invalid for this request.  For backward compatability, however, when the 'force' flag is passed with a value evaluating to True, it is silently ignored.";

/** An admin action on any project's snapshot, through the admin's own project URL. */
const adminAction = (snapshotId: string, body: unknown) =>
  call('POST', `${admin.volumeUrl}/snapshots/${snapshotId}/action`, admin.token, body);

describe('Cinder snapshot create', () => {
  it('answers 202 with the snapshot creating, which becomes available at 100% progress', async () => {
    const volumeId = await cinder.volume(1);
    const created = await cinder.post(
      '/snapshots',
      { snapshot: { volume_id: volumeId, name: 'snap-1', description: 'first', metadata: { k: 'v' } } },
      '3.70',
    );
    expect(created.status).toBe(202);
    const snapshot = created.body.snapshot;
    cinder.track('snapshots', snapshot.id);
    // The create response is the detail view without the extended attributes (transcript).
    expect(Object.keys(snapshot).sort()).toEqual(
      [...SUMMARY_KEYS, 'consumes_quota', 'group_snapshot_id', 'user_id'].sort(),
    );
    expect(snapshot).toMatchObject({
      name: 'snap-1',
      description: 'first',
      volume_id: volumeId,
      status: 'creating',
      size: 1,
      metadata: { k: 'v' },
      group_snapshot_id: null,
      user_id: (demo.body.token.user as { id: string }).id,
      consumes_quota: true,
      updated_at: null,
    });
    expect(snapshot.created_at).toMatch(CINDER_TIME);

    await cinder.waitFor(`/snapshots/${snapshot.id}`, ['available']);
    const shown = await cinder.get(`/snapshots/${snapshot.id}`, '3.70');
    expect(shown.body.snapshot).toMatchObject({
      status: 'available',
      'os-extended-snapshot-attributes:project_id': demo.projectId,
      'os-extended-snapshot-attributes:progress': '100%',
    });
    // The volume's status is unchanged by a snapshot (§5.3).
    expect((await cinder.get(`/volumes/${volumeId}`)).body.volume.status).toBe('available');
  });

  it("refuses force: false from 3.66 with Cinder's exact message, and accepts force: true", async () => {
    const volumeId = await cinder.volume(1);
    const refused = await cinder.post('/snapshots', { snapshot: { volume_id: volumeId, force: false } }, '3.66');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(fault(400, FORCE_FALSE_366));
    const accepted = await cinder.post('/snapshots', { snapshot: { volume_id: volumeId, force: true } }, '3.66');
    expect(accepted.status).toBe(202);
    cinder.track('snapshots', accepted.body.snapshot.id);
    await cinder.waitFor(`/snapshots/${accepted.body.snapshot.id}`, ['available']);
  });

  it('snapshots an in-use volume only with force below 3.66, and without it from 3.66', async () => {
    const volumeId = await cinder.volume(1);
    await cinder.attach(volumeId);
    try {
      const refused = await cinder.post('/snapshots', { snapshot: { volume_id: volumeId } }, '3.65');
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual(
        fault(400, `Invalid volume: Volume ${volumeId} status must be available, but current status is: in-use.`),
      );
      const forced = await cinder.post('/snapshots', { snapshot: { volume_id: volumeId, force: true } });
      expect(forced.status).toBe(202);
      cinder.track('snapshots', forced.body.snapshot.id);
      const modern = await cinder.post('/snapshots', { snapshot: { volume_id: volumeId } }, '3.66');
      expect(modern.status).toBe(202);
      cinder.track('snapshots', modern.body.snapshot.id);
      await cinder.waitFor(`/snapshots/${forced.body.snapshot.id}`, ['available']);
      await cinder.waitFor(`/snapshots/${modern.body.snapshot.id}`, ['available']);
      expect((await cinder.get(`/volumes/${volumeId}`)).body.volume.status).toBe('in-use');
    } finally {
      await cinder.detach(volumeId);
    }
  });

  it('refuses to snapshot a volume in error status', async () => {
    const volumeId = await cinder.volume(1);
    const reset = await call('POST', `${admin.volumeUrl}/volumes/${volumeId}/action`, admin.token, {
      'os-reset_status': { status: 'error' },
    });
    expect(reset.status).toBe(202);
    const refused = await cinder.post('/snapshots', { snapshot: { volume_id: volumeId } });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(
      fault(400, 'Invalid volume: The snapshot cannot be created when the volume is in error status.'),
    );
  });

  it('validates the body with the jsonschema messages of §6.1', async () => {
    const empty = await cinder.post('/snapshots', { snapshot: {} });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual(
      fault(400, "Invalid input for field/attribute snapshot. Value: {}. 'volume_id' is a required property"),
    );
    const long = 'x'.repeat(256);
    const tooLong = await cinder.post('/snapshots', { snapshot: { volume_id: randomUUID(), name: long } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toEqual(
      fault(400, `Invalid input for field/attribute name. Value: ${long}. '${long}' is too long`),
    );
  });

  it('says a snapshot of a missing volume cannot be made because the volume could not be found', async () => {
    const missing = randomUUID();
    const answer = await cinder.post('/snapshots', { snapshot: { volume_id: missing } });
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(fault(404, `Volume ${missing} could not be found.`));
  });
});

describe('Cinder snapshot update and metadata', () => {
  it('renames a snapshot (200, the 3.0 view) and refuses an update naming nothing', async () => {
    const snapshotId = await cinder.snapshot(await cinder.volume(1), { description: 'first' });
    const renamed = await cinder.put(`/snapshots/${snapshotId}`, { snapshot: { name: 'snap-renamed' } });
    expect(renamed.status).toBe(200);
    expect(Object.keys(renamed.body.snapshot).sort()).toEqual(SUMMARY_KEYS);
    expect(renamed.body.snapshot).toMatchObject({ id: snapshotId, name: 'snap-renamed', description: 'first' });
    const empty = await cinder.put(`/snapshots/${snapshotId}`, { snapshot: {} });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual(
      fault(
        400,
        'Invalid input for field/attribute snapshot. Value: {}. {} is not valid under any of the given schemas',
      ),
    );
  });

  it('merges metadata on POST, replaces it on PUT, and reads and deletes single keys', async () => {
    const snapshotId = await cinder.snapshot(await cinder.volume(1), { metadata: { k: 'v' } });
    const merged = await cinder.post(`/snapshots/${snapshotId}/metadata`, { metadata: { a: '1' } });
    expect(merged.status).toBe(200);
    expect(merged.body).toEqual({ metadata: { k: 'v', a: '1' } });
    const replaced = await cinder.put(`/snapshots/${snapshotId}/metadata`, { metadata: { only: 'x' } });
    expect(replaced.body).toEqual({ metadata: { only: 'x' } });
    expect((await cinder.get(`/snapshots/${snapshotId}/metadata/only`)).body).toEqual({ meta: { only: 'x' } });
    expect((await cinder.delete(`/snapshots/${snapshotId}/metadata/only`)).status).toBe(200);
    expect((await cinder.get(`/snapshots/${snapshotId}/metadata`)).body).toEqual({ metadata: {} });
  });
});

describe('Cinder snapshot delete and admin actions', () => {
  it('deletes an available snapshot: 202, deleting, then not found', async () => {
    const snapshotId = await cinder.snapshot(await cinder.volume(1));
    const deleted = await cinder.delete(`/snapshots/${snapshotId}`);
    expect(deleted.status).toBe(202);
    expect(deleted.body).toBeNull();
    await cinder.waitFor(`/snapshots/${snapshotId}`, ['deleted']);
    const gone = await cinder.get(`/snapshots/${snapshotId}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual(fault(404, `Snapshot ${snapshotId} could not be found.`));
  });

  it('refuses to delete a snapshot that is not available or error, until an admin force-deletes it', async () => {
    const snapshotId = await cinder.snapshot(await cinder.volume(1));
    expect((await adminAction(snapshotId, { 'os-reset_status': { status: 'creating' } })).status).toBe(202);
    expect((await cinder.get(`/snapshots/${snapshotId}`)).body.snapshot.status).toBe('creating');
    const refused = await cinder.delete(`/snapshots/${snapshotId}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(
      fault(400, 'Invalid snapshot: Snapshot status must be available or error and must not be part of a group.'),
    );
    const forced = await adminAction(snapshotId, { 'os-force_delete': {} });
    expect(forced.status).toBe(202);
    await cinder.waitFor(`/snapshots/${snapshotId}`, ['deleted']);
  });

  it('keeps reset-status and force-delete for admins (403 with the policy text for members)', async () => {
    const snapshotId = await cinder.snapshot(await cinder.volume(1));
    const reset = await cinder.post(`/snapshots/${snapshotId}/action`, { 'os-reset_status': { status: 'error' } });
    expect(reset.status).toBe(403);
    expect(reset.body).toEqual(policyFault('volume_extension:snapshot_admin_actions:reset_status'));
    const forced = await cinder.post(`/snapshots/${snapshotId}/action`, { 'os-force_delete': {} });
    expect(forced.status).toBe(403);
    expect(forced.body).toEqual(policyFault('volume_extension:snapshot_admin_actions:force_delete'));
    expect((await cinder.get(`/snapshots/${snapshotId}`)).body.snapshot.status).toBe('available');
  });

  it('refuses a reset to a status outside the snapshot status enum', async () => {
    const snapshotId = await cinder.snapshot(await cinder.volume(1));
    const answer = await adminAction(snapshotId, { 'os-reset_status': { status: 'bogus' } });
    expect(answer.status).toBe(400);
    expect(answer.body.badRequest.message).toBe(
      "Snapshot status: bogus is invalid, valid statuses are: ('error', 'available', 'creating', 'deleting', 'deleted', 'updating', 'error_deleting', 'unmanaging', 'backing-up', 'restoring').",
    );
  });

  it("hides another project's snapshot as not found", async () => {
    const snapshotId = await cinder.snapshot(await cinder.volume(1));
    const alt = await login(target, 'alt_demo');
    const answer = await call('GET', `${alt.volumeUrl}/snapshots/${snapshotId}`, alt.token);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(fault(404, `Snapshot ${snapshotId} could not be found.`));
  });
});
