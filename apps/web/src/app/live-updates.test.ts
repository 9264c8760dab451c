import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListPage } from '../lib/cinder-list';
import { listKey } from '../lib/use-resource-list';
import { applyLiveEvent } from './live-updates';

type Row = { id: string; status: string };

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
  const observer = new QueryObserver(client, { queryKey: [...listKey('volumes'), {}], queryFn: cloud.list });
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
