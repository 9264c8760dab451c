import { cleanNotifications, notificationsStore } from '@mantine/notifications';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListPage } from '../lib/cinder-list';
import { cinderKeys } from '../lib/query-keys';
import { watchFailures } from './failure-watch';
import { applyLiveEvent } from './live-updates';

type Row = { id: string; name: string; status: string };

const page = (...items: Row[]): ListPage<Row> => ({
  items,
  nextMarker: undefined,
  count: undefined,
  nameMatch: undefined,
});
const volume = (status: string): Row => ({ id: 'v1', name: 'db', status });

/** Cinder's messages API, as the network answers it: one user message about the volume. */
function cinderMessages(userMessage: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () =>
      Response.json({
        messages: [
          { id: 'm1', user_message: userMessage, created_at: '2026-12-05T10:00:00.000000', resource_uuid: 'v1' },
        ],
      }),
    ),
  );
}

/** The titles of the notices shown so far. */
const titles = () => notificationsStore.getState().notifications.map((notice) => String(notice.title));
/** Lets whatever would still show a notice (a message lookup) finish. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 50));

const clients: QueryClient[] = [];
function watchedClient() {
  const client = new QueryClient();
  clients.push(client);
  const stop = watchFailures(client);
  return { client, stop };
}
afterEach(() => {
  clients.splice(0).forEach((client) => client.clear());
  cleanNotifications();
  vi.unstubAllGlobals();
});

describe('telling asynchronous failures', () => {
  it("tells a failure a list fetch read first, with Cinder's message", async () => {
    cinderMessages('extend volume:Volume Driver failed to extend volume.');
    const { client, stop } = watchedClient();
    client.setQueryData(cinderKeys('volumes').page({}), page(volume('extending')));
    // The list refetch after the extend answered before the live event could.
    client.setQueryData(cinderKeys('volumes').page({}), page(volume('error_extending')));
    await vi.waitFor(() => expect(titles()).toEqual(['Volume db is now Error extending']));
    expect(notificationsStore.getState().notifications[0]!.message).toBe(
      'extend volume:Volume Driver failed to extend volume.',
    );
    stop();
  });

  it('tells it once when the live event then brings the same status', async () => {
    cinderMessages('extend volume:Volume Driver failed to extend volume.');
    const { client, stop } = watchedClient();
    client.setQueryData(cinderKeys('volumes').page({}), page(volume('extending')));
    client.setQueryData(cinderKeys('volumes').page({}), page(volume('error_extending')));
    applyLiveEvent(client, {
      kind: 'volume',
      id: 'v1',
      status: 'error_extending',
      resource: volume('error_extending'),
    });
    await vi.waitFor(() => expect(titles()).toHaveLength(1));
    await settled();
    expect(titles()).toHaveLength(1);
    stop();
  });

  it('tells a failure a live event brings to the detail page', async () => {
    cinderMessages('create backup:An unknown error occurred.');
    const { client, stop } = watchedClient();
    client.setQueryData(cinderKeys('volumes').detail('v1'), volume('backing-up'));
    applyLiveEvent(client, { kind: 'volume', id: 'v1', status: 'error', resource: volume('error') });
    await vi.waitFor(() => expect(titles()).toEqual(['Volume db is now Error']));
    stop();
  });

  it('says nothing of errors that were there when the page loaded, or of changes that are no failure', async () => {
    const { client, stop } = watchedClient();
    client.setQueryData(
      cinderKeys('volumes').page({}),
      page({ id: 'old', name: 'old', status: 'error' }, volume('creating')),
    );
    client.setQueryData(
      cinderKeys('volumes').page({}),
      page({ id: 'old', name: 'old', status: 'error' }, volume('available')),
    );
    await settled();
    expect(titles()).toEqual([]);
    stop();
  });
});
