import type { LiveKind } from '@cinder-console/cinder';
import { MemoryHistory, type LogEntry, type Replay } from './history.js';
import { ProjectPoller, type ListResult } from './poller.js';

/** Poll pacing, as `ProjectPoller` takes it. */
export interface Pacing {
  fastMs: number;
  slowMs: number;
  patientMs: number;
  settleAfterMs: number;
  recentMs: number;
}

/** What a feed needs from the relay that serves the scope's browsers on this replica. */
export interface FeedHooks {
  /** Lists a kind with the token of one of this replica's subscribers; undefined: none is left. */
  list(kind: LiveKind): Promise<ListResult | undefined>;
  /** The scope's next event: in id order, each id once. */
  deliver(entry: LogEntry): void;
  /** Events were lost beyond repair: every browser must refetch. `latest` is its new position. */
  reset(latest: number): void;
  /** The feed has broken down (Redis is away): end the streams; browsers reconnect and resume. */
  fail(): void;
  /** Cinder fails the scope's polls (why), or answers again (undefined). */
  health(problem: string | undefined): void;
}

/**
 * A scope's source of events on one replica: where they come from (a poller here, or the lease
 * holder through Redis) and the history that lets a reconnecting browser resume.
 */
export interface ScopeFeed {
  replay(after: number | undefined): Promise<Replay>;
  /** A mutation went through: look now rather than at the next tick (where the poller is here). */
  kick(): void;
  /** Whether this replica calls Cinder for the scope now. */
  readonly polling: boolean;
  close(): Promise<void>;
}

/** Memory mode: this process polls, numbers the events and keeps the history. */
export class MemoryFeed implements ScopeFeed {
  private readonly history: MemoryHistory;
  private readonly poller: ProjectPoller;

  constructor(hooks: FeedHooks, options: Pacing & { replay: number }, nextId: () => number) {
    this.history = new MemoryHistory(options.replay, nextId());
    this.poller = new ProjectPoller({
      ...options,
      list: (kind) => hooks.list(kind),
      onHealth: (problem) => hooks.health(problem),
      emit: (event) => {
        const entry = { id: nextId(), event };
        this.history.append(entry);
        hooks.deliver(entry);
      },
    });
    this.poller.start();
  }

  async replay(after: number | undefined): Promise<Replay> {
    return this.history.replay(after);
  }

  kick(): void {
    this.poller.kick();
  }

  get polling(): boolean {
    return true;
  }

  async close(): Promise<void> {
    this.poller.stop();
  }
}
