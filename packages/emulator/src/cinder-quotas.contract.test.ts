import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { login, REQUEST_ID, type Login } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import {
  CINDER_TIME,
  createSnapshot,
  createVolume,
  expectOverLimit,
  settle,
  VolumeJanitor,
} from './contract/volumes-helpers.js';
import { call, expectFault, type Json, policyDenied, uniqueName } from './contract/http.js';

let target: ContractTarget;
let demo: Login;
let admin: Login;
let janitor: VolumeJanitor;
beforeAll(async () => {
  target = await contractTarget();
  [demo, admin] = await Promise.all([login(target, 'demo'), login(target, 'admin')]);
  janitor = new VolumeJanitor(() => admin);
});
let quotaChanged = false;
afterEach(async () => {
  await janitor.sweep();
  // A test that changes demo's quota resets it with DELETE; this also covers one that failed half-way.
  if (quotaChanged) await call('DELETE', demoQuotaUrl(admin), admin.token);
  quotaChanged = false;
});
afterAll(() => target?.close());

const demoQuotaUrl = (who: Login) => `${who.volumeUrl}/os-quota-sets/${demo.projectId}`;
const usage = async (): Promise<Json> =>
  (await call('GET', `${demoQuotaUrl(demo)}?usage=true`, demo.token)).body.quota_set;
const consumed = (entry: { in_use: number; reserved: number }) => entry.in_use + entry.reserved;
const setDemoQuota = async (limits: Record<string, number>) => {
  quotaChanged = true;
  const reply = await call('PUT', demoQuotaUrl(admin), admin.token, { quota_set: limits });
  expect(reply.status, reply.text).toBe(200);
  return reply;
};
const fresh = () => createVolume(demo, janitor, { size: 1, name: uniqueName('quota') });
const countVolumes = async () => (await call('GET', `${demo.volumeUrl}/volumes`, demo.token)).body.volumes.length;
const BASE_RESOURCES = ['backup_gigabytes', 'backups', 'gigabytes', 'groups', 'per_volume_gigabytes', 'snapshots'];

describe('Quota sets', () => {
  it('shows limit, in_use and reserved for every resource and every volume type with ?usage=true', async () => {
    await fresh();
    const types = (await call('GET', `${admin.volumeUrl}/types?is_public=none`, admin.token)).body.volume_types;
    const perType = types.flatMap((t: { name: string }) =>
      ['volumes', 'gigabytes', 'snapshots'].map((r) => `${r}_${t.name}`),
    );
    const expectedKeys = ['id', ...BASE_RESOURCES, 'volumes', ...perType].sort();

    const withUsage = await call('GET', `${demoQuotaUrl(demo)}?usage=true`, demo.token);
    expect(withUsage.status).toBe(200);
    const quota = withUsage.body.quota_set;
    expect(Object.keys(quota).sort()).toEqual(expectedKeys);
    expect(quota.id).toBe(demo.projectId);
    for (const key of expectedKeys.filter((k) => k !== 'id')) {
      expect(Object.keys(quota[key]).sort(), key).toEqual(['in_use', 'limit', 'reserved']);
      expect(quota[key].limit, key).toBeGreaterThanOrEqual(-1);
    }
    expect(quota.volumes.in_use).toBe(await countVolumes());

    const plain = (await call('GET', demoQuotaUrl(demo), demo.token)).body.quota_set;
    expect(Object.keys(plain).sort()).toEqual(expectedKeys);
    expect(plain.volumes).toBe(quota.volumes.limit);
  });

  it('updates with PUT (200, limits without id) and resets to the defaults with DELETE (200, empty)', async () => {
    const defaults = (await call('GET', `${demoQuotaUrl(demo)}/defaults`, demo.token)).body.quota_set;
    expect(defaults).toMatchObject({ id: demo.projectId, volumes: 10, snapshots: 10, gigabytes: 1000, backups: 10 });

    const limit = consumed((await usage()).volumes) + 3;
    const put = await setDemoQuota({ volumes: limit });
    expect(put.body.quota_set).not.toHaveProperty('id');
    expect(put.body.quota_set).toMatchObject({ volumes: limit, gigabytes: defaults.gigabytes });
    expect((await call('GET', demoQuotaUrl(demo), demo.token)).body.quota_set.volumes).toBe(limit);

    const reset = await call('DELETE', demoQuotaUrl(admin), admin.token);
    expect(reset.status).toBe(200);
    expect(reset.text).toBe('');
    expect((await call('GET', demoQuotaUrl(demo), demo.token)).body.quota_set).toEqual(defaults);
  });

  it('lets only admins update, and members read only their own project (403)', async () => {
    const update = await call('PUT', demoQuotaUrl(demo), demo.token, { quota_set: { volumes: 50 } });
    expectFault(update, 403, policyDenied('volume_extension:quotas:update'));
    const other = await call('GET', `${demo.volumeUrl}/os-quota-sets/${admin.projectId}`, demo.token);
    expectFault(other, 403, policyDenied('volume_extension:quotas:show'));
  });

  it('refuses a limit below current usage once the project has its own limit, and values below -1 (400)', async () => {
    await fresh();
    const inUse = consumed((await usage()).volumes);
    quotaChanged = true;
    // A first project-specific limit is not checked against usage (Cinder reads quotas with
    // defaults=False; checked on the real rig); once one exists, lowering it below use is refused.
    const first = await call('PUT', demoQuotaUrl(admin), admin.token, { quota_set: { volumes: inUse - 1 } });
    expect(first.status).toBe(200);
    await call('PUT', demoQuotaUrl(admin), admin.token, { quota_set: { volumes: inUse + 5 } });
    const below = await call('PUT', demoQuotaUrl(admin), admin.token, { quota_set: { volumes: inUse - 1 } });
    expectFault(
      below,
      400,
      `Quota volumes limit must be equal or greater than existing resources. Current usage is ${inUse} and the requested limit is ${inUse - 1}.`,
    );
    const negative = await call('PUT', demoQuotaUrl(admin), admin.token, { quota_set: { volumes: -5 } });
    expectFault(negative, 400, 'volumes must be >= -1');
  });
});

describe('Over quota (413 overLimit)', () => {
  it('refuses a create synchronously; the alphabetically first resource (gigabytes) decides', async () => {
    const now = await usage();
    const [volumes, gigabytes] = [consumed(now.volumes), consumed(now.gigabytes)];
    await setDemoQuota({ volumes, gigabytes: gigabytes + 1 });
    const before = await countVolumes();

    const both = await call('POST', `${demo.volumeUrl}/volumes`, demo.token, { volume: { size: 2 } });
    expectOverLimit(
      both,
      'VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. ' +
        `Requested 2G, quota is ${gigabytes + 1}G and ${gigabytes}G has been consumed.`,
    );
    const countOnly = await call('POST', `${demo.volumeUrl}/volumes`, demo.token, { volume: { size: 1 } });
    expectOverLimit(
      countOnly,
      `VolumeLimitExceeded: Maximum number of volumes allowed (${volumes}) exceeded for quota 'volumes'.`,
    );
    expect(await countVolumes()).toBe(before);

    expect((await call('DELETE', demoQuotaUrl(admin), admin.token)).status).toBe(200);
    quotaChanged = false;
    await fresh(); // back on the default quota, the same create is accepted
  });

  it('refuses an extend past the gigabytes quota and leaves the volume as it was', async () => {
    const volume = await fresh();
    const gigabytes = consumed((await usage()).gigabytes);
    await setDemoQuota({ gigabytes: gigabytes + 1 });
    const url = `${demo.volumeUrl}/volumes/${volume.id}`;
    const reply = await call('POST', `${url}/action`, demo.token, { 'os-extend': { new_size: 6 } });
    expectOverLimit(
      reply,
      'VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota. ' +
        `Requested 5G, quota is ${gigabytes + 1}G and ${gigabytes}G has been consumed.`,
    );
    expect((await call('GET', url, demo.token)).body.volume).toMatchObject({ status: 'available', size: 1 });
  });

  it('refuses a snapshot past the snapshot quota (no trailing period)', async () => {
    const volume = await fresh();
    const snapshots = consumed((await usage()).snapshots);
    await setDemoQuota({ snapshots });
    const reply = await call('POST', `${demo.volumeUrl}/snapshots`, demo.token, {
      snapshot: { volume_id: volume.id },
    });
    expectOverLimit(reply, `SnapshotLimitExceeded: Maximum number of snapshots allowed (${snapshots}) exceeded`);
  });
});

describe('Limits and availability zones', () => {
  it('reports absolute limits and usage that agree with the quota set', async () => {
    const volume = await fresh();
    await createSnapshot(demo, volume.id);
    const reply = await call('GET', `${demo.volumeUrl}/limits`, demo.token);
    expect(reply.status).toBe(200);
    expect(reply.body.limits.rate).toEqual([]);
    const absolute = reply.body.limits.absolute;
    expect(Object.keys(absolute).sort()).toEqual(
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
    const quota = await usage();
    expect(absolute).toMatchObject({
      maxTotalVolumes: quota.volumes.limit,
      maxTotalSnapshots: quota.snapshots.limit,
      maxTotalVolumeGigabytes: quota.gigabytes.limit,
      totalVolumesUsed: quota.volumes.in_use,
      totalSnapshotsUsed: quota.snapshots.in_use,
      // Includes the snapshot's gigabytes.
      totalGigabytesUsed: quota.gigabytes.in_use,
    });
  });

  it("lists the 'nova' zone as available", async () => {
    const reply = await call('GET', `${demo.volumeUrl}/os-availability-zone`, demo.token);
    expect(reply.status).toBe(200);
    const zones = reply.body.availabilityZoneInfo;
    expect(zones).toContainEqual({ zoneName: 'nova', zoneState: { available: true } });
    for (const zone of zones) expect(Object.keys(zone).sort()).toEqual(['zoneName', 'zoneState']);
  });
});

// Arming a failure needs the emulator's control API, which no real cloud has; a real cloud's
// failures cannot be forced from outside, so these run against the emulator only.
const onEmulator = process.env.CONTRACT_TARGET !== 'real';
describe('User messages (3.3)', () => {
  const failNextCreates = async (count: number) => {
    const control = `${new URL(target.authUrl).origin}/emulator/control/faults`;
    const armed = await call('POST', control, admin.token, { failNext: { operation: 'volume.create', count } });
    expect(armed.status, armed.text).toBe(201);
  };
  const failedVolume = async () => {
    const reply = await call('POST', `${demo.volumeUrl}/volumes`, demo.token, { volume: { size: 1 } });
    expect(reply.status).toBe(202);
    janitor.track(demo, reply.body.volume.id);
    expect((await settle(demo, reply.body.volume.id)).status).toBe('error');
    return { id: reply.body.volume.id as string, requestId: reply.headers.get('x-openstack-request-id') };
  };

  it.runIf(onEmulator)('explains a failed create, naming the request that caused it', async () => {
    await failNextCreates(1);
    const volume = await failedVolume();
    expectFault(await call('GET', `${demo.volumeUrl}/messages`, demo.token), 404, 'The resource could not be found.');

    const list = await call('GET', `${demo.volumeUrl}/messages`, demo.token, undefined, '3.3');
    expect(list.status).toBe(200);
    const message = list.body.messages.find((m: Json) => m.resource_uuid === volume.id);
    expect(Object.keys(message).sort()).toEqual(
      [
        'created_at',
        'event_id',
        'guaranteed_until',
        'id',
        'links',
        'message_level',
        'request_id',
        'resource_type',
        'resource_uuid',
        'user_message',
      ].sort(),
    );
    expect(message).toMatchObject({ resource_type: 'VOLUME', message_level: 'ERROR', request_id: volume.requestId });
    expect(message.request_id).toMatch(REQUEST_ID);
    expect(message.event_id).toMatch(/^VOLUME_VOLUME_\d{3}_\d{3}$/);
    expect(message.user_message).toMatch(/^[a-z ]+:.+/);
    expect(message.created_at).toMatch(CINDER_TIME);
    expect(message.guaranteed_until).toMatch(CINDER_TIME);
    expect(message.links[0]).toEqual({ rel: 'self', href: `${demo.volumeUrl}/messages/${message.id}` });

    const one = await call('GET', `${demo.volumeUrl}/messages/${message.id}`, demo.token, undefined, '3.3');
    expect(one.body).toEqual({ message });
  });

  it.runIf(onEmulator)(
    'ignores list filters before 3.5 (as the real cloud does) and applies them from 3.5',
    async () => {
      await failNextCreates(2);
      const [first, second] = [await failedVolume(), await failedVolume()];
      const query = `${demo.volumeUrl}/messages?resource_uuid=${first.id}`;
      const unfiltered = (await call('GET', query, demo.token, undefined, '3.3')).body.messages;
      expect(unfiltered.map((m: Json) => m.resource_uuid)).toEqual(expect.arrayContaining([first.id, second.id]));
      const filtered = (await call('GET', query, demo.token, undefined, '3.5')).body.messages;
      expect(filtered.map((m: Json) => m.resource_uuid)).toEqual([first.id]);
    },
  );
});
