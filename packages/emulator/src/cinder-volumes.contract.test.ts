import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVolume, deleteVolumes, get, login, REQUEST_ID, type Login } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';

let target: ContractTarget;
let demo: Login;
let alt: Login;
const created: { demo: string[]; alt: string[] } = { demo: [], alt: [] };

/** Each target gets volumes of its own to read: a real cloud starts empty. */
beforeAll(async () => {
  target = await contractTarget();
  demo = await login(target, 'demo');
  alt = await login(target, 'alt_demo');
  created.demo.push(await createVolume(demo, { name: 'contract-read-a' }));
  created.demo.push(await createVolume(demo, { name: 'contract-read-b' }));
  created.alt.push(await createVolume(alt, { name: 'contract-read-alt' }));
}, 60_000);
afterAll(async () => {
  await deleteVolumes(demo, created.demo);
  await deleteVolumes(alt, created.alt);
  await target.close();
}, 60_000);

/** `…/v3/<project>` → `…/v3` and the unversioned root. */
const v3Root = () => demo.volumeUrl.replace(/\/[0-9a-f-]+$/, '');
const serviceRoot = () => v3Root().replace(/\/v3$/, '');

describe('Cinder versions and microversions', () => {
  it('serves the versions document at the root without a token (300)', async () => {
    const response = await get(`${serviceRoot()}/`, undefined);
    expect(response.status).toBe(300);
    const { versions } = await response.json();
    expect(versions[0]).toMatchObject({ id: 'v3.0', status: 'CURRENT', version: '3.70', min_version: '3.0' });
  });

  it('needs a token for /v3/, answering 401 in the Keystone shape', async () => {
    const response = await get(`${v3Root()}/`, undefined);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Keystone uri=/);
    expect(response.headers.get('openstack-api-version')).toBeNull();
    expect((await response.json()).error.title).toBe('Unauthorized');
  });

  it('answers at 3.0 without a header and echoes the version with Vary', async () => {
    const response = await get(`${demo.volumeUrl}/volumes`, demo.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('openstack-api-version')).toBe('volume 3.0');
    expect(response.headers.get('vary')).toBe('OpenStack-API-Version');
    expect(response.headers.get('x-openstack-request-id')).toMatch(REQUEST_ID);
    expect(response.headers.get('x-compute-request-id')).toBe(response.headers.get('x-openstack-request-id'));
  });

  it('resolves "latest" to 3.70', async () => {
    const response = await get(`${demo.volumeUrl}/volumes`, demo.token, 'latest');
    expect(response.headers.get('openstack-api-version')).toBe('volume 3.70');
  });

  it('refuses an unsupported version with 406 computeFault', async () => {
    const response = await get(`${demo.volumeUrl}/volumes`, demo.token, '3.99');
    expect(response.status).toBe(406);
    expect(await response.json()).toEqual({
      computeFault: {
        code: 406,
        message: 'Version 3.99 is not supported by the API. Minimum is 3.0 and maximum is 3.70.',
      },
    });
  });

  it('refuses a malformed version with 400', async () => {
    const response = await get(`${demo.volumeUrl}/volumes`, demo.token, 'three');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      badRequest: {
        code: 400,
        message: 'API Version String three is of invalid format. Must be of format MajorNum.MinorNum.',
      },
    });
  });
});

describe('Cinder project routing', () => {
  it('serves the project-less form of every path', async () => {
    const response = await get(`${v3Root()}/volumes`, demo.token);
    expect(response.status).toBe(200);
  });

  it("refuses a URL naming another project with 400 'Malformed request url'", async () => {
    const response = await get(`${v3Root()}/0123456789abcdef0123456789abcdef/volumes`, demo.token);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ badRequest: { code: 400, message: 'Malformed request url' } });
  });

  it('answers an unknown path with a plain 404 that is not a Cinder fault', async () => {
    const response = await get(`${demo.volumeUrl}/nonsense`, demo.token);
    expect(response.status).toBe(404);
    expect(response.headers.get('openstack-api-version')).toBeNull();
    expect(await response.json()).not.toHaveProperty('itemNotFound');
  });
});

describe('Cinder volume reads', () => {
  it('lists volumes in the detail view with Cinder field types', async () => {
    const response = await get(`${demo.volumeUrl}/volumes/detail`, demo.token);
    const { volumes } = await response.json();
    expect(volumes.length).toBeGreaterThan(0);
    for (const volume of volumes) {
      expect(['true', 'false']).toContain(volume.bootable);
      expect(volume.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
      expect(volume['os-vol-tenant-attr:tenant_id']).toBe(demo.projectId);
      expect(volume).not.toHaveProperty('os-vol-host-attr:host');
      expect(volume).not.toHaveProperty('volume_type_id');
    }
  });

  it('adds microversioned fields only at their microversion', async () => {
    const { volumes } = await (await get(`${demo.volumeUrl}/volumes/detail`, demo.token, '3.70')).json();
    expect(volumes[0]).toHaveProperty('volume_type_id');
    expect(volumes[0]).toHaveProperty('consumes_quota');
    expect(volumes[0]).toHaveProperty('shared_targets');
  });

  it('shows admins the host attribute', async () => {
    const admin = await login(target, 'admin');
    const { volumes } = await (await get(`${admin.volumeUrl}/volumes/detail?all_tenants=1`, admin.token)).json();
    expect(volumes.length).toBeGreaterThan(0);
    expect(volumes[0]).toHaveProperty('os-vol-host-attr:host');
  });

  it('sorts newest first and pages with limit, marker and a next link', async () => {
    const all = (await (await get(`${demo.volumeUrl}/volumes`, demo.token)).json()).volumes;
    expect(all.length).toBeGreaterThan(1);
    const first = await (await get(`${demo.volumeUrl}/volumes?limit=1`, demo.token)).json();
    expect(first.volumes.map((v: { id: string }) => v.id)).toEqual([all[0].id]);
    const next = new URL(first.volumes_links[0].href);
    expect(next.searchParams.get('marker')).toBe(all[0].id);
    expect(next.searchParams.get('limit')).toBe('1');
    const second = await (await get(`${demo.volumeUrl}/volumes?limit=1&marker=${all[0].id}`, demo.token)).json();
    expect(second.volumes[0].id).toBe(all[1].id);
  });

  it('counts with with_count from 3.45, and links next even from a full last page', async () => {
    const all = (await (await get(`${demo.volumeUrl}/volumes`, demo.token)).json()).volumes;
    const body = await (
      await get(`${demo.volumeUrl}/volumes?with_count=true&limit=${all.length}`, demo.token, '3.45')
    ).json();
    expect(body.count).toBe(all.length);
    expect(body.volumes_links).toHaveLength(1);
  });

  it('refuses a bad limit with Cinder messages', async () => {
    const response = await get(`${demo.volumeUrl}/volumes?limit=abc`, demo.token);
    expect(response.status).toBe(400);
    expect((await response.json()).badRequest.message).toBe('limit param must be an integer');
  });

  it('says a missing volume could not be found', async () => {
    const response = await get(`${demo.volumeUrl}/volumes/00000000-0000-0000-0000-000000000000`, demo.token);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      itemNotFound: { code: 404, message: 'Volume 00000000-0000-0000-0000-000000000000 could not be found.' },
    });
  });

  it("hides another project's volume as not found, never forbidden", async () => {
    const response = await get(`${demo.volumeUrl}/volumes/${created.alt[0]}`, demo.token);
    expect(response.status).toBe(404);
  });

  it('summarises the project from 3.12, with metadata from 3.36, and does not know the call before', async () => {
    const before = await get(`${demo.volumeUrl}/volumes/summary`, demo.token, '3.11');
    expect(before.status).toBe(404);
    expect(await before.json()).toEqual({ itemNotFound: { code: 404, message: 'The resource could not be found.' } });
    const all = (await (await get(`${demo.volumeUrl}/volumes/detail`, demo.token)).json()).volumes;
    const summary = (await (await get(`${demo.volumeUrl}/volumes/summary`, demo.token, '3.12')).json())[
      'volume-summary'
    ];
    expect(summary).toEqual({
      total_count: all.length,
      total_size: all.reduce((sum: number, v: { size: number }) => sum + v.size, 0),
    });
    const withMetadata = (await (await get(`${demo.volumeUrl}/volumes/summary`, demo.token, '3.36')).json())[
      'volume-summary'
    ];
    expect(withMetadata).toHaveProperty('metadata');
  });
});
