import { listPageSchema, microversionFeatures } from '@cinder-console/cinder';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError } from './api-error';
import { abilitiesOf, type CloudAbilities } from './capabilities';
import { ALL_PROJECTS_FILTERS, fetchAllPages, fetchListPage, type ListSpec } from './cinder-list';
import type { ListView } from './list-view';

interface Row {
  id: string;
}

/** A list in the shape of the console's tables: two member filters, the admin's cross-project ones, a renamed sort key. */
const spec: ListSpec<Row> = {
  path: '/api/cinder/snapshots/detail',
  key: 'snapshots',
  schema: listPageSchema('snapshots', z.looseObject({ id: z.string() })),
  filters: [{ key: 'status', param: 'status' }, { key: 'volume', param: 'volume_id' }, ...ALL_PROJECTS_FILTERS],
  sortKeys: { name: 'display_name', created: 'created_at' },
};

/** The abilities of a session at `microversion` (null: a v2 cloud), as the console derives them. */
function cloud(microversion: string | null, admin = false): CloudAbilities {
  return abilitiesOf({
    volumeApi: { major: microversion ? 3 : 2, microversion },
    features: { ...microversionFeatures(microversion), images: true, vendorRollback: false, backupService: true },
    admin,
  });
}

function view(changes: Partial<ListView> = {}): ListView {
  return { pageSize: 50, marker: undefined, sort: undefined, filters: {}, hiddenColumns: undefined, ...changes };
}

const rows = (...ids: string[]): Row[] => ids.map((id) => ({ id }));
const nextLink = (marker: string) => [
  { rel: 'next', href: `https://cinder.example/v3/p1/snapshots/detail?limit=2&marker=${marker}` },
];

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const refusal = (status: number, message: string) =>
  json({ error: { status, code: 'badRequest', message, upstream: 'cinder' } }, status);

/** Stubs the network with `answers`, one per request, and records each request's address. */
function network(...answers: Response[]): URL[] {
  const sent: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      sent.push(new URL(input, 'https://console.example'));
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected request ${input}`);
      return answer;
    }),
  );
  return sent;
}

const query = (url: URL) => Object.fromEntries(url.searchParams);
const signal = () => new AbortController().signal;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the Cinder list request a table view becomes', () => {
  it('asks for the first page at the view’s page size, with the total where the cloud can count (3.45)', async () => {
    const sent = network(json({ snapshots: [] }));
    await fetchListPage(spec, view(), cloud('3.70'), signal());
    expect(sent[0]!.pathname).toBe('/api/cinder/snapshots/detail');
    expect(query(sent[0]!)).toEqual({ limit: '50', with_count: 'true' });
  });

  it('asks for no total below 3.45 nor on a v2 cloud', async () => {
    const sent = network(json({ snapshots: [] }), json({ snapshots: [] }), json({ snapshots: [] }));
    await fetchListPage(spec, view({ pageSize: 20 }), cloud('3.44'), signal());
    await fetchListPage(spec, view({ pageSize: 20 }), cloud(null), signal());
    await fetchListPage(spec, view({ pageSize: 20 }), cloud('3.45'), signal());
    expect(query(sent[0]!)).toEqual({ limit: '20' });
    expect(query(sent[1]!)).toEqual({ limit: '20' });
    expect(query(sent[2]!)).toEqual({ limit: '20', with_count: 'true' });
  });

  it('continues after the marker, in the chosen order under Cinder’s sort key', async () => {
    const sent = network(json({ snapshots: [] }), json({ snapshots: [] }));
    await fetchListPage(spec, view({ marker: 's-50', sort: { key: 'name', dir: 'asc' } }), cloud('3.44'), signal());
    await fetchListPage(spec, view({ sort: { key: 'created', dir: 'desc' } }), cloud('3.44'), signal());
    expect(query(sent[0]!)).toEqual({ limit: '50', marker: 's-50', sort: 'display_name:asc' });
    expect(query(sent[1]!)).toEqual({ limit: '50', sort: 'created_at:desc' });
  });

  it('sends each filter as its Cinder parameter', async () => {
    const sent = network(json({ snapshots: [] }));
    await fetchListPage(spec, view({ filters: { status: 'error', volume: 'v-1' } }), cloud('3.44'), signal());
    expect(query(sent[0]!)).toEqual({ limit: '50', status: 'error', volume_id: 'v-1' });
  });

  it('sends the all-projects filters for an admin only', async () => {
    const filters = { status: 'available', allProjects: '1', project: 'p2' };
    const sent = network(json({ snapshots: [] }), json({ snapshots: [] }));
    await fetchListPage(spec, view({ filters }), cloud('3.44', false), signal());
    await fetchListPage(spec, view({ filters }), cloud('3.44', true), signal());
    expect(query(sent[0]!)).toEqual({ limit: '50', status: 'available' });
    expect(query(sent[1]!)).toEqual({ limit: '50', status: 'available', all_tenants: '1', project_id: 'p2' });
  });
});

describe('the name filter: "contains" where the cloud has it, the whole name otherwise', () => {
  it('filters names by "contains" (`name~`) from 3.34 on', async () => {
    const sent = network(json({ snapshots: rows('s1') }));
    const page = await fetchListPage(spec, view({ filters: { name: 'db' } }), cloud('3.34'), signal());
    expect(query(sent[0]!)).toEqual({ limit: '50', 'name~': 'db' });
    expect(page.nameMatch).toBe('contains');
  });

  it('matches the whole name below 3.34, without trying `name~` first', async () => {
    const sent = network(json({ snapshots: [] }));
    const page = await fetchListPage(spec, view({ filters: { name: 'db' } }), cloud('3.33'), signal());
    expect(sent).toHaveLength(1);
    expect(query(sent[0]!)).toEqual({ limit: '50', name: 'db' });
    expect(page.nameMatch).toBe('exact');
  });

  it('asks again with the whole name when the cloud’s policy refuses `name~`, and says so', async () => {
    const sent = network(
      refusal(400, 'Invalid filters name~ are found in query options.'),
      json({ snapshots: rows('s1') }),
    );
    const page = await fetchListPage(spec, view({ filters: { name: 'db', status: 'error' } }), cloud('3.50'), signal());
    expect(sent.map(query)).toEqual([
      { limit: '50', with_count: 'true', 'name~': 'db', status: 'error' },
      { limit: '50', with_count: 'true', name: 'db', status: 'error' },
    ]);
    expect(page.nameMatch).toBe('exact');
    expect(page.items).toEqual(rows('s1'));
  });

  it('does not retry other failures: the user sees the cloud’s error', async () => {
    const sent = network(refusal(400, 'Invalid input received: bad sort key'));
    const failure = fetchListPage(spec, view({ filters: { name: 'db' } }), cloud('3.50'), signal());
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 400, message: 'Invalid input received: bad sort key' });
    expect(sent).toHaveLength(1);
  });

  it('says nothing about name matching when the view has no name filter', async () => {
    const sent = network(json({ snapshots: [] }));
    const page = await fetchListPage(spec, view(), cloud('3.70'), signal());
    expect(sent[0]!.searchParams.has('name')).toBe(false);
    expect(sent[0]!.searchParams.has('name~')).toBe(false);
    expect(page.nameMatch).toBeUndefined();
  });
});

describe('the next page and the total, read from a Cinder list', () => {
  const load = (body: unknown, abilities = cloud('3.44')) => {
    network(json(body));
    return fetchListPage(spec, view(), abilities, signal(), 2);
  };

  it('takes the next page’s marker from the "next" link', async () => {
    const page = await load({ snapshots: rows('s1', 's2'), snapshots_links: nextLink('s2') });
    expect(page).toEqual({ items: rows('s1', 's2'), nextMarker: 's2', count: undefined, nameMatch: undefined });
  });

  it('has no next page without a "next" link', async () => {
    expect((await load({ snapshots: rows('s1', 's2') })).nextMarker).toBeUndefined();
    expect(
      (await load({ snapshots: rows('s1', 's2'), snapshots_links: [{ rel: 'self', href: 'https://x/?marker=s0' }] }))
        .nextMarker,
    ).toBeUndefined();
  });

  it('has no next page after an empty page, whatever the links say', async () => {
    expect((await load({ snapshots: [], snapshots_links: nextLink('s2') })).nextMarker).toBeUndefined();
  });

  it('with a total, believes the "next" link only on a full page (Cinder links "next" from the last page too)', async () => {
    const last = await load({ snapshots: rows('s3'), snapshots_links: nextLink('s3'), count: 3 }, cloud('3.70'));
    expect(last).toMatchObject({ nextMarker: undefined, count: 3 });
    const full = await load({ snapshots: rows('s1', 's2'), snapshots_links: nextLink('s2'), count: 3 }, cloud('3.70'));
    expect(full).toMatchObject({ nextMarker: 's2', count: 3 });
  });

  it('reports a total of zero as zero, not as unknown', async () => {
    expect((await load({ snapshots: [], count: 0 }, cloud('3.70'))).count).toBe(0);
  });
});

describe('every page of a view, for export', () => {
  it('reads from the first page in the largest pages Cinder gives, following the markers, keeping the filters', async () => {
    const sent = network(
      json({ snapshots: rows('s1', 's2'), snapshots_links: nextLink('s2') }),
      json({ snapshots: rows('s3'), snapshots_links: nextLink('s3') }),
      json({ snapshots: [] }),
    );
    const shown = view({ marker: 's-on-screen', sort: { key: 'name', dir: 'asc' }, filters: { status: 'available' } });
    const items = await fetchAllPages(spec, shown, cloud('3.44'), signal());
    expect(items).toEqual(rows('s1', 's2', 's3'));
    expect(sent.map(query)).toEqual([
      { limit: '1000', sort: 'display_name:asc', status: 'available' },
      { limit: '1000', sort: 'display_name:asc', status: 'available', marker: 's2' },
      { limit: '1000', sort: 'display_name:asc', status: 'available', marker: 's3' },
    ]);
  });

  it('goes on to the count when the cloud answers pages shorter than asked (osapi_max_limit below 1000)', async () => {
    const sent = network(
      json({ snapshots: rows('s1', 's2'), snapshots_links: nextLink('s2'), count: 5 }),
      json({ snapshots: rows('s3', 's4'), snapshots_links: nextLink('s4'), count: 5 }),
      json({ snapshots: rows('s5'), snapshots_links: nextLink('s5'), count: 5 }),
    );
    const items = await fetchAllPages(spec, view(), cloud('3.45'), signal());
    expect(items).toEqual(rows('s1', 's2', 's3', 's4', 's5'));
    expect(sent.map((url) => url.searchParams.get('marker'))).toEqual([null, 's2', 's4']);
  });

  it('stops when a page brings nothing new, and lists nothing twice', async () => {
    const sent = network(
      json({ snapshots: rows('s1', 's2'), snapshots_links: nextLink('s2') }),
      json({ snapshots: rows('s2', 's3'), snapshots_links: nextLink('s3') }),
      json({ snapshots: rows('s3'), snapshots_links: nextLink('s3') }),
    );
    const items = await fetchAllPages(spec, view(), cloud('3.44'), signal());
    expect(items).toEqual(rows('s1', 's2', 's3'));
    expect(sent).toHaveLength(3);
  });
});
