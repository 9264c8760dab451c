import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListPage } from '../lib/cinder-list';
import { changeFollowerKeys, cinderKeys } from '../lib/query-keys';
import { applyLiveEvent } from './live-updates';

type Row = { id: string; status: string };

/** The relay's event for a volume now in `status`, carrying the volume as the cloud shows it. */
const volumeEvent = (id: string, status: string) => ({ kind: 'volume' as const, id, status, resource: { id, status } });

/** The answers the cloud gives to list calls, released one by one, so a test decides what is late. */
class SlowCloud {
  readonly pending: Array<{ release: () => void }> = [];
  constructor(public rows: Row[]) {}
  list = (): Promise<ListPage<Row>> => {
    const answer = { items: this.rows.map((row) => ({ ...row })), nextMarker: undefined, count: undefined };
    return new Promise((resolve) => this.pending.push({ release: () => resolve(answer as ListPage<Row>) }));
  };
  async releaseAll(): Promise<void> {
    while (this.pending.length > 0) this.pending.shift()!.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

const clients: QueryClient[] = [];
afterEach(() => clients.splice(0).forEach((client) => client.clear()));

async function watchedList(cloud: SlowCloud) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  clients.push(client);
  const observer = new QueryObserver(client, { queryKey: cinderKeys('volumes').page({}), queryFn: cloud.list });
  const unsubscribe = observer.subscribe(() => undefined);
  await cloud.releaseAll();
  const shown = () => (observer.getCurrentResult().data?.items ?? []).map((row) => `${row.id}:${row.status}`);
  return { client, observer, shown, unsubscribe };
}

describe('live events and list fetches under way', () => {
  it('a row deleted while a list fetch is on its way does not come back with that fetch', async () => {
    const cloud = new SlowCloud([
      { id: 'keep', status: 'available' },
      { id: 'gone', status: 'deleting' },
    ]);
    const { client, observer, shown, unsubscribe } = await watchedList(cloud);
    expect(shown()).toEqual(['keep:available', 'gone:deleting']);

    // A refetch leaves while "gone" is still deleting; then the cloud drops it and the event says so.
    void observer.refetch();
    cloud.rows = [{ id: 'keep', status: 'available' }];
    applyLiveEvent(client, { kind: 'volume', id: 'gone', deleted: true });
    await cloud.releaseAll();

    expect(shown()).toEqual(['keep:available']);
    unsubscribe();
  });

  it('a status pushed while a list fetch is on its way is not overwritten by the older answer', async () => {
    const cloud = new SlowCloud([{ id: 'new', status: 'creating' }]);
    const { client, observer, shown, unsubscribe } = await watchedList(cloud);

    void observer.refetch();
    cloud.rows = [{ id: 'new', status: 'available' }];
    applyLiveEvent(client, { kind: 'volume', id: 'new', status: 'available', resource: cloud.rows[0]! });
    await cloud.releaseAll();

    expect(shown()).toEqual(['new:available']);
    unsubscribe();
  });
});

describe('what a live event refreshes', () => {
  /** A query that counts its fetches, watched as a mounted component would watch it. */
  function counted(client: QueryClient, queryKey: readonly unknown[], data: unknown) {
    let fetches = 0;
    const observer = new QueryObserver(client, {
      queryKey,
      queryFn: () => {
        fetches += 1;
        return Promise.resolve(data);
      },
    });
    const unsubscribe = observer.subscribe(() => undefined);
    return { fetches: () => fetches, observer, unsubscribe };
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  /** A cache whose data stays fresh: any fetch after the first is one the event asked for. */
  function freshClient() {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
    clients.push(client);
    return client;
  }

  it('patches the row on a page in place, and refetches the kind’s pickers and what follows changes', async () => {
    const client = freshClient();
    const rows = { items: [{ id: 'v1', status: 'creating' }], nextMarker: undefined, count: undefined };
    const page = counted(client, cinderKeys('volumes').page({}), rows);
    const picker = counted(client, cinderKeys('volumes').picker('sources'), { volumes: [] });
    const otherKindPicker = counted(client, cinderKeys('snapshots').picker('sources'), { snapshots: [] });
    const quotas = counted(client, changeFollowerKeys.quotas('p1'), {});
    await settle();

    applyLiveEvent(client, volumeEvent('v1', 'available'));
    await settle();

    expect(page.observer.getCurrentResult().data).toMatchObject({ items: [{ id: 'v1', status: 'available' }] });
    expect(page.fetches()).toBe(1);
    expect(picker.fetches()).toBe(2);
    expect(quotas.fetches()).toBe(2);
    expect(otherKindPicker.fetches()).toBe(1);
    for (const query of [page, picker, otherKindPicker, quotas]) query.unsubscribe();
  });

  it('refetches the pages when a resource none of them holds appears', async () => {
    const client = freshClient();
    const page = counted(client, cinderKeys('volumes').page({}), {
      items: [{ id: 'v1', status: 'available' }],
      nextMarker: undefined,
      count: undefined,
    });
    await settle();

    applyLiveEvent(client, volumeEvent('v2', 'creating'));
    await settle();

    expect(page.fetches()).toBe(2);
    page.unsubscribe();
  });
});
