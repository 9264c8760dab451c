import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { login, type Login } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import {
  adminAction,
  CINDER_TIME,
  createSnapshot,
  createVolume,
  DELETE_REFUSED,
  expectOverLimit,
  VolumeJanitor,
} from './contract/volumes-helpers.js';
import { waitForStatus } from './contract/wait.js';
import { call, expectFault, type Json, policyDenied, uniqueName } from './contract/http.js';

/**
 * Volume transfers (§4, `api/contrib/volume_transfer.py` and `api/v3/volume_transfer.py`), every
 * expectation recorded on the real rig first: `/volume-transfers` answers at every microversion,
 * the view grows `no_snapshots` at 3.55 and the history at 3.57, pagination arrives at 3.59.
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

/** Transfers a test left open are cancelled first (a volume awaiting a transfer cannot be deleted). */
const offered: string[] = [];
/**
 * Snapshots left with another project than their volume's (no_snapshots): an admin removes them,
 * then the volume, which its owner could only delete without `cascade` from then on.
 */
const strays: Array<{ snapshotId: string; volumeId: string }> = [];
let altQuotaChanged = false;
afterEach(async () => {
  for (const id of offered.splice(0)) await call('DELETE', `${demo.volumeUrl}/volume-transfers/${id}`, demo.token);
  for (const { snapshotId, volumeId } of strays.splice(0)) {
    await call('DELETE', `${admin.volumeUrl}/snapshots/${snapshotId}`, admin.token);
    await waitForStatus(`${admin.volumeUrl}/snapshots/${snapshotId}`, admin.token, ['deleted', 'error_deleting']);
    await call('DELETE', `${admin.volumeUrl}/volumes/${volumeId}`, admin.token);
    await waitForStatus(`${admin.volumeUrl}/volumes/${volumeId}`, admin.token, ['deleted', 'error_deleting']);
  }
  if (altQuotaChanged) await call('DELETE', `${admin.volumeUrl}/os-quota-sets/${alt.projectId}`, admin.token);
  altQuotaChanged = false;
  await janitor.sweep();
});
afterAll(() => target?.close());

const volumeUrl = (who: Login, id: string) => `${who.volumeUrl}/volumes/${id}`;
const fresh = (size = 1) => createVolume(demo, janitor, { size, name: uniqueName('transfer') });
const statusOf = async (who: Login, id: string) =>
  (await call('GET', volumeUrl(who, id), who.token)).body.volume.status;

/** Offers a volume from demo and remembers the transfer so it is cancelled after the test. */
async function offer(
  volumeId: string,
  extra: Record<string, unknown> = {},
  microversion = '3.55',
  path = 'volume-transfers',
) {
  const reply = await call(
    'POST',
    `${demo.volumeUrl}/${path}`,
    demo.token,
    { transfer: { volume_id: volumeId, ...extra } },
    microversion,
  );
  expect(reply.status, reply.text).toBe(202);
  offered.push(reply.body.transfer.id);
  return reply.body.transfer as Json;
}

async function accept(who: Login, transfer: { id: string; auth_key: string }, microversion?: string) {
  const reply = await call(
    'POST',
    `${who.volumeUrl}/volume-transfers/${transfer.id}/accept`,
    who.token,
    { accept: { auth_key: transfer.auth_key } },
    microversion,
  );
  if (reply.status === 202) offered.splice(offered.indexOf(transfer.id), 1);
  return reply;
}

/** in_use of a project's quota resources, read by the admin. */
async function usage(projectId: string): Promise<Record<string, number>> {
  const reply = await call('GET', `${admin.volumeUrl}/os-quota-sets/${projectId}?usage=true`, admin.token);
  expect(reply.status, reply.text).toBe(200);
  const set = reply.body.quota_set as Record<string, { in_use: number }>;
  return { volumes: set.volumes!.in_use, gigabytes: set.gigabytes!.in_use, snapshots: set.snapshots!.in_use };
}

const CREATE_KEYS_3_0 = ['auth_key', 'created_at', 'id', 'links', 'name', 'volume_id'];
const DETAIL_KEYS_3_0 = ['created_at', 'id', 'links', 'name', 'volume_id'];
const HISTORY_KEYS = ['accepted', 'destination_project_id', 'source_project_id'];

describe('Offering a volume (POST /volume-transfers)', () => {
  it('answers 202 with the auth key once, and the volume waits in awaiting-transfer until cancelled', async () => {
    const volume = await fresh();
    const transfer = await offer(volume.id, { name: '  hand-over  ' });
    expect(Object.keys(transfer).sort()).toEqual([...CREATE_KEYS_3_0, 'no_snapshots'].sort());
    expect(transfer).toMatchObject({ name: 'hand-over', volume_id: volume.id, no_snapshots: false });
    expect(transfer.auth_key).toMatch(/^[0-9a-f]{16}$/);
    expect(transfer.created_at).toMatch(CINDER_TIME);
    // The links name the legacy collection, under the project of the request URL.
    expect(transfer.links[0].href).toMatch(new RegExp(`/v3/${demo.projectId}/os-volume-transfer/${transfer.id}$`));
    expect(transfer.links[1].href).toMatch(new RegExp(`/${demo.projectId}/os-volume-transfer/${transfer.id}$`));
    expect(transfer.links[1].href).not.toContain('/v3/');
    expect(await statusOf(demo, volume.id)).toBe('awaiting-transfer');

    const shown = await call('GET', `${demo.volumeUrl}/volume-transfers/${transfer.id}`, demo.token, undefined, '3.55');
    expect(shown.status).toBe(200);
    expect(Object.keys(shown.body.transfer).sort()).toEqual([...DETAIL_KEYS_3_0, 'no_snapshots'].sort());

    // Waiting for a transfer blocks delete, extend and a second offer; renaming is still allowed.
    expectFault(await call('DELETE', volumeUrl(demo, volume.id), demo.token), 400, DELETE_REFUSED);
    const second = await call('POST', `${demo.volumeUrl}/volume-transfers`, demo.token, {
      transfer: { volume_id: volume.id },
    });
    expectFault(second, 400, 'Invalid volume: status must be available');
    const renamed = await call('PUT', volumeUrl(demo, volume.id), demo.token, { volume: { name: 'renamed' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.volume.status).toBe('awaiting-transfer');

    const cancelled = await call('DELETE', `${demo.volumeUrl}/volume-transfers/${transfer.id}`, demo.token);
    expect(cancelled.status).toBe(202);
    expect(cancelled.text).toBe('');
    offered.splice(offered.indexOf(transfer.id), 1);
    expect(await statusOf(demo, volume.id)).toBe('available');
    const gone = await call('GET', `${demo.volumeUrl}/volume-transfers/${transfer.id}`, demo.token);
    expectFault(gone, 404, `Transfer ${transfer.id} could not be found.`);
    const again = await call('DELETE', `${demo.volumeUrl}/volume-transfers/${transfer.id}`, demo.token);
    expectFault(again, 404, `Transfer ${transfer.id} could not be found.`);
  });

  it('serves /volume-transfers at every microversion: no_snapshots from 3.55, the history from 3.57', async () => {
    const volume = await fresh();
    const transfer = await offer(volume.id, {}, '3.0');
    expect(Object.keys(transfer).sort()).toEqual(CREATE_KEYS_3_0);
    expect(transfer.name).toBeNull();
    const show = (microversion: string) =>
      call('GET', `${demo.volumeUrl}/volume-transfers/${transfer.id}`, demo.token, undefined, microversion);
    expect(Object.keys((await show('3.54')).body.transfer).sort()).toEqual(DETAIL_KEYS_3_0);
    expect(Object.keys((await show('3.55')).body.transfer).sort()).toEqual([...DETAIL_KEYS_3_0, 'no_snapshots'].sort());
    const withHistory = (await show('3.57')).body.transfer;
    expect(Object.keys(withHistory).sort()).toEqual([...DETAIL_KEYS_3_0, 'no_snapshots', ...HISTORY_KEYS].sort());
    expect(withHistory).toMatchObject({
      destination_project_id: null,
      source_project_id: demo.projectId,
      accepted: false,
    });
    // The legacy path shares the view, so it shows the same fields by microversion.
    const legacy = await call(
      'GET',
      `${demo.volumeUrl}/os-volume-transfer/${transfer.id}`,
      demo.token,
      undefined,
      '3.70',
    );
    expect(legacy.body).toEqual({ transfer: withHistory });

    const list = await call('GET', `${demo.volumeUrl}/volume-transfers`, demo.token);
    const mine = list.body.transfers.find((t: Json) => t.id === transfer.id);
    expect(Object.keys(mine).sort()).toEqual(['id', 'links', 'name', 'volume_id']);
    const detail = await call('GET', `${demo.volumeUrl}/os-volume-transfer/detail`, demo.token);
    expect(Object.keys(detail.body.transfers.find((t: Json) => t.id === transfer.id)).sort()).toEqual(DETAIL_KEYS_3_0);
  });

  it('takes no_snapshots only on /volume-transfers from 3.55', async () => {
    const body = { transfer: { volume_id: randomUUID(), no_snapshots: true } };
    const refusal = `Invalid input for field/attribute transfer. Value: {'volume_id': '${body.transfer.volume_id}', 'no_snapshots': True}. Additional properties are not allowed ('no_snapshots' was unexpected)`;
    expectFault(await call('POST', `${demo.volumeUrl}/volume-transfers`, demo.token, body, '3.54'), 400, refusal);
    expectFault(await call('POST', `${demo.volumeUrl}/os-volume-transfer`, demo.token, body, '3.70'), 400, refusal);
    // From 3.55 the body passes and the (unknown) volume is looked up.
    const accepted = await call('POST', `${demo.volumeUrl}/volume-transfers`, demo.token, body, '3.55');
    expectFault(accepted, 404, `Volume ${body.transfer.volume_id} could not be found.`);
  });

  it('validates the body with the schema texts before looking the volume up', async () => {
    const id = randomUUID();
    const post = (body: unknown, microversion?: string) =>
      call('POST', `${demo.volumeUrl}/volume-transfers`, demo.token, body, microversion);
    expectFault(await post({}), 400, "'transfer' is a required property");
    expectFault(
      await post({ transfer: null }),
      400,
      "Invalid input for field/attribute transfer. Value: None. None is not of type 'object'",
    );
    expectFault(
      await post({ transfer: { volume_id: id }, extra: 1 }),
      400,
      "Additional properties are not allowed ('extra' was unexpected)",
    );
    expectFault(
      await post({ transfer: {} }),
      400,
      "Invalid input for field/attribute transfer. Value: {}. 'volume_id' is a required property",
    );
    expectFault(
      await post({ transfer: { volume_id: 'abc' } }),
      400,
      "Invalid input for field/attribute volume_id. Value: abc. 'abc' is not a 'uuid'",
    );
    expectFault(
      await post({ transfer: { volume_id: null } }),
      400,
      "Invalid input for field/attribute volume_id. Value: None. None is not of type 'string'",
    );
    expectFault(
      await post({ transfer: { volume_id: id, name: '   ' } }),
      400,
      "Invalid input for field/attribute name. Value:    . '   ' is not valid under any of the given schemas",
    );
    expectFault(
      await post({ transfer: { volume_id: id, no_snapshots: 'maybe' } }, '3.55'),
      400,
      "Invalid input for field/attribute no_snapshots. Value: maybe. 'maybe' is not one of [True, 'True', 'TRUE', 'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', 'y', 't', False, 'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', 'No', 'no', 'n', 'f']",
    );
    expectFault(await post({ transfer: { volume_id: id, name: 'x' } }), 404, `Volume ${id} could not be found.`);
  });

  it('offers only available volumes, and only with available snapshots unless no_snapshots', async () => {
    const broken = await fresh();
    await adminAction(admin, broken.id, { 'os-reset_status': { status: 'error' } });
    const refused = await call('POST', `${demo.volumeUrl}/os-volume-transfer`, demo.token, {
      transfer: { volume_id: broken.id },
    });
    expectFault(refused, 400, 'Invalid volume: status must be available');

    const volume = await fresh();
    const snapshot = await createSnapshot(demo, volume.id);
    const snapshotAction = `${admin.volumeUrl}/snapshots/${snapshot.id}/action`;
    await call('POST', snapshotAction, admin.token, { 'os-reset_status': { status: 'error' } });
    const withSnapshots = await call('POST', `${demo.volumeUrl}/volume-transfers`, demo.token, {
      transfer: { volume_id: volume.id },
    });
    expectFault(withSnapshots, 400, `Invalid snapshot: snapshot: ${snapshot.id} status must be available`);
    expect(await statusOf(demo, volume.id)).toBe('available');
    const without = await offer(volume.id, { no_snapshots: true });
    expect(without.no_snapshots).toBe(true);
    await call('POST', snapshotAction, admin.token, { 'os-reset_status': { status: 'available' } });
  });
});

describe('Who sees a transfer', () => {
  it('lets a reader read a transfer but not offer, cancel or accept one', async () => {
    const volume = await fresh();
    const refused = await call('POST', `${reader.volumeUrl}/volume-transfers`, reader.token, {
      transfer: { volume_id: volume.id },
    });
    expectFault(refused, 403, policyDenied('volume:create_transfer'));
    const transfer = await offer(volume.id);
    expect((await call('GET', `${reader.volumeUrl}/volume-transfers/${transfer.id}`, reader.token)).status).toBe(200);
    const cancel = await call('DELETE', `${reader.volumeUrl}/volume-transfers/${transfer.id}`, reader.token);
    expectFault(cancel, 403, policyDenied('volume:delete_transfer'));
    expectFault(await accept(reader, transfer), 403, policyDenied('volume:accept_transfer'));
    expect(await statusOf(demo, volume.id)).toBe('awaiting-transfer');
  });

  it('hides a transfer from other projects; an admin sees it, in lists only with all_tenants', async () => {
    const volume = await fresh();
    const transfer = await offer(volume.id);
    const notFound = `Transfer ${transfer.id} could not be found.`;
    expectFault(await call('GET', `${alt.volumeUrl}/volume-transfers/${transfer.id}`, alt.token), 404, notFound);
    expectFault(await call('DELETE', `${alt.volumeUrl}/volume-transfers/${transfer.id}`, alt.token), 404, notFound);
    const altList = await call('GET', `${alt.volumeUrl}/volume-transfers?all_tenants=1`, alt.token);
    expect(altList.body.transfers.map((t: Json) => t.id)).not.toContain(transfer.id);

    const shown = await call('GET', `${admin.volumeUrl}/volume-transfers/${transfer.id}`, admin.token);
    expect(shown.status).toBe(200);
    // Links follow the request's project, not the volume's.
    expect(shown.body.transfer.links[0].href).toContain(`/v3/${admin.projectId}/os-volume-transfer/`);
    const own = await call('GET', `${admin.volumeUrl}/volume-transfers`, admin.token);
    expect(own.body.transfers.map((t: Json) => t.id)).not.toContain(transfer.id);
    const all = await call('GET', `${admin.volumeUrl}/volume-transfers?all_tenants=1`, admin.token);
    expect(all.body.transfers.map((t: Json) => t.id)).toContain(transfer.id);
  });
});

describe('Accepting a transfer', () => {
  it('moves the volume, its snapshots and their quota usage to the accepting project', async () => {
    const volume = await fresh(2);
    const snapshot = await createSnapshot(demo, volume.id);
    const transfer = await offer(volume.id, { name: 'hand-over' });
    const [demoBefore, altBefore] = await Promise.all([usage(demo.projectId), usage(alt.projectId)]);

    const wrongKey = await call('POST', `${alt.volumeUrl}/volume-transfers/${transfer.id}/accept`, alt.token, {
      accept: { auth_key: 'not-the-key' },
    });
    expectFault(wrongKey, 400, `Invalid auth key: Attempt to transfer ${transfer.id} with invalid auth key.`);
    const numericKey = await call('POST', `${alt.volumeUrl}/os-volume-transfer/${transfer.id}/accept`, alt.token, {
      accept: { auth_key: 12345 },
    });
    expectFault(numericKey, 400, `Invalid auth key: Attempt to transfer ${transfer.id} with invalid auth key.`);

    const accepted = await accept(alt, transfer, '3.70');
    expect(accepted.status).toBe(202);
    janitor.track(alt, volume.id);
    expect(Object.keys(accepted.body.transfer).sort()).toEqual(['id', 'links', 'name', 'volume_id']);
    expect(accepted.body.transfer).toMatchObject({ id: transfer.id, volume_id: volume.id, name: 'hand-over' });
    expect(accepted.body.transfer.links[0].href).toContain(`/v3/${alt.projectId}/os-volume-transfer/`);

    expectFault(
      await call('GET', volumeUrl(demo, volume.id), demo.token),
      404,
      `Volume ${volume.id} could not be found.`,
    );
    const moved = (await call('GET', volumeUrl(alt, volume.id), alt.token)).body.volume;
    expect(moved).toMatchObject({ status: 'available', 'os-vol-tenant-attr:tenant_id': alt.projectId });
    expect(moved.user_id).toBe((alt.body.token.user as { id: string }).id);
    const movedSnapshot = await call('GET', `${alt.volumeUrl}/snapshots/${snapshot.id}`, alt.token);
    expect(movedSnapshot.body.snapshot['os-extended-snapshot-attributes:project_id']).toBe(alt.projectId);

    const [demoAfter, altAfter] = await Promise.all([usage(demo.projectId), usage(alt.projectId)]);
    expect(demoAfter).toEqual({
      volumes: demoBefore.volumes! - 1,
      gigabytes: demoBefore.gigabytes! - 4,
      snapshots: demoBefore.snapshots! - 1,
    });
    expect(altAfter).toEqual({
      volumes: altBefore.volumes! + 1,
      gigabytes: altBefore.gigabytes! + 4,
      snapshots: altBefore.snapshots! + 1,
    });

    // An accepted transfer is gone for everyone, admins included.
    const notFound = `Transfer ${transfer.id} could not be found.`;
    expectFault(await call('GET', `${admin.volumeUrl}/volume-transfers/${transfer.id}`, admin.token), 404, notFound);
    expectFault(await accept(alt, transfer), 404, notFound);
  });

  it('leaves the snapshots with the offering project when no_snapshots is set (3.55)', async () => {
    const volume = await fresh();
    const snapshot = await createSnapshot(demo, volume.id);
    const transfer = await offer(volume.id, { no_snapshots: true }, '3.57');
    expect(transfer).toMatchObject({ no_snapshots: true, accepted: false, source_project_id: demo.projectId });
    expect((await accept(alt, transfer)).status).toBe(202);
    strays.push({ snapshotId: snapshot.id, volumeId: volume.id });

    expect(await statusOf(alt, volume.id)).toBe('available');
    const kept = await call('GET', `${demo.volumeUrl}/snapshots/${snapshot.id}`, demo.token);
    expect(kept.body.snapshot).toMatchObject({
      volume_id: volume.id,
      'os-extended-snapshot-attributes:project_id': demo.projectId,
    });
    expectFault(
      await call('GET', `${alt.volumeUrl}/snapshots/${snapshot.id}`, alt.token),
      404,
      `Snapshot ${snapshot.id} could not be found.`,
    );
    // The new owner cannot delete the volume while another project's snapshot hangs on it...
    const cascade = await call('DELETE', `${volumeUrl(alt, volume.id)}?cascade=true`, alt.token);
    expectFault(cascade, 400, DELETE_REFUSED);
    expectFault(await call('DELETE', volumeUrl(alt, volume.id), alt.token), 400, DELETE_REFUSED);
    // ...nor can the snapshot's owner delete the snapshot: its volume is no longer theirs.
    const orphan = await call('DELETE', `${demo.volumeUrl}/snapshots/${snapshot.id}`, demo.token);
    expectFault(orphan, 404, `Volume ${volume.id} could not be found.`);

    // Once an admin has removed it, a plain delete works, but `cascade` stays refused for good: the
    // check counts deleted snapshot rows of another project ("disassociated from snapshots").
    expect((await call('DELETE', `${admin.volumeUrl}/snapshots/${snapshot.id}`, admin.token)).status).toBe(202);
    await waitForStatus(`${admin.volumeUrl}/snapshots/${snapshot.id}`, admin.token, ['deleted']);
    const stillRefused = await call('DELETE', `${volumeUrl(alt, volume.id)}?cascade=true`, alt.token);
    expectFault(stillRefused, 400, DELETE_REFUSED);
    expect((await call('DELETE', volumeUrl(alt, volume.id), alt.token)).status).toBe(202);
    await waitForStatus(volumeUrl(alt, volume.id), alt.token, ['deleted']);
  });

  it('lets the offering project accept its own transfer', async () => {
    const volume = await fresh();
    const transfer = await offer(volume.id);
    expect((await accept(demo, transfer)).status).toBe(202);
    expect(await statusOf(demo, volume.id)).toBe('available');
  });

  it("refuses with 413 what would exceed the accepting project's quota", async () => {
    const volume = await fresh(2);
    const transfer = await offer(volume.id);
    const altQuota = `${admin.volumeUrl}/os-quota-sets/${alt.projectId}`;
    altQuotaChanged = true;
    await call('PUT', altQuota, admin.token, { quota_set: { per_volume_gigabytes: 1 } });
    expectOverLimit(
      await accept(alt, transfer),
      'VolumeSizeExceedsLimit: Requested volume size 2G is larger than maximum allowed limit 1G.',
    );
    await call('PUT', altQuota, admin.token, { quota_set: { per_volume_gigabytes: -1, volumes: 0 } });
    expectOverLimit(
      await accept(alt, transfer),
      "VolumeLimitExceeded: Maximum number of volumes allowed (0) exceeded for quota 'volumes'.",
    );
    // The controller re-raises a gigabytes refusal itself, without the exception's class name.
    const used = (await usage(alt.projectId)).gigabytes!;
    await call('PUT', altQuota, admin.token, { quota_set: { volumes: 10, gigabytes: used + 1 } });
    expectOverLimit(
      await accept(alt, transfer),
      `Requested volume or snapshot exceeds allowed gigabytes quota. Requested 2G, quota is ${used + 1}G and ${used}G has been consumed.`,
    );
    expect(await statusOf(demo, volume.id)).toBe('awaiting-transfer');
  });

  it('validates the accept body with the schema texts, and 404s an unknown transfer', async () => {
    const id = randomUUID();
    const post = (body: unknown) => call('POST', `${alt.volumeUrl}/volume-transfers/${id}/accept`, alt.token, body);
    expectFault(await post({}), 400, "'accept' is a required property");
    expectFault(
      await post({ accept: {} }),
      400,
      "Invalid input for field/attribute accept. Value: {}. 'auth_key' is a required property",
    );
    expectFault(
      await post({ accept: { auth_key: 'x', y: 1 } }),
      400,
      "Invalid input for field/attribute accept. Value: {'auth_key': 'x', 'y': 1}. Additional properties are not allowed ('y' was unexpected)",
    );
    expectFault(
      await post({ accept: { auth_key: null } }),
      400,
      "Invalid input for field/attribute auth_key. Value: None. None is not of type 'string', 'integer'",
    );
    expectFault(await post({ accept: { auth_key: 'x' } }), 404, `Transfer ${id} could not be found.`);
  });
});

describe('Listing transfers', () => {
  it('pages /volume-transfers from 3.59; before, paging parameters are filters that match nothing', async () => {
    const [first, second] = [await fresh(), await fresh()];
    const name = uniqueName('listed');
    const mine = [(await offer(first.id, { name })).id, (await offer(second.id)).id];
    const list = (query: string, microversion?: string, path = 'volume-transfers') =>
      call('GET', `${demo.volumeUrl}/${path}${query}`, demo.token, undefined, microversion);

    const all = (await list('', '3.59')).body.transfers.map((t: Json) => t.id);
    expect(all).toEqual(expect.arrayContaining(mine));
    const page = await list('?limit=1', '3.59');
    expect(page.body.transfers.map((t: Json) => t.id)).toEqual([all[0]]);
    expect(page.body.transfers_links).toEqual([
      {
        rel: 'next',
        href: expect.stringMatching(new RegExp(`/v3/${demo.projectId}/os-volume-transfer\\?limit=1&marker=${all[0]}$`)),
      },
    ]);
    const next = await list(`?limit=1&marker=${all[0]}`, '3.59');
    expect(next.body.transfers.map((t: Json) => t.id)).toEqual([all[1]]);
    const unknown = randomUUID();
    expectFault(await list(`?marker=${unknown}`, '3.59'), 404, `Transfer ${unknown} could not be found.`);
    expectFault(await list('?sort=name:asc', '3.59'), 400, 'Invalid input received: Invalid sort key');

    expect((await list('?limit=1', '3.58')).body).toEqual({ transfers: [] });
    expect((await list('?limit=1', '3.70', 'os-volume-transfer')).body).toEqual({ transfers: [] });
    expectFault(await list('?limit=x', '3.58'), 400, 'limit param must be an integer');
    expectFault(await list('?offset=-1', '3.59'), 400, 'offset must be >= 0');

    const byName = await list(`/detail?name=${name}`);
    expect(byName.body.transfers.map((t: Json) => t.id)).toEqual([mine[0]]);
    expect((await list('?foo=bar', '3.59')).body).toEqual({ transfers: [] });
  });
});
