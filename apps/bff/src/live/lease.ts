import type { Redis } from 'ioredis';
import { LuaScript } from './lua-script.js';

/**
 * Lease timings (not configurable: they are what "a replica takes over within 5 s" rests on).
 * The holder renews every second, so a lease lapses only when its holder has been silent for
 * 3 s; the other replicas try four times a second (a `SET NX` each, cheap), so a successor polls
 * about 3.3 s after a holder dies, leaving room under the 5 s promise for a busy machine, and
 * within a quarter of a second after one that shut down cleanly (it releases the lease).
 */
const LEASE_TTL_MS = 3000;
const LEASE_RENEW_MS = 1000;
const LEASE_RETRY_MS = 250;

/** Takes a free lease, or extends our own (we may have missed a renewal while Redis was away). */
const ACQUIRE = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`);

/** Compare-and-extend; also keeps the scope's data alive (KEYS[2..]) for as long as it is polled. */
const RENEW = new LuaScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
for i = 2, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
return 1`);

/** Compare-and-delete: never removes a lease that another replica has taken since. */
const RELEASE = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`);

export interface LeaseOptions {
  key: string;
  /** This replica's name in the lease: unique per process (and per relay, for tests). */
  owner: string;
  /** Keys kept alive for `keepMs` at each renewal. */
  keepAlive: string[];
  keepMs: number;
  acquired(): void;
  lost(): void;
}

/**
 * Holds one scope's lease while this replica wants to poll it: tries to take it every second
 * until it does, then renews it every second. `acquired`/`lost` start and stop the poller.
 */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | undefined;
  private holding = false;
  private stopped = false;

  constructor(
    private readonly redis: Redis,
    private readonly options: LeaseOptions,
  ) {}

  start(): void {
    this.schedule(0);
  }

  get held(): boolean {
    return this.holding;
  }

  /**
   * Gives the lease up at once: this replica's picture of the scope can no longer be trusted (a
   * history write failed). Whoever takes it next, this replica included, starts again from Redis.
   */
  abandon(): void {
    if (!this.holding) return;
    this.drop();
    void this.release();
    this.schedule(LEASE_RETRY_MS);
  }

  /** Stops trying and releases the lease if held, so that another replica takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    if (!this.holding) return;
    this.drop();
    await this.release();
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.step(), delayMs);
    this.timer.unref();
  }

  private async step(): Promise<void> {
    const { key, owner, keepAlive, keepMs } = this.options;
    try {
      if (this.holding) {
        const renewed = await RENEW.run(this.redis, [key, ...keepAlive], [owner, LEASE_TTL_MS, keepMs]);
        if (renewed !== 1 && this.holding) this.drop();
      } else {
        const acquired = (await ACQUIRE.run(this.redis, [key], [owner, LEASE_TTL_MS])) === 1;
        if (acquired && this.stopped) return void (await this.release());
        if (acquired && !this.holding) {
          this.holding = true;
          this.options.acquired();
        }
      }
    } catch {
      // Redis is unreachable: we cannot show that we still hold the lease, so we stop polling
      // (another replica may take over once it lapses) and keep trying to get it back.
      if (this.holding) this.drop();
    }
    this.schedule(this.holding ? LEASE_RENEW_MS : LEASE_RETRY_MS);
  }

  private drop(): void {
    this.holding = false;
    this.options.lost();
  }

  private async release(): Promise<void> {
    await RELEASE.run(this.redis, [this.options.key], [this.options.owner]).catch(() => undefined);
  }
}
