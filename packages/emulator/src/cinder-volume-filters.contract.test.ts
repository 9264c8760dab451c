import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type Login } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { createVolume, VolumeJanitor } from './contract/volumes-helpers.js';
import { call, expectFault, type Json } from './contract/http.js';

/**
 * Who may filter volumes by what (`common.reject_invalid_filters` and the default
 * `resource_filters.json`), as recorded on the real rig: a member may not use the "like" filter
 * `name~` or `volume_type` from 3.31 (both are silently dropped before); an admin may use any
 * filter, `name~` as SQL `LIKE` from 3.31 (ignored before), but `volume_type` names no column, so
 * it matches nothing.
 */
let target: ContractTarget;
let demo: Login;
let admin: Login;
let janitor: VolumeJanitor;
/** A name only this run uses, mixed case, and a volume that does not match it. */
const tag = Math.random().toString(36).slice(2, 10);
const name = `Filter-Probe-${tag}`;
let matching: Json;
let other: Json;
beforeAll(async () => {
  target = await contractTarget();
  [demo, admin] = await Promise.all([login(target, 'demo'), login(target, 'admin')]);
  janitor = new VolumeJanitor(() => admin);
  const show = async (id: string) =>
    (await call('GET', `${demo.volumeUrl}/volumes/${id}`, demo.token, undefined, '3.70')).body.volume;
  matching = await show((await createVolume(demo, janitor, { size: 1, name })).id);
  other = await show((await createVolume(demo, janitor, { size: 1, name: `unrelated-${tag}` })).id);
}, 120_000);
afterAll(async () => {
  await janitor?.sweep();
  await target?.close();
}, 120_000);

const ids = async (who: Login, query: string, microversion: string) => {
  const reply = await call('GET', `${who.volumeUrl}/volumes/detail?${query}`, who.token, undefined, microversion);
  expect(reply.status, reply.text).toBe(200);
  return reply.body.volumes.map((v: Json) => v.id) as string[];
};

describe('The "like" filter name~', () => {
  it('is refused to a member from 3.31 up to 3.70, and silently dropped before 3.31', async () => {
    for (const microversion of ['3.31', '3.34', '3.70']) {
      const reply = await call(
        'GET',
        `${demo.volumeUrl}/volumes/detail?name~=probe`,
        demo.token,
        undefined,
        microversion,
      );
      expectFault(reply, 400, 'Invalid filters name~ are found in query options.');
    }
    const summary = await call('GET', `${demo.volumeUrl}/volumes?name~=probe`, demo.token, undefined, '3.70');
    expectFault(summary, 400, 'Invalid filters name~ are found in query options.');
    // Dropped, not applied: the volume that does not match is listed too.
    expect(await ids(demo, `name~=probe-${tag}`, '3.30')).toEqual(expect.arrayContaining([matching.id, other.id]));
  });

  it("works for an admin from 3.31, as a case-insensitive SQL LIKE ('%' and '_' are wildcards)", async () => {
    for (const microversion of ['3.31', '3.33', '3.34', '3.70']) {
      expect(await ids(admin, `all_tenants=1&name~=probe-${tag}`, microversion)).toEqual([matching.id]);
    }
    expect(await ids(admin, `all_tenants=1&name~=${encodeURIComponent(`FILTER%${tag}`)}`, '3.70')).toEqual([
      matching.id,
    ]);
    expect(await ids(admin, `all_tenants=1&name~=filter_probe-${tag}`, '3.70')).toEqual([matching.id]);
    // Without all_tenants an admin lists the admin project only.
    expect(await ids(admin, `name~=probe-${tag}`, '3.70')).toEqual([]);
  });

  it('is ignored for an admin before 3.31, where description~ even breaks the listing (500)', async () => {
    expect(await ids(admin, `all_tenants=1&name~=probe-${tag}`, '3.30')).toEqual(
      expect.arrayContaining([matching.id, other.id]),
    );
    expect(await ids(admin, `all_tenants=1&name~=probe-${tag}`, '3.0')).toEqual(
      expect.arrayContaining([matching.id, other.id]),
    );
    const broken = await call('GET', `${admin.volumeUrl}/volumes/detail?all_tenants=1&description~=x`, admin.token);
    expect(broken.status).toBe(500);
    expect(broken.body).toEqual({
      computeFault: {
        code: 500,
        message: 'The server has either erred or is incapable of performing the requested operation.',
      },
    });
    expect(await ids(admin, `all_tenants=1&description~=x&name~=probe-${tag}`, '3.31')).toEqual([]);
  });
});

describe('Filtering by volume type', () => {
  it('is refused to a member from 3.31 (volume_type and volume_type_id) and dropped before', async () => {
    const refused = await call(
      'GET',
      `${demo.volumeUrl}/volumes/detail?volume_type=__DEFAULT__`,
      demo.token,
      undefined,
      '3.70',
    );
    expectFault(refused, 400, 'Invalid filters volume_type are found in query options.');
    const byId = await call(
      'GET',
      `${demo.volumeUrl}/volumes/detail?volume_type_id=${matching.volume_type_id}`,
      demo.token,
      undefined,
      '3.70',
    );
    expectFault(byId, 400, 'Invalid filters volume_type_id are found in query options.');
    expect(await ids(demo, 'volume_type=no-such-type', '3.30')).toEqual(
      expect.arrayContaining([matching.id, other.id]),
    );
  });

  it('gives an admin nothing for volume_type, by name or id (no such column), but filters by volume_type_id', async () => {
    expect(await ids(admin, `all_tenants=1&volume_type=${matching.volume_type}`, '3.70')).toEqual([]);
    expect(await ids(admin, `all_tenants=1&volume_type=${matching.volume_type_id}`, '3.70')).toEqual([]);
    expect(await ids(admin, `all_tenants=1&volume_type_id=${matching.volume_type_id}`, '3.70')).toEqual(
      expect.arrayContaining([matching.id, other.id]),
    );
  });
});

describe('Paging parameters', () => {
  it("refuses a bad offset with oslo's validate_integer texts", async () => {
    expectFault(await call('GET', `${demo.volumeUrl}/volumes?offset=x`, demo.token), 400, 'offset must be an integer');
    expectFault(await call('GET', `${demo.volumeUrl}/volumes?offset=-1`, demo.token), 400, 'offset must be >= 0');
  });
});
