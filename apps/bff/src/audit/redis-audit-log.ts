import { Redis } from 'ioredis';
import { matchesQuery, type AuditEntry, type AuditLog, type AuditQuery } from './audit-log.js';

const STREAM = 'cinder-console:audit';
/** Entries read per round trip while scanning back through the stream. */
const SCAN_BATCH = 500;

/**
 * The audit trail in a Redis stream, shared by every replica. The stream is capped (approximately,
 * which lets Redis trim whole nodes cheaply) so it cannot grow without bound; queries walk it from
 * the newest entry back until they have enough matches.
 */
export class RedisAuditLog implements AuditLog {
  constructor(
    private readonly redis: Redis,
    private readonly capacity = 100_000,
  ) {}

  static connect(url: string): RedisAuditLog {
    return new RedisAuditLog(new Redis(url, { maxRetriesPerRequest: 2 }));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.redis.xadd(STREAM, 'MAXLEN', '~', String(this.capacity), '*', 'entry', JSON.stringify(entry));
  }

  async query(query: AuditQuery): Promise<AuditEntry[]> {
    const found: AuditEntry[] = [];
    let end = '+';
    for (;;) {
      const batch = await this.redis.xrevrange(STREAM, end, '-', 'COUNT', SCAN_BATCH);
      for (const [, fields] of batch) {
        const entry = JSON.parse(fields[1]!) as AuditEntry;
        if (query.since && entry.time < query.since) return found;
        if (matchesQuery(entry, query)) found.push(entry);
        if (found.length >= query.limit) return found;
      }
      if (batch.length < SCAN_BATCH) return found;
      // Exclusive range: continue just before the oldest id of this batch.
      end = `(${batch[batch.length - 1]![0]}`;
    }
  }
}
