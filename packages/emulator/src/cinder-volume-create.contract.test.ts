import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { get, login, type Login } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import {
  catalogUrl,
  CINDER_TIME,
  createSnapshot,
  createVolume,
  DETAIL_KEYS_3_0,
  DETAIL_KEYS_3_70,
  settle,
  VolumeJanitor,
} from './contract/volumes-helpers.js';
import { waitForStatus } from './contract/wait.js';
import { call, expectFault, type Json, uniqueName } from './contract/http.js';

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

const NIL = '00000000-0000-0000-0000-000000000000';
const postVolume = (volume: Json, microversion?: string) =>
  call('POST', `${demo.volumeUrl}/volumes`, demo.token, { volume }, microversion);
/** Posts a volume that must be accepted, and has the janitor remove it afterwards. */
const accepted = async (volume: Json, microversion?: string) => {
  const reply = await postVolume(volume, microversion);
  expect(reply.status, reply.text).toBe(202);
  janitor.track(demo, reply.body.volume.id);
  return reply;
};

describe('Creating a blank volume', () => {
  it('answers 202 with the 3.0 detail view in creating status, then becomes available', async () => {
    const reply = await accepted({
      size: 1,
      name: '  contract-blank  ',
      description: 'made by a contract test',
      metadata: { purpose: 'contract' },
    });
    expect(reply.headers.get('openstack-api-version')).toBe('volume 3.0');
    const volume = reply.body.volume;
    // Extension attributes (tenant, host) are added on show and detail only, never on create.
    expect(Object.keys(volume).sort()).toEqual(DETAIL_KEYS_3_0);
    expect(volume).toMatchObject({
      status: 'creating',
      size: 1,
      name: 'contract-blank',
      description: 'made by a contract test',
      volume_type: '__DEFAULT__',
      snapshot_id: null,
      source_volid: null,
      metadata: { purpose: 'contract' },
      user_id: (demo.body.token.user as { id: string }).id,
      bootable: 'false',
      encrypted: false,
      multiattach: false,
      attachments: [],
      consistencygroup_id: null,
      updated_at: null,
    });
    expect(volume.created_at).toMatch(CINDER_TIME);
    const self = `${demo.volumeUrl}/volumes/${volume.id}`;
    expect(volume.links).toEqual([
      { rel: 'self', href: self },
      { rel: 'bookmark', href: self.replace('/v3/', '/') },
    ]);

    const shown = await settle(demo, volume.id);
    expect(shown.status).toBe('available');
    expect(shown['os-vol-tenant-attr:tenant_id']).toBe(demo.projectId);
    const zones = (await (await get(`${demo.volumeUrl}/os-availability-zone`, demo.token)).json()).availabilityZoneInfo;
    expect(zones.map((z: { zoneName: string }) => z.zoneName)).toContain(shown.availability_zone);
  });

  it('adds the microversioned fields at 3.70, still without extension attributes', async () => {
    const reply = await accepted({ size: 1 }, '3.70');
    expect(reply.headers.get('openstack-api-version')).toBe('volume 3.70');
    const volume = reply.body.volume;
    expect(Object.keys(volume).sort()).toEqual(DETAIL_KEYS_3_70);
    expect(volume).toMatchObject({ status: 'creating', name: null, description: null, group_id: null });
    expect(volume.consumes_quota).toBe(true);
    expect(volume.volume_type_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect((await settle(demo, volume.id)).status).toBe('available');
  });
});

describe('Creating from another resource', () => {
  it('creates from a snapshot, taking its size, and refuses a size below the snapshot size', async () => {
    const source = await createVolume(demo, janitor, { size: 2, name: uniqueName('snap-src') });
    const snapshot = await createSnapshot(demo, source.id);

    const tooSmall = await postVolume({ size: 1, snapshot_id: snapshot.id });
    expectFault(
      tooSmall,
      400,
      "Invalid input received: Volume size '1'GB cannot be smaller than the snapshot size 2GB. " +
        'They must be >= original snapshot size.',
    );

    const reply = await accepted({ snapshot_id: snapshot.id, name: 'from-snap' });
    expect(reply.body.volume).toMatchObject({ status: 'creating', size: 2, snapshot_id: snapshot.id });
    const volume = await settle(demo, reply.body.volume.id);
    expect(volume).toMatchObject({ status: 'available', size: 2, snapshot_id: snapshot.id });
  });

  it('clones a volume given as source_volid, taking its size', async () => {
    const source = await createVolume(demo, janitor, { size: 2, name: uniqueName('clone-src') });
    const reply = await accepted({ source_volid: source.id, name: 'clone' });
    expect(reply.body.volume).toMatchObject({ status: 'creating', size: 2, source_volid: source.id });
    expect(await settle(demo, reply.body.volume.id)).toMatchObject({ status: 'available', source_volid: source.id });
  });

  it('says which source could not be found (404)', async () => {
    expectFault(await postVolume({ size: 1, snapshot_id: NIL }), 404, `Snapshot ${NIL} could not be found.`);
    expectFault(await postVolume({ size: 1, source_volid: NIL }), 404, `Volume ${NIL} could not be found.`);
    expectFault(await postVolume({ size: 1, backup_id: NIL }, '3.47'), 404, `Backup ${NIL} could not be found.`);
  });

  it('creates a bootable volume from an image listed by the catalog image service', async (context) => {
    const imageUrl = catalogUrl(demo, 'image');
    if (!imageUrl) return context.skip('the cloud has no image service in its catalog');
    const list = await call('GET', `${imageUrl}/v2/images?status=active`, demo.token);
    expect(list.status).toBe(200);
    const images = (list.body.images as Json[]).filter((i) => i.status === 'active');
    if (images.length === 0) return context.skip('the image service holds no active image');
    const image = images.sort((a, b) => (a.size ?? 0) - (b.size ?? 0))[0];
    const size = Math.max(1, image.min_disk ?? 0, Math.ceil((image.size ?? 0) / 1024 ** 3));

    const reply = await accepted({ imageRef: image.id, size, name: 'from-image' });
    expect(reply.body.volume.status).toBe('creating');
    const volume = await settle(demo, reply.body.volume.id);
    expect(volume).toMatchObject({ status: 'available', bootable: 'true', size });
    expect(volume.volume_image_metadata).toMatchObject({ image_id: image.id, image_name: image.name });
  });

  it('creates from an available backup at 3.47, taking its size', async () => {
    const source = await createVolume(demo, janitor, { size: 1, name: uniqueName('backup-src') });
    const backup = await call('POST', `${demo.volumeUrl}/backups`, demo.token, {
      backup: { volume_id: source.id, name: uniqueName('backup') },
    });
    expect(backup.status, backup.text).toBe(202);
    expect(Object.keys(backup.body.backup).sort()).toEqual(['id', 'links', 'name']);
    const backupUrl = `${demo.volumeUrl}/backups/${backup.body.backup.id}`;
    expect((await waitForStatus(backupUrl, demo.token, ['available', 'error'], { timeoutMs: 120_000 }))!.status).toBe(
      'available',
    );
    try {
      const reply = await accepted({ backup_id: backup.body.backup.id, name: 'from-backup' }, '3.47');
      expect(reply.body.volume).toMatchObject({ status: 'creating', size: 1 });
      const volume = await waitForStatus(
        `${demo.volumeUrl}/volumes/${reply.body.volume.id}`,
        demo.token,
        ['available', 'error', 'error_restoring'],
        { timeoutMs: 120_000 },
      );
      expect(volume).toMatchObject({ status: 'available', size: 1 });
    } finally {
      await waitForStatus(backupUrl, demo.token, ['available', 'error'], { timeoutMs: 120_000 });
      await call('DELETE', backupUrl, demo.token);
    }
  }, 300_000);
});

describe('Create validation (§6)', () => {
  it.each([
    ['size 0', { size: 0 }, 'Invalid input for field/attribute size. Value: 0. 0 is less than the minimum of 1'],
    [
      'size "big"',
      { size: 'big' },
      "Invalid input for field/attribute size. Value: big. 'big' does not match '^[0-9]+$'",
    ],
    [
      'a 256-character name',
      { size: 1, name: 'n'.repeat(256) },
      'Invalid input received: name has 256 characters, more than 255.',
    ],
    [
      'a snapshot_id that is not a UUID',
      { size: 1, snapshot_id: 'abc' },
      "Invalid input for field/attribute snapshot_id. Value: abc. 'abc' is not valid under any of the given schemas",
    ],
    [
      'a metadata value that is not a string',
      { size: 1, metadata: { k: 1 } },
      "Invalid input for field/attribute k. Value: 1. 1 is not of type 'string'",
    ],
    [
      'no size and no source',
      { name: 'sizeless' },
      // Real Zed answers with webob's generic text here (checked against the rig), not its own message.
      'The server could not comply with the request since it is either malformed or otherwise incorrect.',
    ],
  ])('refuses %s with 400 and the exact message', async (_label, volume, message) => {
    expectFault(await postVolume(volume), 400, message);
  });

  it("refuses a body without 'volume'", async () => {
    const reply = await call('POST', `${demo.volumeUrl}/volumes`, demo.token, {});
    expectFault(reply, 400, "'volume' is a required property");
  });

  it('refuses multiattach: true, which was removed in favour of multiattach volume types', async () => {
    expectFault(await postVolume({ size: 1, multiattach: true }), 400, /^multiattach parameter has been removed\. /);
  });

  it('tolerates unknown keys below 3.53 and rejects them from 3.53', async () => {
    const tolerated = await accepted({ size: 1, bogus: 1 }, '3.52');
    expect(tolerated.body.volume).not.toHaveProperty('bogus');
    expectFault(
      await postVolume({ size: 1, bogus: 1 }, '3.53'),
      400,
      "Invalid input for field/attribute volume. Value: {'size': 1, 'bogus': 1}. " +
        "Additional properties are not allowed ('bogus' was unexpected)",
    );
  });

  it('answers 404 for an unknown volume type', async () => {
    const reply = await postVolume({ size: 1, volume_type: 'no-such-type' });
    expectFault(reply, 404, 'Volume type with name no-such-type could not be found.');
  });

  it('answers 400 for an unknown availability zone', async () => {
    const reply = await postVolume({ size: 1, availability_zone: 'mars' });
    expectFault(reply, 400, "Availability zone 'mars' is invalid.");
  });
});
