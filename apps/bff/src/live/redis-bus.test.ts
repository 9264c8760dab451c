import type { LiveEvent } from '@cinder-console/cinder';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { haveRedis, startRedis } from '@cinder-console/test-support';
import { RedisLiveBus, type ScopeKeys } from './redis-bus.js';

const change = (id: string, status: string): LiveEvent => ({
  kind: 'volume',
  id,
  status,
  resource: { id, status, size: 1 },
});

describe.skipIf(!haveRedis)('the shared history in Redis (real redis-server)', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let bus: RedisLiveBus;
  let keys: ScopeKeys;
  let scope = 0;

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });
  beforeEach(async () => {
    bus = RedisLiveBus.connect(redis.url, 3);
    keys = bus.keysOf(`http://cinder.example/v3/project-${++scope} member`);
    await bus.redis.set(keys.lease, bus.owner);
  });
  afterEach(async () => {
    await bus.close();
  });

  it('numbers events one by one from the clock, so ids of a lost history are never reused', async () => {
    const start = Date.now();
    const first = (await bus.append(keys, change('v1', 'creating')))!;
    expect(first).toBeGreaterThan(start);
    expect(await bus.append(keys, change('v1', 'available'))).toBe(first + 1);
  });

  it('writes nothing for a replica whose lease has gone', async () => {
    await bus.redis.set(keys.lease, 'another-replica');
    expect(await bus.append(keys, change('v1', 'creating'))).toBeUndefined();
    expect(await bus.redis.exists(keys.log)).toBe(0);
  });

  it('replays exactly the events after an id it holds, and resets one it cannot vouch for', async () => {
    const { latest: start } = await bus.replay(keys, undefined);
    const ids: number[] = [];
    for (const status of ['creating', 'available', 'extending', 'available']) {
      ids.push((await bus.append(keys, change('v1', status)))!);
    }
    // Three are kept: the first is gone, so a browser that has not seen it must refetch.
    expect(await bus.replay(keys, start)).toEqual({ reset: true, latest: ids[3] });
    expect(await bus.replay(keys, ids[1])).toEqual({
      reset: false,
      latest: ids[3],
      entries: [
        { id: ids[2], event: change('v1', 'extending') },
        { id: ids[3], event: change('v1', 'available') },
      ],
    });
    expect(await bus.replay(keys, ids[3])).toEqual({ reset: false, latest: ids[3], entries: [] });
    expect(await bus.replay(keys, ids[3]! + 1)).toEqual({ reset: true, latest: ids[3] });
    expect(await bus.replay(keys, 42)).toEqual({ reset: true, latest: ids[3] });
  });

  it('keeps the rows the poller saw, for a successor to compare with', async () => {
    await bus.saveBaseline(keys, 'volume', [{ id: 'v1', status: 'available', size: 1, updated_at: 't1' }]);
    await bus.append(keys, change('v2', 'creating'));
    await bus.append(keys, { kind: 'volume', id: 'v1', deleted: true });
    const rows = await bus.loadRows(keys);
    expect([...rows.keys()]).toEqual(['volume']); // snapshots and backups were never looked at
    // With a digest of the whole row, so that a successor also sees a rename within the same second.
    expect([...rows.get('volume')!.values()]).toEqual([
      { id: 'v2', status: 'creating', size: 1, digest: expect.stringMatching(/^[\w-]{16}$/) },
    ]);
  });

  it('moves the floor when a baseline is taken after events were recorded without it', async () => {
    const id = (await bus.append(keys, change('v1', 'creating')))!;
    await bus.saveBaseline(keys, 'snapshot', []);
    expect(await bus.replay(keys, id)).toMatchObject({ reset: true });
    const { latest } = await bus.replay(keys, undefined);
    expect(await bus.replay(keys, latest)).toEqual({ reset: false, latest, entries: [] });
  });
});
