import type { LiveEvent } from '@cinder-console/cinder';
import type { Logger } from 'pino';
import type { FeedHooks, Pacing, ScopeFeed } from './feed.js';
import type { Replay } from './history.js';
import { LeaseKeeper } from './lease.js';
import { ProjectPoller } from './poller.js';
import { parseMessage, type RedisLiveBus, type ScopeKeys } from './redis-bus.js';

/**
 * One scope on one replica when replicas share Redis. Every replica with subscribers competes
 * for the scope's lease; only the holder polls Cinder, and it writes each event to the shared
 * history, which numbers it and publishes it. Every replica (the holder too) hands published
 * events to its own browsers, in id order: a gap in the ids (pub/sub drops messages while its
 * connection is down) is filled from the history.
 *
 * The holder polls with its own subscribers' sessions. When its last subscriber leaves, the
 * scope closes here and the lease is released, so that a replica that still has subscribers
 * takes it within a retry interval. (Borrowing another replica's sessions from the store instead
 * would mean keeping a registry of who listens where, and polling with tokens of browsers this
 * replica does not serve; a hand-over costs one list call per kind, and loses nothing, because
 * the successor compares its first look with the rows the last holder saw.)
 */
export class RedisFeed implements ScopeFeed {
  private readonly keys: ScopeKeys;
  private readonly lease: LeaseKeeper;
  private readonly subscriptions: Array<{ ready: Promise<unknown>; stop(): void }>;
  private readonly stopResync: () => void;
  private poller: ProjectPoller | undefined;
  /** Bumped whenever polling stops, so that a start still loading its rows gives up. */
  private generation = 0;
  /** The last id handed to `deliver`; undefined until the position has been read. */
  private delivered: number | undefined;
  /** Positioning, deliveries, gap fills and replays for new streams, one after the other. */
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly bus: RedisLiveBus,
    scope: string,
    private readonly hooks: FeedHooks,
    private readonly pacing: Pacing,
    private readonly logger?: Logger,
  ) {
    this.keys = bus.keysOf(scope);
    this.subscriptions = [
      bus.listen(this.keys.events, (message) => this.received(message)),
      bus.listen(this.keys.nudge, () => this.poller?.kick()),
      bus.listen(this.keys.health, (message) => hooks.health(message || undefined)),
    ];
    this.stopResync = bus.onResync(() => this.enqueue(() => this.fill()));
    // Subscribed first, then positioned: an event published in between is then not missed.
    this.enqueue(async () => {
      await this.subscribed();
      this.delivered = (await bus.replay(this.keys, undefined)).latest;
    });
    this.lease = new LeaseKeeper(bus.redis, {
      key: this.keys.lease,
      owner: bus.owner,
      keepAlive: [this.keys.meta, this.keys.log, this.keys.rows],
      keepMs: bus.keepMs,
      acquired: () => void this.startPolling(),
      lost: () => this.stopPolling(),
    });
    this.lease.start();
  }

  /**
   * In the queue, after this replica's own position was read: an event this replica skips as
   * already known is then in the replay, and a later one reaches the new stream live.
   */
  replay(after: number | undefined): Promise<Replay> {
    return this.serial(async () => {
      await this.subscribed();
      return this.bus.replay(this.keys, after);
    });
  }

  /** Nudges travel through Redis (`RedisLiveBus.nudge`), so that they reach the holder wherever it is. */
  kick(): void {
    this.poller?.kick();
  }

  get polling(): boolean {
    return this.poller !== undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopPolling();
    for (const subscription of this.subscriptions) subscription.stop();
    this.stopResync();
    await this.lease.stop();
  }

  private async subscribed(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.ready));
  }

  private async startPolling(): Promise<void> {
    const generation = this.generation;
    try {
      const initial = await this.bus.loadRows(this.keys);
      if (this.closed || generation !== this.generation || !this.lease.held) return;
      this.logger?.debug({ scope: this.keys.lease }, 'live relay: polling this scope');
      this.poller = new ProjectPoller({
        ...this.pacing,
        initial,
        list: (kind) => this.hooks.list(kind),
        onHealth: (problem) => this.bus.publishHealth(this.keys, problem),
        emit: (event) => this.publish(event),
        onBaseline: (kind, rows) => {
          this.bus.saveBaseline(this.keys, kind, rows).then(
            (saved) => saved || this.lease.abandon(),
            () => this.lease.abandon(),
          );
        },
      });
      this.poller.start();
    } catch (error) {
      this.logger?.warn({ err: error }, 'live relay: cannot load the last rows seen; giving the lease up');
      this.lease.abandon();
    }
  }

  private stopPolling(): void {
    this.generation++;
    this.poller?.stop();
    this.poller = undefined;
  }

  /**
   * Writes an event to the shared history. Commands on one connection run in order, so events
   * keep the poller's order. If one is refused (the lease has gone) or fails, the poller's memory
   * runs ahead of the history: polling stops, and whoever holds the lease next compares with the
   * rows Redis has, which finds the lost change again.
   */
  private publish(event: LiveEvent): void {
    this.bus.append(this.keys, event).then(
      (id) => id === undefined && this.lease.abandon(),
      (error: unknown) => {
        this.logger?.warn({ err: error }, 'live relay: cannot write an event; giving the lease up');
        this.lease.abandon();
      },
    );
  }

  private received(message: string): void {
    const entry = parseMessage(message);
    this.enqueue(async () => {
      if (this.delivered === undefined || entry.id <= this.delivered) return;
      if (entry.id === this.delivered + 1) {
        this.delivered = entry.id;
        this.hooks.deliver(entry);
        return;
      }
      await this.fill();
    });
  }

  /** Reads what was published after the last delivered id from the history. */
  private async fill(): Promise<void> {
    if (this.delivered === undefined) return;
    const replay = await this.bus.replay(this.keys, this.delivered);
    if (replay.reset) {
      this.delivered = replay.latest;
      this.hooks.reset(replay.latest);
      return;
    }
    for (const entry of replay.entries) {
      if (entry.id <= this.delivered) continue;
      this.delivered = entry.id;
      this.hooks.deliver(entry);
    }
  }

  /** Runs `task` after everything queued before it. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /**
   * A delivery that fails (Redis is away) leaves browsers with a hole they cannot see: every
   * stream of the scope ends, and the browsers reconnect and resume from the history.
   */
  private enqueue(task: () => Promise<void>): void {
    this.serial(task).catch((error: unknown) => {
      if (this.closed) return;
      this.logger?.warn({ err: error }, 'live relay: cannot read the shared history; ending the streams');
      this.hooks.fail();
    });
  }
}
