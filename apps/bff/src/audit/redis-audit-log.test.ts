import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveRedis, startRedis } from '@cinder-console/test-support';
import type { AuditEntry } from './audit-log.js';
import { RedisAuditLog } from './redis-audit-log.js';

function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    time: new Date(Date.UTC(2026, 10, 23, 12, 0, n)).toISOString(),
    user: { id: 'u1', name: n % 2 ? 'demo' : 'admin' },
    project: { id: n % 3 ? 'p-demo' : 'p-alt', name: n % 3 ? 'demo' : 'alt_demo' },
    region: 'RegionOne',
    action: 'volume.create',
    target: { kind: 'volume', id: `v-${n}` },
    result: 'success',
    status: 202,
    requestId: `req-${n}`,
    ...overrides,
  };
}

describe.runIf(haveRedis)('the audit trail in Redis', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let clients: Redis[] = [];
  const replica = () => {
    const client = new Redis(redis.url);
    clients.push(client);
    return new RedisAuditLog(client, 1000);
  };
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    clients = [];
    await redis.stop();
  });

  it('is shared by replicas: what one records, another reads, newest first and filtered', async () => {
    const a = replica();
    const b = replica();
    for (let n = 1; n <= 1200; n++) await (n % 2 ? a : b).record(entry(n));
    const newest = await b.query({ limit: 3 });
    expect(newest.map((e) => e.requestId)).toEqual(['req-1200', 'req-1199', 'req-1198']);
    // The cap keeps about the last 1000; a query deep into the stream pages through batches.
    const altOnly = await a.query({ projectId: 'p-alt', limit: 1000 });
    expect(altOnly.length).toBeGreaterThan(300);
    expect(altOnly.every((e) => e.project.id === 'p-alt')).toBe(true);
    expect((await a.query({ targetId: 'v-1150', limit: 10 })).map((e) => e.requestId)).toEqual(['req-1150']);
    const since = entry(1190).time;
    expect((await a.query({ since, limit: 100 })).map((e) => e.requestId)).toHaveLength(11);
  });
});
