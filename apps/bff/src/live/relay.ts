import type { LiveEvent, LiveKind } from '@cinder-console/cinder';
import type { SessionRecord } from '../session/session.js';
import { ProjectPoller, type ListResult } from './poller.js';

/** One open `/api/events` stream. */
export interface Subscriber {
  /** Sends one event with its id. */
  send(id: number, event: LiveEvent): void;
  /** The subscriber's session as it is now, or undefined when it has ended. */
  session(): Promise<SessionRecord | undefined>;
  close(): void;
}

export interface RelayOptions {
  fastMs: number;
  slowMs: number;
  patientMs: number;
  settleAfterMs: number;
  /** Events kept per scope for clients that reconnect with `Last-Event-ID`. */
  replay: number;
  fetchList: (session: SessionRecord, kind: LiveKind) => Promise<ListResult>;
}

/**
 * What one set of tabs sees: the same Cinder endpoint (so the same project and region) with the
 * same roles. Tabs in one scope share one poller; different roles may see different fields.
 */
export function scopeOf(session: SessionRecord): string {
  return `${session.volumeApi.url} ${[...session.roles].sort().join(',')}`;
}

interface Scope {
  poller: ProjectPoller;
  subscribers: Set<Subscriber>;
  events: Array<{ id: number; event: LiveEvent }>;
}

/**
 * The live relay: one poller per scope while anyone listens, events fanned out to every
 * subscriber, and a short history so a reconnecting browser misses nothing.
 */
export class LiveRelay {
  private readonly scopes = new Map<string, Scope>();
  private nextId = Date.now();

  constructor(private readonly options: RelayOptions) {}

  subscribe(session: SessionRecord, subscriber: Subscriber, lastEventId?: number): () => void {
    const key = scopeOf(session);
    const scope = this.scopes.get(key) ?? this.open(key);
    scope.subscribers.add(subscriber);
    if (lastEventId !== undefined) {
      for (const { id, event } of scope.events) if (id > lastEventId) subscriber.send(id, event);
    }
    return () => {
      scope.subscribers.delete(subscriber);
      if (scope.subscribers.size === 0) this.close(key);
    };
  }

  /** A mutation went through for this session: look at its project now rather than at the next tick. */
  kick(session: SessionRecord): void {
    this.scopes.get(scopeOf(session))?.poller.kick();
  }

  get activeScopes(): number {
    return this.scopes.size;
  }

  get subscriberCount(): number {
    return [...this.scopes.values()].reduce((sum, scope) => sum + scope.subscribers.size, 0);
  }

  closeAll(): void {
    for (const key of [...this.scopes.keys()]) this.close(key);
  }

  private open(key: string): Scope {
    const scope: Scope = {
      subscribers: new Set(),
      events: [],
      poller: new ProjectPoller({
        ...this.options,
        list: (kind) => this.listFor(key, scope, kind),
        emit: (event) => this.publish(scope, event),
      }),
    };
    this.scopes.set(key, scope);
    scope.poller.start();
    return scope;
  }

  private close(key: string): void {
    const scope = this.scopes.get(key);
    if (!scope) return;
    scope.poller.stop();
    for (const subscriber of scope.subscribers) subscriber.close();
    this.scopes.delete(key);
  }

  /** Polls with the token of a subscriber whose session still belongs to this scope; others are let go. */
  private async listFor(key: string, scope: Scope, kind: LiveKind): Promise<ListResult | undefined> {
    for (const subscriber of [...scope.subscribers]) {
      const session = await subscriber.session();
      if (session && scopeOf(session) === key) return this.options.fetchList(session, kind);
      scope.subscribers.delete(subscriber);
      subscriber.close();
    }
    this.close(key);
    return undefined;
  }

  private publish(scope: Scope, event: LiveEvent): void {
    const id = ++this.nextId;
    scope.events.push({ id, event });
    if (scope.events.length > this.options.replay) scope.events.shift();
    for (const subscriber of scope.subscribers) subscriber.send(id, event);
  }
}
