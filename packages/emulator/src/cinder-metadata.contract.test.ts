import { createHash, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { login, type Login } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { adminAction, createSnapshot, createVolume, VolumeJanitor } from './contract/volumes-helpers.js';
import { call, expectFault, policyDenied, uniqueName } from './contract/http.js';

/**
 * The metadata of volumes (`api/v3/volume_metadata.py`: jsonschema bodies, ETags from 3.15) and
 * of snapshots (`api/v3/snapshot_metadata.py`: the older hand-written checks), and the Glance
 * properties of a volume (`os-set_image_metadata` and friends). Every text was recorded on the rig.
 */
let target: ContractTarget;
let demo: Login;
let alt: Login;
let admin: Login;
let reader: Login;
let janitor: VolumeJanitor;
beforeAll(async () => {
  target = await contractTarget();
  [demo, alt, admin, reader] = await Promise.all([
    login(target, 'demo'),
    login(target, 'alt_demo'),
    login(target, 'admin'),
    login(target, 'reader'),
  ]);
  janitor = new VolumeJanitor(() => admin);
});
afterEach(() => janitor.sweep());
afterAll(() => target?.close());

const fresh = (metadata: Record<string, string> = {}) =>
  createVolume(demo, janitor, { size: 1, name: uniqueName('metadata'), metadata });
const volumeMeta = (who: Login, id: string, key?: string) =>
  `${who.volumeUrl}/volumes/${id}/metadata${key === undefined ? '' : `/${key}`}`;
const snapshotMeta = (who: Login, id: string, key?: string) =>
  `${who.volumeUrl}/snapshots/${id}/metadata${key === undefined ? '' : `/${key}`}`;
const LONG = 'v'.repeat(256);

describe('Volume metadata', () => {
  it('validates bodies with the jsonschema texts, before the volume is even looked up', async () => {
    const volume = await fresh({ a: '1' });
    const post = (body: unknown, id = volume.id) => call('POST', volumeMeta(demo, id), demo.token, body);
    expectFault(await post({}), 400, "'metadata' is a required property");
    expectFault(await post({ meta: { x: '1' } }), 400, "'metadata' is a required property");
    expectFault(
      await post({ metadata: { x: '1' }, extra: 1 }),
      400,
      "Additional properties are not allowed ('extra' was unexpected)",
    );
    expectFault(
      await post({ metadata: null }),
      400,
      "Invalid input for field/attribute metadata. Value: None. None is not of type 'object'",
    );
    expectFault(
      await post({ metadata: 'str' }),
      400,
      "Invalid input for field/attribute metadata. Value: str. 'str' is not of type 'object'",
    );
    expectFault(
      await post({ metadata: { k: 1 } }),
      400,
      "Invalid input for field/attribute k. Value: 1. 1 is not of type 'string'",
    );
    expectFault(
      await post({ metadata: { 'bad*key': 'v' } }),
      400,
      "Invalid input for field/attribute metadata. Value: {'bad*key': 'v'}. 'bad*key' does not match any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'",
    );
    expectFault(
      await post({ metadata: { k: LONG } }),
      400,
      `Invalid input for field/attribute k. Value: ${LONG}. '${LONG}' is too long`,
    );
    const unknown = randomUUID();
    expectFault(await post({ metadata: 'str' }, unknown), 400, /is not of type 'object'$/);
    expectFault(await post({ metadata: { x: '1' } }, unknown), 404, `Volume ${unknown} could not be found.`);

    const put = (body: unknown) => call('PUT', volumeMeta(demo, volume.id, 'a'), demo.token, body);
    expectFault(await put({}), 400, "'meta' is a required property");
    expectFault(
      await put({ meta: {} }),
      400,
      'Invalid input for field/attribute meta. Value: {}. {} does not have enough properties',
    );
    expectFault(
      await put({ meta: { a: '1', b: '2' } }),
      400,
      "Invalid input for field/attribute meta. Value: {'a': '1', 'b': '2'}. {'a': '1', 'b': '2'} has too many properties",
    );
    expectFault(await put({ meta: { b: '2' } }), 400, 'Request body and URI mismatch');
    expectFault(
      await put({ meta: { a: 5 } }),
      400,
      "Invalid input for field/attribute a. Value: 5. 5 is not of type 'string'",
    );
    expect((await call('GET', volumeMeta(demo, volume.id), demo.token)).body).toEqual({ metadata: { a: '1' } });
  });

  it('404s an unknown key on read and delete; a key PUT adds it; empty objects merge nothing or clear', async () => {
    const volume = await fresh({ a: '1' });
    const missing = `Volume ${volume.id} has no metadata with key nokey.`;
    expectFault(await call('GET', volumeMeta(demo, volume.id, 'nokey'), demo.token), 404, missing);
    expectFault(await call('DELETE', volumeMeta(demo, volume.id, 'nokey'), demo.token), 404, missing);
    const added = await call('PUT', volumeMeta(demo, volume.id, 'nokey'), demo.token, { meta: { nokey: 'x' } });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ meta: { nokey: 'x' } });

    const merged = await call('POST', volumeMeta(demo, volume.id), demo.token, { metadata: {} });
    expect(merged.status).toBe(200);
    expect(merged.body).toEqual({ metadata: { a: '1', nokey: 'x' } });
    const cleared = await call('PUT', volumeMeta(demo, volume.id), demo.token, { metadata: {} });
    expect(cleared.body).toEqual({ metadata: {} });
    expect((await call('GET', `${demo.volumeUrl}/volumes/${volume.id}`, demo.token)).body.volume.metadata).toEqual({});
  });

  it('lets a reader read but names the create, update and delete rules when a reader writes', async () => {
    const volume = await fresh({ a: '1' });
    expect((await call('GET', volumeMeta(reader, volume.id), reader.token)).body).toEqual({ metadata: { a: '1' } });
    expect((await call('GET', volumeMeta(reader, volume.id, 'a'), reader.token)).body).toEqual({ meta: { a: '1' } });
    const post = await call('POST', volumeMeta(reader, volume.id), reader.token, { metadata: { r: '1' } });
    expectFault(post, 403, policyDenied('volume:create_volume_metadata'));
    const put = await call('PUT', volumeMeta(reader, volume.id), reader.token, { metadata: { r: '1' } });
    expectFault(put, 403, policyDenied('volume:update_volume_metadata'));
    const putKey = await call('PUT', volumeMeta(reader, volume.id, 'a'), reader.token, { meta: { a: '2' } });
    expectFault(putKey, 403, policyDenied('volume:update_volume_metadata'));
    const del = await call('DELETE', volumeMeta(reader, volume.id, 'a'), reader.token);
    expectFault(del, 403, policyDenied('volume:delete_volume_metadata'));
    // Another project's volume is simply not found; an admin may write.
    const theirs = await call('POST', volumeMeta(alt, volume.id), alt.token, { metadata: { x: '1' } });
    expectFault(theirs, 404, `Volume ${volume.id} could not be found.`);
    const byAdmin = await call('POST', volumeMeta(admin, volume.id), admin.token, { metadata: { adm: '1' } });
    expect(byAdmin.body).toEqual({ metadata: { a: '1', adm: '1' } });
  });

  it('refuses every write while the volume is in maintenance', async () => {
    const volume = await fresh({ a: '1' });
    expect((await adminAction(admin, volume.id, { 'os-reset_status': { status: 'maintenance' } })).status).toBe(202);
    const updating = 'Invalid volume: Updating volume metadata is not allowed for volumes in maintenance status.';
    expectFault(await call('POST', volumeMeta(demo, volume.id), demo.token, { metadata: { m: '1' } }), 400, updating);
    expectFault(await call('PUT', volumeMeta(demo, volume.id), demo.token, { metadata: { m: '1' } }), 400, updating);
    expectFault(await call('PUT', volumeMeta(demo, volume.id, 'a'), demo.token, { meta: { a: '2' } }), 400, updating);
    expectFault(
      await call('DELETE', volumeMeta(demo, volume.id, 'a'), demo.token),
      400,
      'Invalid volume: Deleting volume metadata is not allowed for volumes in maintenance status.',
    );
    expect((await call('GET', volumeMeta(demo, volume.id), demo.token)).body).toEqual({ metadata: { a: '1' } });
    await adminAction(admin, volume.id, { 'os-reset_status': { status: 'available' } });
  });

  it('gives the metadata an ETag from 3.15 and answers a PUT with a stale If-Match with a bare 412', async () => {
    const volume = await fresh({ b: '2', a: '1' });
    const old = await call('GET', volumeMeta(demo, volume.id), demo.token, undefined, '3.14');
    expect(old.headers.get('etag')).toBeNull();
    expect(old.headers.get('content-type')).toMatch(/^application\/json/);

    const read = await call('GET', volumeMeta(demo, volume.id), demo.token, undefined, '3.15');
    const etag = read.headers.get('etag')!;
    // The ETag is the MD5 of the body, which this controller sends with webob's default content type.
    expect(etag).toBe(createHash('md5').update(read.text).digest('hex'));
    expect(read.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(read.body).toEqual({ metadata: { a: '1', b: '2' } });

    const put = (url: string, body: unknown, ifMatch: string, microversion = '3.15') =>
      fetch(url, {
        method: 'PUT',
        headers: {
          'X-Auth-Token': demo.token,
          'Content-Type': 'application/json',
          'OpenStack-API-Version': `volume ${microversion}`,
          'If-Match': ifMatch,
        },
        body: JSON.stringify(body),
      });
    const matching = await put(volumeMeta(demo, volume.id), { metadata: { c: '3' } }, etag);
    expect(matching.status).toBe(200);
    expect(await matching.json()).toEqual({ metadata: { c: '3' } });
    const stale = await put(volumeMeta(demo, volume.id), { metadata: { d: '4' } }, etag);
    expect(stale.status).toBe(412);
    expect(await stale.text()).toBe('');
    const staleKey = await put(volumeMeta(demo, volume.id, 'c'), { meta: { c: '5' } }, etag);
    expect(staleKey.status).toBe(412);
    // Below 3.15 If-Match means nothing.
    const ignored = await put(volumeMeta(demo, volume.id), { metadata: { e: '5' } }, etag, '3.14');
    expect(ignored.status).toBe(200);
    expect((await call('GET', volumeMeta(demo, volume.id), demo.token)).body).toEqual({ metadata: { e: '5' } });
  });
});

describe('Snapshot metadata', () => {
  it('checks bodies with the older hand-written texts, and 413s oversized items without retryAfter', async () => {
    const volume = await fresh();
    const snapshot = await createSnapshot(demo, volume.id);
    const post = (body: unknown) => call('POST', snapshotMeta(demo, snapshot.id), demo.token, body);
    const missing = "Missing required element 'metadata' in request body.";
    expectFault(await post({}), 400, missing);
    expectFault(await post({ metadata: null }), 400, missing);
    expectFault(await post({ metadata: 'str' }), 400, missing);
    expectFault(
      await post({ metadata: { k: 1 } }),
      400,
      'Invalid metadata: Invalid input received: Value for metadata key: k is not a string or unicode',
    );
    const tooLong = await post({ metadata: { k: LONG } });
    expect(tooLong.status).toBe(413);
    expect(tooLong.body).toEqual({
      overLimit: {
        code: 413,
        message: 'Invalid metadata size: Metadata property key k value greater than 255 characters.',
      },
    });
    const longKey = 'k'.repeat(256);
    expect((await post({ metadata: { [longKey]: 'v' } })).body).toEqual({
      overLimit: {
        code: 413,
        message: `Invalid metadata size: Metadata property key ${longKey} greater than 255 characters.`,
      },
    });
    // No key pattern here: what a volume refuses, a snapshot takes.
    const odd = await post({ metadata: { 'bad*key': 'v' } });
    expect(odd.status).toBe(200);
    expect(odd.body).toEqual({ metadata: { 'bad*key': 'v' } });

    const put = (body: unknown) => call('PUT', snapshotMeta(demo, snapshot.id, 'a'), demo.token, body);
    expectFault(await put({}), 400, "Missing required element 'meta' in request body.");
    expectFault(await put({ meta: { a: '1', b: '2' } }), 400, 'Request body contains too many items');
    expectFault(await put({ meta: { b: '2', c: '3' } }), 400, 'Request body and URI mismatch');
    expectFault(await put({ meta: {} }), 400, 'Request body and URI mismatch');
  });

  it('reads, merges, replaces and deletes; a reader reads but may not write; an error snapshot still takes writes', async () => {
    const volume = await fresh();
    const snapshot = await createSnapshot(demo, volume.id);
    const merged = await call('POST', snapshotMeta(demo, snapshot.id), demo.token, { metadata: { a: '1' } });
    expect(merged.body).toEqual({ metadata: { a: '1' } });
    const missing = `Snapshot ${snapshot.id} has no metadata with key nokey.`;
    expectFault(await call('GET', snapshotMeta(demo, snapshot.id, 'nokey'), demo.token), 404, missing);
    expectFault(await call('DELETE', snapshotMeta(demo, snapshot.id, 'nokey'), demo.token), 404, missing);

    expect((await call('GET', snapshotMeta(reader, snapshot.id), reader.token)).body).toEqual({ metadata: { a: '1' } });
    const denied = policyDenied('volume:update_snapshot_metadata');
    expectFault(
      await call('POST', snapshotMeta(reader, snapshot.id), reader.token, { metadata: { r: '1' } }),
      403,
      denied,
    );
    expectFault(
      await call('PUT', snapshotMeta(reader, snapshot.id), reader.token, { metadata: { r: '1' } }),
      403,
      denied,
    );
    expectFault(
      await call('PUT', snapshotMeta(reader, snapshot.id, 'a'), reader.token, { meta: { a: '2' } }),
      403,
      denied,
    );
    expectFault(
      await call('DELETE', snapshotMeta(reader, snapshot.id, 'a'), reader.token),
      403,
      policyDenied('volume:delete_snapshot_metadata'),
    );

    await call('POST', `${admin.volumeUrl}/snapshots/${snapshot.id}/action`, admin.token, {
      'os-reset_status': { status: 'error' },
    });
    const put = await call('PUT', snapshotMeta(demo, snapshot.id), demo.token, { metadata: { b: '2' } });
    expect(put.body).toEqual({ metadata: { b: '2' } });
    const key = await call('PUT', snapshotMeta(demo, snapshot.id, 'c'), demo.token, { meta: { c: '3' } });
    expect(key.body).toEqual({ meta: { c: '3' } });
    const deleted = await call('DELETE', snapshotMeta(demo, snapshot.id, 'b'), demo.token);
    expect(deleted.status).toBe(200);
    expect(deleted.text).toBe('');
    expect((await call('GET', snapshotMeta(demo, snapshot.id), demo.token)).body).toEqual({ metadata: { c: '3' } });
  });
});

describe('Volume image metadata actions', () => {
  const action = (who: Login, id: string, body: unknown) =>
    call('POST', `${who.volumeUrl}/volumes/${id}/action`, who.token, body);

  it('sets (merging), shows and unsets Glance properties, which show as volume_image_metadata', async () => {
    const volume = await fresh({ own: 'x' });
    const none = `Glance metadata for volume/snapshot ${volume.id} cannot be found.`;
    expectFault(await action(demo, volume.id, { 'os-show_image_metadata': null }), 404, none);

    const set = await action(demo, volume.id, { 'os-set_image_metadata': { metadata: { os_distro: 'cirros' } } });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ metadata: { os_distro: 'cirros' } });
    const more = await action(demo, volume.id, { 'os-set_image_metadata': { metadata: { hw_disk_bus: 'scsi' } } });
    expect(more.body).toEqual({ metadata: { os_distro: 'cirros', hw_disk_bus: 'scsi' } });
    const shown = await action(reader, volume.id, { 'os-show_image_metadata': {} });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ metadata: { os_distro: 'cirros', hw_disk_bus: 'scsi' } });
    const detail = (await call('GET', `${demo.volumeUrl}/volumes/${volume.id}`, demo.token)).body.volume;
    expect(detail.volume_image_metadata).toEqual({ os_distro: 'cirros', hw_disk_bus: 'scsi' });
    // The user metadata is a separate set.
    expect((await call('GET', volumeMeta(demo, volume.id), demo.token)).body).toEqual({ metadata: { own: 'x' } });

    expectFault(await action(demo, volume.id, { 'os-unset_image_metadata': { key: 'nokey' } }), 404, none);
    const unset = await action(demo, volume.id, { 'os-unset_image_metadata': { key: 'os_distro' } });
    expect(unset.status).toBe(200);
    expect(unset.text).toBe('');
    await action(demo, volume.id, { 'os-unset_image_metadata': { key: 'hw_disk_bus' } });
    expectFault(await action(demo, volume.id, { 'os-show_image_metadata': {} }), 404, none);
    const after = (await call('GET', `${demo.volumeUrl}/volumes/${volume.id}`, demo.token)).body.volume;
    expect(after).not.toHaveProperty('volume_image_metadata');
  });

  it('validates the action bodies, refuses readers and volumes in maintenance', async () => {
    const volume = await fresh();
    const set = (args: unknown) => action(demo, volume.id, { 'os-set_image_metadata': args });
    expectFault(
      await set(null),
      400,
      "Invalid input for field/attribute os-set_image_metadata. Value: None. None is not of type 'object'",
    );
    expectFault(
      await set({}),
      400,
      "Invalid input for field/attribute os-set_image_metadata. Value: {}. 'metadata' is a required property",
    );
    expectFault(
      await set({ metadata: { k: 'v' }, x: 1 }),
      400,
      "Invalid input for field/attribute os-set_image_metadata. Value: {'metadata': {'k': 'v'}, 'x': 1}. Additional properties are not allowed ('x' was unexpected)",
    );
    expectFault(
      await set({ metadata: { k: 1 } }),
      400,
      "Invalid input for field/attribute k. Value: 1. 1 is not of type 'string'",
    );
    const unset = (args: unknown) => action(demo, volume.id, { 'os-unset_image_metadata': args });
    expectFault(
      await unset({}),
      400,
      "Invalid input for field/attribute os-unset_image_metadata. Value: {}. 'key' is a required property",
    );
    expectFault(await unset({ key: '' }), 400, "Invalid input for field/attribute key. Value: . '' is too short");

    expect((await set({ metadata: { os_distro: 'cirros' } })).status).toBe(200);
    const readerSet = await action(reader, volume.id, { 'os-set_image_metadata': { metadata: { x: 'y' } } });
    expectFault(readerSet, 403, policyDenied('volume_extension:volume_image_metadata:set'));
    const readerUnset = await action(reader, volume.id, { 'os-unset_image_metadata': { key: 'os_distro' } });
    expectFault(readerUnset, 403, policyDenied('volume_extension:volume_image_metadata:remove'));
    const theirs = await action(alt, volume.id, { 'os-show_image_metadata': {} });
    expectFault(theirs, 404, `Volume ${volume.id} could not be found.`);

    await adminAction(admin, volume.id, { 'os-reset_status': { status: 'maintenance' } });
    expectFault(
      await set({ metadata: { m: 'v' } }),
      400,
      'Invalid volume: Updating volume metadata is not allowed for volumes in maintenance status.',
    );
    expectFault(
      await unset({ key: 'os_distro' }),
      400,
      'Invalid volume: Deleting volume metadata is not allowed for volumes in maintenance status.',
    );
    await adminAction(admin, volume.id, { 'os-reset_status': { status: 'available' } });
  });
});
