import { Redis } from 'ioredis';
import {
  DEFAULT_RETENTION,
  matchesQuery,
  newestFirst,
  projectsOf,
  type AuditEntry,
  type AuditLog,
  type AuditQuery,
  type AuditRetention,
} from './audit-log.js';

const PREFIX = 'cinder-console:audit';
/** The projects that have a stream, scored by their last write (ms), for queries across projects. */
const PROJECTS = `${PREFIX}:projects`;
/** Entries read per round trip while scanning back through a stream. */
const SCAN_BATCH = 500;

const streamOf = (projectId: string) => `${PREFIX}:project:${projectId}`;

/**
 * The audit trail in Redis, shared by every replica: a stream per project, so that one member's
 * traffic cannot trim another project's entries. Each stream is capped by count (approximately,
 * which lets Redis trim whole nodes cheaply) and by age (stream ids are times), and expires whole
 * when its project goes quiet for longer than the age limit. Queries walk back from the newest.
 */
export class RedisAuditLog implements AuditLog {
  private readonly retention: AuditRetention;

  /** A number is the per-project entry cap. */
  constructor(
    private readonly redis: Redis,
    retention: Partial<AuditRetention> | number = {},
  ) {
    this.retention = {
      ...DEFAULT_RETENTION,
      ...(typeof retention === 'number' ? { maxEntries: retention } : retention),
    };
  }

  static connect(url: string, retention: Partial<AuditRetention> = {}): RedisAuditLog {
    return new RedisAuditLog(new Redis(url, { maxRetriesPerRequest: 2 }), retention);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  async record(entry: AuditEntry): Promise<void> {
    const now = Date.now();
    const oldest = now - this.retention.maxAgeMs;
    const text = JSON.stringify(entry);
    const batch = this.redis.multi();
    for (const projectId of projectsOf(entry)) {
      const stream = streamOf(projectId);
      batch.xadd(stream, 'MAXLEN', '~', String(this.retention.maxEntries), '*', 'entry', text);
      batch.xtrim(stream, 'MINID', '~', String(oldest));
      batch.pexpire(stream, this.retention.maxAgeMs);
      batch.zadd(PROJECTS, now, projectId);
    }
    batch.zremrangebyscore(PROJECTS, '-inf', `(${oldest}`);
    await batch.exec();
  }

  async query(query: AuditQuery): Promise<AuditEntry[]> {
    const cutoff = new Date(Date.now() - this.retention.maxAgeMs).toISOString();
    const since = query.since && query.since > cutoff ? query.since : cutoff;
    const projects = query.projectId ? [query.projectId] : await this.redis.zrange(PROJECTS, 0, -1);
    const found = new Map<string, AuditEntry>();
    for (const projectId of projects) {
      for (const [text, entry] of await this.scan(streamOf(projectId), { ...query, since })) found.set(text, entry);
    }
    return newestFirst([...found.values()], query.limit);
  }

  /** One project's matching entries, newest first, at most `query.limit`, keyed by their text. */
  private async scan(stream: string, query: AuditQuery & { since: string }): Promise<Array<[string, AuditEntry]>> {
    const found: Array<[string, AuditEntry]> = [];
    let end = '+';
    for (;;) {
      const batch = await this.redis.xrevrange(stream, end, '-', 'COUNT', SCAN_BATCH);
      for (const [, fields] of batch) {
        const entry = JSON.parse(fields[1]!) as AuditEntry;
        if (entry.time < query.since) return found;
        if (matchesQuery(entry, query)) found.push([fields[1]!, entry]);
        if (found.length >= query.limit) return found;
      }
      if (batch.length < SCAN_BATCH) return found;
      // Exclusive range: continue just before the oldest id of this batch.
      end = `(${batch[batch.length - 1]![0]}`;
    }
  }
}
