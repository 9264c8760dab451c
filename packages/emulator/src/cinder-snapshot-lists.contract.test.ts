import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { login, type Login } from './contract/client.js';
import { Cinder, TEST_TIMEOUT } from './contract/storage-helpers.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { fault } from './contract/http.js';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

let target: ContractTarget;
let demo: Login;
let cinder: Cinder;
/** One volume with three snapshots, made oldest first: `zeta`, `alpha`, `mu` (names out of creation order). */
let volumeId: string;
let snapshots: string[];
beforeAll(async () => {
  target = await contractTarget();
  demo = await login(target, 'demo');
  cinder = new Cinder(demo, await login(target, 'admin'));
  volumeId = await cinder.volume(1);
  snapshots = [];
  for (const name of ['zeta', 'alpha', 'mu']) {
    snapshots.push(await cinder.snapshot(volumeId, { name: `${name}-${volumeId.slice(0, 8)}` }));
    // Distinct created_at seconds keep the default order (created_at desc) unambiguous on a real cloud.
    if (target.kind === 'real') await new Promise((resolve) => setTimeout(resolve, 1100));
  }
});
afterAll(async () => {
  await cinder?.cleanup();
  await target?.close();
});

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
const EXTENDED = ['os-extended-snapshot-attributes:progress', 'os-extended-snapshot-attributes:project_id'];
const ids = (body: { snapshots: Array<{ id: string }> }) => body.snapshots.map((s) => s.id);
const newestFirst = () => [...snapshots].reverse();

describe('Cinder snapshot views by microversion', () => {
  it('lists summaries without extended attributes at 3.0', async () => {
    const answer = await cinder.get(`/snapshots?volume_id=${volumeId}`);
    expect(answer.status).toBe(200);
    expect(answer.body.snapshots).toHaveLength(3);
    for (const snapshot of answer.body.snapshots) expect(Object.keys(snapshot).sort()).toEqual(SUMMARY_KEYS);
  });

  it('adds group_snapshot_id at 3.14, user_id only from 3.41, and the extended attributes on detail', async () => {
    const at340 = (await cinder.get(`/snapshots/detail?volume_id=${volumeId}`, '3.40')).body.snapshots[0];
    expect(Object.keys(at340).sort()).toEqual([...SUMMARY_KEYS, 'group_snapshot_id', ...EXTENDED].sort());
    const at341 = (await cinder.get(`/snapshots/detail?volume_id=${volumeId}`, '3.41')).body.snapshots[0];
    expect(at341.user_id).toBe((demo.body.token.user as { id: string }).id);
    const at370 = (await cinder.get(`/snapshots/detail?volume_id=${volumeId}`, '3.70')).body.snapshots[0];
    expect(Object.keys(at370).sort()).toEqual(
      [...SUMMARY_KEYS, 'group_snapshot_id', 'user_id', 'consumes_quota', ...EXTENDED].sort(),
    );
    expect(at370).toMatchObject({
      'os-extended-snapshot-attributes:project_id': demo.projectId,
      'os-extended-snapshot-attributes:progress': '100%',
    });
  });

  it('shows the extended attributes at 3.0 too, without the microversioned fields', async () => {
    const shown = (await cinder.get(`/snapshots/${snapshots[0]}`)).body.snapshot;
    expect(Object.keys(shown).sort()).toEqual([...SUMMARY_KEYS, ...EXTENDED].sort());
  });
});

describe('Cinder snapshot filters', () => {
  it('filters by volume_id and status', async () => {
    expect(ids((await cinder.get(`/snapshots?volume_id=${volumeId}`)).body)).toEqual(newestFirst());
    const available = await cinder.get(`/snapshots?volume_id=${volumeId}&status=available`, '3.31');
    expect(ids(available.body)).toEqual(newestFirst());
    const inError = await cinder.get(`/snapshots?volume_id=${volumeId}&status=error`, '3.31');
    expect(inError.body).toEqual({ snapshots: [] });
  });

  it('filters by exact name', async () => {
    const answer = await cinder.get(`/snapshots?name=alpha-${volumeId.slice(0, 8)}`, '3.31');
    expect(ids(answer.body)).toEqual([snapshots[1]]);
  });

  it('refuses an unknown filter from 3.31 and ignores it at 3.0', async () => {
    const refused = await cinder.get(`/snapshots?volume_id=${volumeId}&colour=blue`, '3.31');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(fault(400, 'Invalid filters colour are found in query options.'));
    const ignored = await cinder.get(`/snapshots?volume_id=${volumeId}&colour=blue`);
    expect(ignored.status).toBe(200);
    expect(ids(ignored.body)).toEqual(newestFirst());
  });

  it('refuses the "like" filter name~ to members, as the default resource_filters.json lacks it', async () => {
    const refused = await cinder.get(`/snapshots?name~=alpha`, '3.34');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(fault(400, 'Invalid filters name~ are found in query options.'));
  });

  it('lets a member pass all_tenants, silently ignored', async () => {
    const answer = await cinder.get(`/snapshots?volume_id=${volumeId}&all_tenants=1`, '3.31');
    expect(answer.status).toBe(200);
    expect(ids(answer.body)).toEqual(newestFirst());
  });
});

describe('Cinder snapshot sorting and pagination', () => {
  it('sorts newest first by default and by name from 3.30', async () => {
    const byNameAsc = await cinder.get(`/snapshots?volume_id=${volumeId}&sort=name:asc`, '3.30');
    expect(byNameAsc.status).toBe(200);
    expect(ids(byNameAsc.body)).toEqual([snapshots[1], snapshots[2], snapshots[0]]);
    const byNameDesc = await cinder.get(`/snapshots?volume_id=${volumeId}&sort=name:desc`, '3.30');
    expect(ids(byNameDesc.body)).toEqual([snapshots[0], snapshots[2], snapshots[1]]);
  });

  it('refuses a bad sort direction', async () => {
    const answer = await cinder.get(`/snapshots?volume_id=${volumeId}&sort=created_at:sideways`);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(fault(400, "Invalid input received: Unknown sort direction, must be 'desc' or 'asc'."));
  });

  it('pages with limit and a next link carrying the query and the marker', async () => {
    const first = await cinder.get(`/snapshots?volume_id=${volumeId}&limit=2`);
    expect(ids(first.body)).toEqual(newestFirst().slice(0, 2));
    expect(first.body.snapshots_links).toHaveLength(1);
    expect(first.body.snapshots_links[0].rel).toBe('next');
    const next = new URL(first.body.snapshots_links[0].href);
    expect(next.pathname).toMatch(new RegExp(`/v3/${demo.projectId}/snapshots$`));
    expect(next.searchParams.get('volume_id')).toBe(volumeId);
    expect(next.searchParams.get('limit')).toBe('2');
    expect(next.searchParams.get('marker')).toBe(newestFirst()[1]);
    const second = await cinder.get(`/snapshots?${next.searchParams}`);
    expect(ids(second.body)).toEqual(newestFirst().slice(2));
    expect(second.body).not.toHaveProperty('snapshots_links');
  });

  it('says an unknown marker could not be found', async () => {
    const marker = '00000000-0000-0000-0000-000000000000';
    const answer = await cinder.get(`/snapshots?volume_id=${volumeId}&marker=${marker}`);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(fault(404, `Snapshot ${marker} could not be found.`));
  });

  it('counts with with_count at 3.45 and then links next even from the last page', async () => {
    const last = await cinder.get(
      `/snapshots/detail?volume_id=${volumeId}&with_count=true&limit=2&marker=${newestFirst()[1]}`,
      '3.45',
    );
    expect(last.body.count).toBe(3);
    expect(ids(last.body)).toEqual(newestFirst().slice(2));
    expect(last.body.snapshots_links).toHaveLength(1);
    const withoutCount = await cinder.get(
      `/snapshots?volume_id=${volumeId}&limit=2&marker=${newestFirst()[1]}`,
      '3.45',
    );
    expect(withoutCount.body).not.toHaveProperty('snapshots_links');
    expect(withoutCount.body).not.toHaveProperty('count');
  });

  it('names the volume the snapshots are of', async () => {
    const { snapshots: listed } = (await cinder.get(`/snapshots/detail?volume_id=${volumeId}`)).body;
    expect(listed.map((s: { volume_id: string }) => s.volume_id)).toEqual([volumeId, volumeId, volumeId]);
    expect(listed.map((s: { name: string }) => s.name.split('-')[0])).toEqual(['mu', 'alpha', 'zeta']);
  });
});
