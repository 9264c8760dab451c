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
// Each test deletes what it made, so the project stays under its quotas.
afterEach(() => cinder.cleanup());
afterAll(() => target?.close());

/** §4.4 detail keys at 3.0; 3.43 adds `metadata`. */
const DETAIL_KEYS = [
  'availability_zone',
  'container',
  'created_at',
  'data_timestamp',
  'description',
  'fail_reason',
  'has_dependent_backups',
  'id',
  'is_incremental',
  'links',
  'name',
  'object_count',
  'size',
  'snapshot_id',
  'status',
  'updated_at',
  'volume_id',
];
const adminGet = (path: string, microversion: string) =>
  call('GET', `${admin.volumeUrl}${path}`, admin.token, undefined, microversion);

describe('Cinder backup create', () => {
  it('answers 202 with only id, name and links while the volume is backing-up', async () => {
    const volumeId = await cinder.volume(1);
    const release = target.hold?.('backup.create');
    const created = await cinder.post(
      '/backups',
      { backup: { volume_id: volumeId, name: 'bk-1', description: 'full', metadata: { k: 'v' } } },
      '3.70',
    );
    expect(created.status).toBe(202);
    const backup = created.body.backup;
    cinder.track('backups', backup.id);
    expect(Object.keys(backup).sort()).toEqual(['id', 'links', 'name']);
    expect(backup.name).toBe('bk-1');
    expect(backup.links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'bookmark']);
    expect(backup.links[0].href).toMatch(new RegExp(`/v3/${demo.projectId}/backups/${backup.id}$`));
    expect((await cinder.get(`/volumes/${volumeId}`)).body.volume.status).toBe('backing-up');
    // A backup still creating cannot be deleted (§5.4).
    const early = await cinder.delete(`/backups/${backup.id}`);
    expect(early.status).toBe(400);
    expect(early.body).toEqual(fault(400, 'Invalid backup: Backup status must be available or error'));
    release?.();
    await cinder.waitFor(`/backups/${backup.id}`, ['available']);
    await cinder.waitFor(`/volumes/${volumeId}`, ['available']);
  });

  it('shows the detail fields, with metadata from 3.43 and no admin-only fields for members', async () => {
    const volumeId = await cinder.volume(1);
    const backupId = await cinder.backup(volumeId, { description: 'full', metadata: { k: 'v' } }, '3.70');
    const at30 = (await cinder.get(`/backups/${backupId}`)).body.backup;
    expect(Object.keys(at30).sort()).toEqual(DETAIL_KEYS);
    const at370 = (await cinder.get(`/backups/${backupId}`, '3.70')).body.backup;
    expect(Object.keys(at370).sort()).toEqual([...DETAIL_KEYS, 'metadata'].sort());
    expect(at370).toMatchObject({
      id: backupId,
      status: 'available',
      size: 1,
      availability_zone: null,
      description: 'full',
      fail_reason: null,
      volume_id: volumeId,
      is_incremental: false,
      has_dependent_backups: false,
      snapshot_id: null,
      metadata: { k: 'v' },
    });
    expect(at370.data_timestamp).toBe(at370.created_at);
    const listed = await cinder.get(`/backups/detail?volume_id=${volumeId}`, '3.70');
    expect(listed.body.backups).toEqual([at370]);
  });

  it('shows admins the project from 3.18 and the user from 3.56', async () => {
    const backupId = await cinder.backup(await cinder.volume(1));
    expect((await adminGet(`/backups/${backupId}`, '3.17')).body.backup).not.toHaveProperty(
      'os-backup-project-attr:project_id',
    );
    const at318 = (await adminGet(`/backups/${backupId}`, '3.18')).body.backup;
    expect(at318['os-backup-project-attr:project_id']).toBe(demo.projectId);
    expect(at318).not.toHaveProperty('user_id');
    const at356 = (await adminGet(`/backups/${backupId}`, '3.56')).body.backup;
    expect(at356.user_id).toBe((demo.body.token.user as { id: string }).id);
  });

  it('needs a parent for an incremental backup', async () => {
    const volumeId = await cinder.volume(1);
    const refused = await cinder.post('/backups', { backup: { volume_id: volumeId, incremental: true } });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(fault(400, 'Invalid backup: No backups available to do an incremental backup.'));
  });

  it('needs force to back up an in-use volume, which stays in-use', async () => {
    const volumeId = await cinder.volume(1);
    await cinder.attach(volumeId);
    try {
      const refused = await cinder.post('/backups', { backup: { volume_id: volumeId } });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual(fault(400, 'Invalid volume: Backing up an in-use volume must use the force flag.'));
      await cinder.backup(volumeId, { force: true });
      expect((await cinder.get(`/volumes/${volumeId}`)).body.volume.status).toBe('in-use');
    } finally {
      await cinder.detach(volumeId);
    }
  });

  it('validates the body before looking anything up', async () => {
    const empty = await cinder.post('/backups', { backup: {} });
    expect(empty.status).toBe(400);
    expect(empty.body).toEqual(
      fault(400, "Invalid input for field/attribute backup. Value: {}. 'volume_id' is a required property"),
    );
    const missing = randomUUID();
    const notFound = await cinder.post('/backups', { backup: { volume_id: missing } });
    expect(notFound.status).toBe(404);
    expect(notFound.body).toEqual(fault(404, `Volume ${missing} could not be found.`));
  });
});

describe('Cinder incremental backups and deletion', () => {
  it('marks the parent as having dependents and refuses to delete it before its child', async () => {
    const volumeId = await cinder.volume(1);
    const parentId = await cinder.backup(volumeId);
    const childId = await cinder.backup(volumeId, { incremental: true });
    const child = (await cinder.get(`/backups/${childId}`)).body.backup;
    expect(child).toMatchObject({ is_incremental: true, has_dependent_backups: false });
    expect((await cinder.get(`/backups/${parentId}`)).body.backup.has_dependent_backups).toBe(true);
    const refused = await cinder.delete(`/backups/${parentId}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(fault(400, 'Invalid backup: Incremental backups exist for this backup.'));
    expect((await cinder.delete(`/backups/${childId}`)).status).toBe(202);
    await cinder.waitFor(`/backups/${childId}`, ['deleted']);
    expect((await cinder.delete(`/backups/${parentId}`)).status).toBe(202);
    await cinder.waitFor(`/backups/${parentId}`, ['deleted']);
    const gone = await cinder.get(`/backups/${parentId}`);
    expect(gone.body).toEqual(fault(404, `Backup ${parentId} could not be found.`));
  });

  it('lets only admins reset a backup, to available or error', async () => {
    const backupId = await cinder.backup(await cinder.volume(1));
    const member = await cinder.post(`/backups/${backupId}/action`, { 'os-reset_status': { status: 'error' } });
    expect(member.status).toBe(403);
    expect(member.body).toEqual(policyFault('volume_extension:backup_admin_actions:reset_status'));
    const action = `${admin.volumeUrl}/backups/${backupId}/action`;
    const bad = await call('POST', action, admin.token, { 'os-reset_status': { status: 'creating' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(
      fault(400, "Backup status: creating is invalid, valid statuses are: ['available', 'error']."),
    );
    const good = await call('POST', action, admin.token, { 'os-reset_status': { status: 'error' } });
    expect(good.status).toBe(202);
    await cinder.waitFor(`/backups/${backupId}`, ['error']);
    expect((await cinder.delete(`/backups/${backupId}`)).status).toBe(202);
  });
});

describe('Cinder backup restore', () => {
  it('restores into a new restore_backup_<id> volume: restoring-backup and restoring, then available', async () => {
    const sourceId = await cinder.volume(1);
    const source = (await cinder.get(`/volumes/${sourceId}`)).body.volume;
    const backupId = await cinder.backup(sourceId);
    const release = target.hold?.('backup.restore');
    const restored = await cinder.post(`/backups/${backupId}/restore`, { restore: {} });
    expect(restored.status).toBe(202);
    const { restore } = restored.body;
    cinder.track('volumes', restore.volume_id);
    expect(restore).toEqual({
      backup_id: backupId,
      volume_id: expect.any(String),
      volume_name: `restore_backup_${backupId}`,
    });
    expect((await cinder.get(`/backups/${backupId}`)).body.backup.status).toBe('restoring');
    expect((await cinder.get(`/volumes/${restore.volume_id}`)).body.volume.status).toBe('restoring-backup');
    release?.();
    await cinder.waitFor(`/backups/${backupId}`, ['available']);
    const volume = await cinder.waitFor(`/volumes/${restore.volume_id}`, ['available']);
    // The restore writes the backed-up volume's own name and description over the placeholder ones
    // (the backup driver restores the volume's base metadata; seen on the real rig).
    expect(volume).toMatchObject({
      name: source.name,
      description: source.description,
      size: 1,
      metadata: { src_backup_id: backupId },
    });
  });

  it('restores onto an existing volume at least as large as the backup', async () => {
    const sourceId = await cinder.volume(2);
    const backupId = await cinder.backup(sourceId);
    const smallId = await cinder.volume(1);
    const tooSmall = await cinder.post(`/backups/${backupId}/restore`, { restore: { volume_id: smallId } });
    expect(tooSmall.status).toBe(400);
    expect(tooSmall.body).toEqual(
      fault(400, 'Invalid volume: volume size 1 is too small to restore backup of size 2.'),
    );
    const source = (await cinder.get(`/volumes/${sourceId}`)).body.volume;
    const release = target.hold?.('backup.restore');
    const restored = await cinder.post(`/backups/${backupId}/restore`, { restore: { volume_id: sourceId } });
    expect(restored.status).toBe(202);
    expect(restored.body).toEqual({
      restore: { backup_id: backupId, volume_id: sourceId, volume_name: source.name },
    });
    expect((await cinder.get(`/volumes/${sourceId}`)).body.volume.status).toBe('restoring-backup');
    release?.();
    const after = await cinder.waitFor(`/volumes/${sourceId}`, ['available']);
    // Restoring a volume's own backup leaves no src_backup_id behind.
    expect(after!.metadata).toEqual({});
    await cinder.waitFor(`/backups/${backupId}`, ['available']);
  });

  it("keeps the name of an existing volume restored onto from another volume's backup", async () => {
    const backupId = await cinder.backup(await cinder.volume(1));
    const targetId = await cinder.volume(1);
    const target = (await cinder.get(`/volumes/${targetId}`)).body.volume;
    const restored = await cinder.post(`/backups/${backupId}/restore`, { restore: { volume_id: targetId } });
    expect(restored.status).toBe(202);
    const after = await cinder.waitFor(`/volumes/${targetId}`, ['available']);
    // The backed-up name is written back only onto a volume made for the restore (backup/driver.py).
    expect(after).toMatchObject({ name: target.name, metadata: { src_backup_id: backupId } });
    await cinder.waitFor(`/backups/${backupId}`, ['available']);
  });
});

describe('Cinder backup update and lists', () => {
  it('renames a backup from 3.9 (200, summary) and does not know the call below 3.9', async () => {
    const backupId = await cinder.backup(await cinder.volume(1));
    const old = await cinder.put(`/backups/${backupId}`, { backup: { name: 'renamed' } }, '3.8');
    expect(old.status).toBe(404);
    expect(old.body).toEqual(fault(404, 'The resource could not be found.'));
    const renamed = await cinder.put(`/backups/${backupId}`, { backup: { name: 'renamed' } }, '3.9');
    expect(renamed.status).toBe(200);
    expect(Object.keys(renamed.body.backup).sort()).toEqual(['id', 'links', 'name']);
    expect(renamed.body.backup).toMatchObject({ id: backupId, name: 'renamed' });
  });

  it('lists summaries, filters by volume_id, and refuses unknown filters from 3.31', async () => {
    const volumeId = await cinder.volume(1);
    const backupId = await cinder.backup(volumeId);
    const listed = await cinder.get(`/backups?volume_id=${volumeId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.backups).toHaveLength(1);
    expect(Object.keys(listed.body.backups[0]).sort()).toEqual(['id', 'links', 'name']);
    expect(listed.body.backups[0].id).toBe(backupId);
    const refused = await cinder.get(`/backups?volume_id=${volumeId}&colour=blue`, '3.31');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(fault(400, 'Invalid filters colour are found in query options.'));
    const counted = await cinder.get(`/backups?volume_id=${volumeId}&with_count=true&limit=1`, '3.45');
    expect(counted.body.count).toBe(1);
    expect(counted.body.backups_links).toHaveLength(1);
  });
});
