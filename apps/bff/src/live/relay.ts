import type { LiveEvent, LiveKind } from '@cinder-console/cinder';
import type { Logger } from 'pino';
import type { SessionRecord } from '../session/session.js';
import { DeltaLister } from './delta-list.js';
import { MemoryFeed, type FeedHooks, type Pacing, type ScopeFeed } from './feed.js';
import type { DeltaMode, ListQuery } from './fetch-list.js';
import { NotificationConsumer, type NotificationOptions } from './notifications.js';
import type { LogEntry, Replay } from './history.js';
import type { ListResult } from './poller.js';
import { RedisLiveBus } from './redis-bus.js';
import { RedisFeed } from './redis-feed.js';
import { isAdmin, scopeOf } from './scope.js';

/** One open `/api/events` stream. */
export interface Subscriber {
  /** Sends one event with its id. */
  send(id: number, event: LiveEvent): void;
  /** Tells the browser it missed events that cannot be replayed, so it must refetch; `id` is its new position. */
  reset(id: number): void;
  /** Gives the browser a position without an event, so that it can resume even before its first event. */
  mark(id: number): void;
  /** Cinder fails the project's polls (why, in the envelope's words), or answers again (undefined). */
  health(problem: string | undefined): void;
  /** The subscriber's session as it is now, or undefined when it has ended. */
  session(): Promise<SessionRecord | undefined>;
  /** Cinder refused the session's token (revoked, expired): the session ends, and with it the stream. */
  revoked(): Promise<void>;
  close(): void;
}

export interface RelayOptions extends Pacing {
  /** Events kept per scope for clients that reconnect with `Last-Event-ID`. */
  replay: number;
  fetchList: (session: SessionRecord, kind: LiveKind, query: ListQuery) => Promise<ListResult>;
  /** The background pace while nothing moves, where `updated_at` filters make a look cheap. */
  watchMs: number;
  /** How the session's cloud can tell a kind's changed rows; undefined: only by a full list. */
  deltaMode: (session: SessionRecord, kind: LiveKind) => DeltaMode | undefined;
  /** Cinder's notifications on the message bus (OS_NOTIFICATIONS_URL); unset, the relay only polls. */
  notifications?: Pick<NotificationOptions, 'url' | 'exchange' | 'topic'> | undefined;
  /** Every event this replica hands to its streams (the audit trail learns outcomes from them). */
  onEvent?: (event: LiveEvent) => void;
  /**
   * Redis shared by the replicas: one poller per scope among them all, and one history that any
   * replica replays from. Unset: this process polls and remembers on its own (memory mode).
   */
  redisUrl?: string;
  logger?: Logger;
}

type Delivery = LogEntry | { id: number; reset: true };

/** A stream and the last id it has been sent. Until its replay is out, live events wait in `pending`. */
interface Member {
  subscriber: Subscriber;
  position: number;
  pending: Delivery[] | undefined;
}

interface Scope {
  feed: ScopeFeed;
  /** The project the scope watches (its streams' sessions' project); unused for all-projects scopes. */
  projectId: string;
  allProjects: boolean;
  lister: DeltaLister;
  members: Set<Member>;
  /** Why Cinder fails the scope's polls now, as last heard; told to streams that join meanwhile. */
  problem: string | undefined;
}

/**
 * The live relay: one poller per scope while anyone listens (per process, or per cluster of
 * replicas with Redis), events fanned out to every subscriber, and a history so that a
 * reconnecting browser misses nothing, or is told to refetch when that cannot be promised.
 */
export class LiveRelay {
  private readonly scopes = new Map<string, Scope>();
  /**
   * Memory mode's ids, per scope (a tenant must not be able to count another's events). They start
   * from the clock, or above the scope's last id, so that an earlier record's ids are all older.
   */
  private readonly lastIds = new Map<string, number>();
  private closed = false;
  /** Notifications arrive from the message bus (see `setPushed`). */
  private pushed = false;
  private readonly bus: RedisLiveBus | undefined;

  private readonly consumer: NotificationConsumer | undefined;

  constructor(private readonly options: RelayOptions) {
    this.bus = options.redisUrl ? RedisLiveBus.connect(options.redisUrl, options.replay, options.logger) : undefined;
    if (options.notifications) {
      this.consumer = new NotificationConsumer({
        ...options.notifications,
        logger: options.logger,
        onNotification: (notification) => this.notified(notification.projectId),
        onState: (connected) => this.setPushed(connected),
      });
      this.consumer.start();
    }
  }

  subscribe(session: SessionRecord, subscriber: Subscriber, lastEventId?: number, allProjects = false): () => void {
    if (this.closed) {
      subscriber.close();
      return () => undefined;
    }
    const key = scopeOf(session, allProjects);
    const scope = this.scopes.get(key) ?? this.open(key, session.project.id, allProjects);
    const member: Member = { subscriber, position: 0, pending: [] };
    scope.members.add(member);
    scope.feed.replay(lastEventId).then(
      (replay) => this.join(scope, member, replay),
      (error: unknown) => {
        // The browser reconnects by itself and asks again.
        this.options.logger?.warn({ err: error }, 'live relay: cannot replay the history; ending the stream');
        subscriber.close();
      },
    );
    return () => {
      scope.members.delete(member);
      if (scope.members.size === 0) void this.close(key, scope);
    };
  }

  /** A mutation went through for this session: look at its project now rather than at the next tick. */
  kick(session: SessionRecord): void {
    // The project's streams and the admins' all-projects streams both want to see it soon.
    for (const key of [scopeOf(session), scopeOf(session, true)]) {
      // With Redis the scope may be polled by another replica: the nudge reaches whichever it is.
      if (this.bus) this.bus.nudge(key);
      else this.scopes.get(key)?.feed.kick();
    }
  }

  /**
   * Cinder said something changed in a project (a notification from the message bus): its scopes
   * and the all-projects scopes look now. The look, not the notification, makes the event, so
   * that events always carry the resource as the API shows it to that scope.
   */
  notified(projectId: string): void {
    for (const [key, scope] of this.scopes) {
      if (!scope.allProjects && scope.projectId !== projectId) continue;
      if (this.bus) this.bus.nudge(key);
      else scope.feed.kick();
    }
  }

  /**
   * Whether notifications arrive: while they do, polling is only the safety net and idles at the
   * slow pace; when the bus goes away, every scope looks now and goes back to the watch pace.
   */
  setPushed(pushed: boolean): void {
    if (this.pushed === pushed) return;
    this.pushed = pushed;
    if (!pushed) for (const scope of this.scopes.values()) scope.feed.kick();
  }

  /** Scopes this replica polls (with Redis, those whose lease it holds). */
  get activeScopes(): number {
    return [...this.scopes.values()].filter((scope) => scope.feed.polling).length;
  }

  get subscriberCount(): number {
    return [...this.scopes.values()].reduce((sum, scope) => sum + scope.members.size, 0);
  }

  /** Ends every stream; with Redis, releases the leases (so another replica takes over at once) and disconnects. */
  async closeAll(): Promise<void> {
    this.closed = true;
    await this.consumer?.stop();
    await Promise.all([...this.scopes].map(([key, scope]) => this.close(key, scope)));
    await this.bus?.close();
  }

  private open(key: string, projectId: string, allProjects: boolean): Scope {
    const members = new Set<Member>();
    const hooks: FeedHooks = {
      list: (kind) => this.listFor(key, scope, kind),
      deliver: (entry) => {
        this.options.onEvent?.(entry.event);
        members.forEach((member) => this.send(member, entry));
      },
      reset: (latest) => members.forEach((member) => this.send(member, { id: latest, reset: true })),
      fail: () => void this.close(key, scope),
      health: (problem) => {
        scope.problem = problem;
        members.forEach((member) => member.subscriber.health(problem));
      },
    };
    let lastId = Math.max(Date.now(), this.lastIds.get(key) ?? 0);
    const nextId = () => {
      this.lastIds.set(key, ++lastId);
      return lastId;
    };
    const scope: Scope = {
      members,
      projectId,
      allProjects,
      problem: undefined,
      lister: new DeltaLister({ watchMs: this.options.watchMs, fullEveryMs: this.options.slowMs }),
      feed: this.bus
        ? new RedisFeed(this.bus, key, hooks, this.options, this.options.logger)
        : new MemoryFeed(hooks, this.options, nextId),
    };
    this.scopes.set(key, scope);
    return scope;
  }

  private close(key: string, scope: Scope): Promise<void> {
    // A stream of an earlier, closed scope of the same key must not close its successor.
    if (this.scopes.get(key) !== scope) return Promise.resolve();
    this.scopes.delete(key);
    for (const member of scope.members) member.subscriber.close();
    return scope.feed.close().catch(() => undefined);
  }

  /** Sends a new stream what it missed (or a reset), then what arrived meanwhile. */
  private join(scope: Scope, member: Member, replay: Replay): void {
    if (!scope.members.has(member)) return;
    const { subscriber } = member;
    if (replay.reset) {
      subscriber.reset(replay.latest);
    } else {
      for (const { id, event } of replay.entries) subscriber.send(id, event);
      if ((replay.entries.at(-1)?.id ?? -1) < replay.latest) subscriber.mark(replay.latest);
    }
    member.position = replay.latest;
    if (scope.problem) subscriber.health(scope.problem);
    const pending = member.pending ?? [];
    member.pending = undefined;
    for (const delivery of pending) this.send(member, delivery);
  }

  private send(member: Member, delivery: Delivery): void {
    if (member.pending) {
      member.pending.push(delivery);
      return;
    }
    if (delivery.id <= member.position) return; // Already in its replay.
    member.position = delivery.id;
    if ('reset' in delivery) member.subscriber.reset(delivery.id);
    else member.subscriber.send(delivery.id, delivery.event);
  }

  /**
   * Polls with the token of a subscriber whose session still belongs to this scope; others are let
   * go. A token Cinder refuses ends its session (that is a revocation, not Cinder failing), and the
   * next subscriber's token is tried.
   */
  private async listFor(key: string, scope: Scope, kind: LiveKind): Promise<ListResult | undefined> {
    for (const member of [...scope.members]) {
      const session = await member.subscriber.session();
      if (session && this.belongs(session, key, scope)) {
        try {
          const result = await scope.lister.look(kind, this.options.deltaMode(session, kind), (query) =>
            this.options.fetchList(session, kind, { ...query, allProjects: scope.allProjects }),
          );
          return this.pushed ? { ...result, idleMs: undefined } : result;
        } catch (error) {
          if ((error as { status?: number }).status !== 401) throw error;
          await member.subscriber.revoked().catch(() => undefined);
        }
      }
      scope.members.delete(member);
      member.subscriber.close();
    }
    void this.close(key, scope);
    return undefined;
  }

  private belongs(session: SessionRecord, key: string, scope: Scope): boolean {
    if (scopeOf(session, scope.allProjects) !== key) return false;
    return !scope.allProjects || isAdmin(session);
  }
}
