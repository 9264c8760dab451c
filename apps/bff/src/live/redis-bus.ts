import { createHash, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { LIVE_KINDS, type LiveEvent, type LiveKind } from '@cinder-console/cinder';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { LogEntry, Replay } from './history.js';
import { LuaScript } from './lua-script.js';
import { fingerprint, type Resource } from './poller.js';

/** How long a scope's history and last-seen rows outlive the last replica that polled it. */
const KEEP_MS = 24 * 60 * 60_000;

/** One scope's keys. The `{hash tag}` keeps them in one cluster slot, as the scripts need. */
export interface ScopeKeys {
  /** The lease: which replica polls the scope. */
  lease: string;
  /** `seq` (the last id issued) and `floor` (ids below it cannot be resumed). */
  meta: string;
  /** The history: a stream capped at the replay size, entry ids `<event id>-0`. */
  log: string;
  /** The rows the poller last saw, `<kind>:<id>` → status, updated_at, size; `<kind>:` marks a kind seen. */
  rows: string;
  /** Pub/sub: each new event, as `<id> <json>`. */
  events: string;
  /** Pub/sub: a mutation went through some replica; the holder looks at once. */
  nudge: string;
  /** Pub/sub: the holder's polls fail (the message says why) or succeed again (an empty message). */
  health: string;
}

/**
 * Creates `meta` when missing. Ids start from the clock (or above the stream's last entry), so
 * an id from a record that has expired or been lost can never be taken for a current one.
 */
const INIT_META = `
local function init_meta(meta, log, now)
  if redis.call('HEXISTS', meta, 'seq') == 1 then return end
  local start = tonumber(now)
  local top = redis.call('XREVRANGE', log, '+', '-', 'COUNT', 1)[1]
  if top then start = math.max(start, tonumber(string.match(top[1], '^%d+'))) end
  start = string.format('%d', start)
  redis.call('HSET', meta, 'seq', start, 'floor', start)
end`;

/** Fenced append: only the lease holder writes, so a replica that lost its lease adds nothing. */
const APPEND = new LuaScript(`${INIT_META}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
init_meta(KEYS[2], KEYS[3], ARGV[4])
local id = string.format('%d', redis.call('HINCRBY', KEYS[2], 'seq', 1))
redis.call('XADD', KEYS[3], 'MAXLEN', ARGV[2], id .. '-0', 'e', ARGV[5])
if ARGV[7] == '' then redis.call('HDEL', KEYS[4], ARGV[6]) else redis.call('HSET', KEYS[4], ARGV[6], ARGV[7]) end
for i = 2, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
redis.call('PUBLISH', ARGV[8], id .. ' ' .. ARGV[5])
return id`);

/**
 * A kind's first look, stored for successors. If the history already holds events, they were
 * recorded without this kind's baseline (it expired, or the last holder died before its first
 * look): the floor moves up so that browsers older than this point refetch.
 */
const BASELINE = new LuaScript(`${INIT_META}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
init_meta(KEYS[2], KEYS[4], ARGV[3])
local meta = redis.call('HMGET', KEYS[2], 'seq', 'floor')
if meta[1] ~= meta[2] then
  redis.call('HSET', KEYS[2], 'floor', string.format('%d', redis.call('HINCRBY', KEYS[2], 'seq', 1)))
end
redis.call('HSET', KEYS[3], ARGV[4] .. ':', '1', unpack(ARGV, 5))
for i = 2, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
return 1`);

/** The events after ARGV[1] ('' for none) if they are all still held: see canResume in history.ts. */
const REPLAY = new LuaScript(`${INIT_META}
init_meta(KEYS[1], KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
local meta = redis.call('HMGET', KEYS[1], 'seq', 'floor')
if ARGV[1] == '' then return {meta[1], 'ok', {}} end
local after, seq, floor = tonumber(ARGV[1]), tonumber(meta[1]), tonumber(meta[2])
if after < floor or after > seq then return {meta[1], 'reset'} end
local entries = redis.call('XRANGE', KEYS[2], string.format('%d', after + 1), '+')
if after < seq and (entries[1] == nil or tonumber(string.match(entries[1][1], '^%d+')) ~= after + 1) then
  return {meta[1], 'reset'}
end
return {meta[1], 'ok', entries}`);

type StreamEntry = [string, string[]];

/** The fields the poller compares (the digest for all the rest), as kept in Redis for a successor (absent stays absent, null stays null). */
function signature(row: Resource): string {
  return JSON.stringify({ status: row.status, updated_at: row.updated_at, size: row.size, digest: fingerprint(row) });
}

/**
 * The live relay's link to Redis, shared by a replica's scopes: one connection for commands and
 * scripts, one for pub/sub (a subscribed connection can do nothing else).
 */
export class RedisLiveBus {
  /** This replica in leases; the host and pid tell an operator who polls. */
  readonly owner = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;
  readonly keepMs = KEEP_MS;
  private readonly channels = new Map<string, { handlers: Set<(message: string) => void>; ready: Promise<unknown> }>();
  private readonly resyncs = new Set<() => void>();
  private connectedOnce = false;

  constructor(
    readonly redis: Redis,
    private readonly sub: Redis,
    private readonly capacity: number,
    private readonly logger?: Logger,
  ) {
    sub.on('message', (channel: string, message: string) => {
      for (const handler of this.channels.get(channel)?.handlers ?? []) handler(message);
    });
    // Messages published while the subscription was down are gone: each scope reads what it missed.
    sub.on('ready', () => {
      if (this.connectedOnce) for (const resync of this.resyncs) resync();
      this.connectedOnce = true;
    });
    for (const connection of [redis, sub]) {
      connection.on('error', (error: Error) => this.logger?.warn({ err: error }, 'live relay: Redis error'));
    }
  }

  static connect(url: string, capacity: number, logger?: Logger): RedisLiveBus {
    // Commands fail fast while Redis is away: the lease then lapses rather than hanging.
    const options = { maxRetriesPerRequest: 2, enableOfflineQueue: true };
    return new RedisLiveBus(new Redis(url, options), new Redis(url, options), capacity, logger);
  }

  keysOf(scope: string): ScopeKeys {
    const tag = createHash('sha256').update(scope).digest('base64url').slice(0, 22);
    const key = (name: string) => `cinder-console:live:{${tag}}:${name}`;
    return {
      lease: key('lease'),
      meta: key('meta'),
      log: key('log'),
      rows: key('rows'),
      events: key('events'),
      nudge: key('nudge'),
      health: key('health'),
    };
  }

  /** Calls `handler` with each message on `channel`; resolves once subscribed. */
  listen(channel: string, handler: (message: string) => void): { ready: Promise<unknown>; stop(): void } {
    let entry = this.channels.get(channel);
    if (!entry) {
      entry = { handlers: new Set(), ready: this.sub.subscribe(channel) };
      this.channels.set(channel, entry);
    }
    const current = entry;
    current.handlers.add(handler);
    return {
      ready: current.ready,
      stop: () => {
        current.handlers.delete(handler);
        if (current.handlers.size > 0 || this.channels.get(channel) !== current) return;
        this.channels.delete(channel);
        void this.sub.unsubscribe(channel).catch(() => undefined);
      },
    };
  }

  /** Calls `resync` after the pub/sub connection came back; returns a function that stops that. */
  onResync(resync: () => void): () => void {
    this.resyncs.add(resync);
    return () => this.resyncs.delete(resync);
  }

  /** Appends an event if `owner` still holds the lease: its id, or undefined when it does not. */
  async append(keys: ScopeKeys, event: LiveEvent): Promise<number | undefined> {
    const field = `${event.kind}:${event.id}`;
    const row = 'deleted' in event ? '' : signature({ ...event.resource, status: event.status });
    const id = await APPEND.run(
      this.redis,
      [keys.lease, keys.meta, keys.log, keys.rows],
      [this.owner, this.capacity, KEEP_MS, Date.now(), JSON.stringify(event), field, row, keys.events],
    );
    return typeof id === 'string' ? Number(id) : undefined;
  }

  /** Stores a kind's baseline; false when the lease has gone meanwhile. */
  async saveBaseline(keys: ScopeKeys, kind: LiveKind, rows: Resource[]): Promise<boolean> {
    const pairs = rows.flatMap((row) => [`${kind}:${row.id}`, signature(row)]);
    const saved = await BASELINE.run(
      this.redis,
      [keys.lease, keys.meta, keys.rows, keys.log],
      [this.owner, KEEP_MS, Date.now(), kind, ...pairs],
    );
    return saved === 1;
  }

  /** The rows the last holder saw, for the kinds it had looked at. */
  async loadRows(keys: ScopeKeys): Promise<Map<LiveKind, Map<string, Resource>>> {
    const stored = await this.redis.hgetall(keys.rows);
    const seen = new Map<LiveKind, Map<string, Resource>>();
    for (const kind of LIVE_KINDS) if (`${kind}:` in stored) seen.set(kind, new Map());
    for (const [field, value] of Object.entries(stored)) {
      const split = field.indexOf(':');
      const rows = seen.get(field.slice(0, split) as LiveKind);
      const id = field.slice(split + 1);
      if (rows && id) rows.set(id, { ...(JSON.parse(value) as { status: string }), id });
    }
    return seen;
  }

  async replay(keys: ScopeKeys, after: number | undefined): Promise<Replay> {
    const [latest, outcome, entries] = (await REPLAY.run(
      this.redis,
      [keys.meta, keys.log],
      [after === undefined ? '' : String(after), Date.now(), KEEP_MS],
    )) as [string, 'ok' | 'reset', StreamEntry[]?];
    if (outcome === 'reset') return { reset: true, latest: Number(latest) };
    return { reset: false, latest: Number(latest), entries: (entries ?? []).map(toEntry) };
  }

  /** Tells whichever replica polls the scope to look now. */
  nudge(scope: string): void {
    void this.redis.publish(this.keysOf(scope).nudge, '1').catch(() => undefined);
  }

  /** Tells every replica's browsers that Cinder fails the holder's polls (why), or answers again. */
  publishHealth(keys: ScopeKeys, problem: string | undefined): void {
    void this.redis.publish(keys.health, problem ?? '').catch(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.all([this.redis, this.sub].map((c) => c.quit().catch(() => c.disconnect())));
  }
}

function toEntry([streamId, fields]: StreamEntry): LogEntry {
  return { id: Number(streamId.split('-')[0]), event: JSON.parse(fields[1]!) as LiveEvent };
}

/** A published event (`<id> <json>`). */
export function parseMessage(message: string): LogEntry {
  const space = message.indexOf(' ');
  return { id: Number(message.slice(0, space)), event: JSON.parse(message.slice(space + 1)) as LiveEvent };
}
