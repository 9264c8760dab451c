import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { login, type Login } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import {
  adminAction,
  createSnapshot,
  createVolume,
  DELETE_REFUSED,
  DETAIL_KEYS_3_0,
  VolumeJanitor,
} from './contract/volumes-helpers.js';
import { waitForStatus } from './contract/wait.js';
import { call, expectFault, policyDenied, uniqueName } from './contract/http.js';

let target: ContractTarget;
let demo: Login;
let admin: Login;
let alt: Login;
let janitor: VolumeJanitor;
beforeAll(async () => {
  target = await contractTarget();
  [demo, admin, alt] = await Promise.all([login(target, 'demo'), login(target, 'admin'), login(target, 'alt_demo')]);
  janitor = new VolumeJanitor(() => admin);
});
// Volumes count against the project's quota (10 by default) until they are gone: clean up per test.
afterEach(() => janitor.sweep());
afterAll(() => target?.close());

const volumeUrl = (who: Login, id: string) => `${who.volumeUrl}/volumes/${id}`;
const fresh = (volume: Record<string, unknown> = {}) =>
  createVolume(demo, janitor, { size: 1, name: uniqueName('lifecycle'), ...volume });

describe('Updating a volume (PUT)', () => {
  it('renames it, answering 200 with the detail view and no extension attributes', async () => {
    const volume = await fresh({ metadata: { keep: 'me' } });
    const reply = await call('PUT', volumeUrl(demo, volume.id), demo.token, {
      volume: { name: 'renamed', description: 'redescribed' },
    });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body.volume).sort()).toEqual(DETAIL_KEYS_3_0);
    expect(reply.body.volume).toMatchObject({
      id: volume.id,
      status: 'available',
      name: 'renamed',
      description: 'redescribed',
      metadata: { keep: 'me' },
    });
  });

  it('accepts an empty update below 3.53 and refuses it from 3.53', async () => {
    const volume = await fresh();
    const below = await call('PUT', volumeUrl(demo, volume.id), demo.token, { volume: {} }, '3.52');
    expect(below.status).toBe(200);
    expect(below.body.volume.name).toBe(volume.name);
    const from = await call('PUT', volumeUrl(demo, volume.id), demo.token, { volume: {} }, '3.53');
    expectFault(
      from,
      400,
      'Invalid input for field/attribute volume. Value: {}. {} is not valid under any of the given schemas',
    );
  });

  it('refuses fields other than name, description and metadata', async () => {
    const volume = await fresh();
    const reply = await call('PUT', volumeUrl(demo, volume.id), demo.token, { volume: { size: 5 } });
    expectFault(
      reply,
      400,
      "Invalid input for field/attribute volume. Value: {'size': 5}. Additional properties are not allowed ('size' was unexpected)",
    );
  });
});

describe('Volume metadata', () => {
  it('reads, merges (POST), replaces (PUT), reads one key and deletes one key', async () => {
    const volume = await fresh({ metadata: { a: '1' } });
    const url = `${volumeUrl(demo, volume.id)}/metadata`;
    expect((await call('GET', url, demo.token)).body).toEqual({ metadata: { a: '1' } });

    const merged = await call('POST', url, demo.token, { metadata: { b: '2' } });
    expect(merged.status).toBe(200);
    expect(merged.body).toEqual({ metadata: { a: '1', b: '2' } });

    const replaced = await call('PUT', url, demo.token, { metadata: { c: '3' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({ metadata: { c: '3' } });
    expect((await call('GET', url, demo.token)).body).toEqual({ metadata: { c: '3' } });

    const one = await call('GET', `${url}/c`, demo.token);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ meta: { c: '3' } });

    const put = await call('PUT', `${url}/c`, demo.token, { meta: { c: '4' } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ meta: { c: '4' } });

    const deleted = await call('DELETE', `${url}/c`, demo.token);
    expect(deleted.status).toBe(200);
    expect(deleted.text).toBe('');
    expect((await call('GET', url, demo.token)).body).toEqual({ metadata: {} });
  });

  it("refuses a key PUT whose body names another key with 'Request body and URI mismatch'", async () => {
    const volume = await fresh({ metadata: { c: '3' } });
    const reply = await call('PUT', `${volumeUrl(demo, volume.id)}/metadata/c`, demo.token, { meta: { d: '4' } });
    expectFault(reply, 400, 'Request body and URI mismatch');
  });
});

describe('Deleting a volume', () => {
  it('answers 202 with an empty body, then the volume goes away (404)', async () => {
    const volume = await fresh();
    const reply = await call('DELETE', volumeUrl(demo, volume.id), demo.token);
    expect(reply.status).toBe(202);
    expect(reply.text).toBe('');
    await waitForStatus(volumeUrl(demo, volume.id), demo.token, ['deleted']);
    const gone = await call('GET', volumeUrl(demo, volume.id), demo.token);
    expectFault(gone, 404, `Volume ${volume.id} could not be found.`);
    const again = await call('DELETE', volumeUrl(demo, volume.id), demo.token);
    expectFault(again, 404, `Volume ${volume.id} could not be found.`);
  });

  it('refuses a second delete while the volume is still deleting', async () => {
    // The emulator holds the delete (a busy machine could finish it before the second request); the
    // rig's file driver unlinks in a moment, so the volume asks it for a slow delete, as real
    // backends' deletes are (deploy/openstack-dev/osdev_localfile.py).
    const volume = await fresh({ metadata: { osdev_delete_seconds: '10' } });
    const release = target.hold?.('volume.delete', String(volume.name));
    expect((await call('DELETE', volumeUrl(demo, volume.id), demo.token)).status).toBe(202);
    const second = await call('DELETE', volumeUrl(demo, volume.id), demo.token);
    release?.();
    expectFault(second, 400, DELETE_REFUSED);
    await waitForStatus(volumeUrl(demo, volume.id), demo.token, ['deleted']);
  });

  it('refuses a plain delete of a volume with snapshots, and cascade removes both', async () => {
    const volume = await fresh();
    const snapshot = await createSnapshot(demo, volume.id);
    expectFault(await call('DELETE', volumeUrl(demo, volume.id), demo.token), 400, DELETE_REFUSED);

    const cascade = await call('DELETE', `${volumeUrl(demo, volume.id)}?cascade=true`, demo.token);
    expect(cascade.status).toBe(202);
    await waitForStatus(volumeUrl(demo, volume.id), demo.token, ['deleted']);
    const snapshotUrl = `${demo.volumeUrl}/snapshots/${snapshot.id}`;
    expectFault(await call('GET', snapshotUrl, demo.token), 404, `Snapshot ${snapshot.id} could not be found.`);
  });

  it('lets an admin force-delete from 3.23 and forbids it to members', async () => {
    const volume = await fresh();
    expect((await adminAction(admin, volume.id, { 'os-reset_status': { status: 'maintenance' } })).status).toBe(202);
    expectFault(await call('DELETE', volumeUrl(demo, volume.id), demo.token), 400, DELETE_REFUSED);

    const member = await call('DELETE', `${volumeUrl(demo, volume.id)}?force=true`, demo.token, undefined, '3.23');
    expectFault(member, 403, policyDenied('volume:force_delete'));
    // Below 3.23 the force parameter does not exist, so the status rule still applies.
    const old = await call('DELETE', `${volumeUrl(admin, volume.id)}?force=true`, admin.token, undefined, '3.22');
    expectFault(old, 400, DELETE_REFUSED);

    const forced = await call('DELETE', `${volumeUrl(admin, volume.id)}?force=true`, admin.token, undefined, '3.23');
    expect(forced.status).toBe(202);
    await waitForStatus(volumeUrl(demo, volume.id), demo.token, ['deleted']);
  });
});

describe('Volume policy', () => {
  it('lets a reader list volumes but not create one (403)', async () => {
    const reader = await login(target, 'reader');
    expect((await call('GET', `${reader.volumeUrl}/volumes`, reader.token)).status).toBe(200);
    const reply = await call('POST', `${reader.volumeUrl}/volumes`, reader.token, { volume: { size: 1 } });
    expectFault(reply, 403, policyDenied('volume:create'));
  });

  it("hides another project's volume: show, update, action and delete all answer 404", async () => {
    const theirs = await createVolume(alt, janitor, { size: 1, name: uniqueName('alt-only') });
    const url = volumeUrl(demo, theirs.id);
    const notFound = `Volume ${theirs.id} could not be found.`;
    expectFault(await call('GET', url, demo.token), 404, notFound);
    expectFault(await call('PUT', url, demo.token, { volume: { name: 'mine now' } }), 404, notFound);
    expectFault(await call('POST', `${url}/action`, demo.token, { 'os-extend': { new_size: 2 } }), 404, notFound);
    expectFault(await call('DELETE', url, demo.token), 404, notFound);
    expect((await call('GET', volumeUrl(alt, theirs.id), alt.token)).body.volume.status).toBe('available');
  });
});

describe('Project-less URLs (/v3/volumes)', () => {
  it('create, show, act on, update and delete a volume without the project id in the URL', async () => {
    const root = demo.volumeUrl.replace(/\/[0-9a-f-]+$/, '');
    const created = await call('POST', `${root}/volumes`, demo.token, { volume: { size: 1, name: 'no-project' } });
    expect(created.status).toBe(202);
    const id = created.body.volume.id;
    janitor.track(demo, id);
    const shown = await waitForStatus(`${root}/volumes/${id}`, demo.token, ['available', 'error']);
    expect(shown).toMatchObject({ status: 'available', 'os-vol-tenant-attr:tenant_id': demo.projectId });

    const extended = await call('POST', `${root}/volumes/${id}/action`, demo.token, { 'os-extend': { new_size: 2 } });
    expect(extended.status).toBe(202);
    expect(await waitForStatus(`${root}/volumes/${id}`, demo.token, ['available', 'error'])).toMatchObject({
      status: 'available',
      size: 2,
    });
    const renamed = await call('PUT', `${root}/volumes/${id}`, demo.token, { volume: { name: 'still-no-project' } });
    expect(renamed.status).toBe(200);
    expect((await call('DELETE', `${root}/volumes/${id}`, demo.token)).status).toBe(202);
    await waitForStatus(`${root}/volumes/${id}`, demo.token, ['deleted']);
  });
});
