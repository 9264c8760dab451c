import { idleExpiry, type SessionRecord } from '../session/session.js';
import { isAdmin, scopeOf } from './scope.js';
import type { WatchedSessionStore } from './session-watch.js';

/** How often a stream re-reads its session when nothing else makes it: other replicas' sign-outs. */
const RECHECK_MS = 5_000;

/**
 * Binds one event stream to its session: the stream ends when the session does (sign-out, idle or
 * absolute expiry, a revoked token) or moves elsewhere (project or region switch, admin role
 * lost). Checked before every push, whenever the store says the session changed, when its idle
 * or absolute limit falls due, and every few seconds for changes made through other replicas.
 */
export class StreamSession {
  private timer: NodeJS.Timeout | undefined;
  private readonly interval: NodeJS.Timeout;
  private readonly unwatch: () => void;
  private ended = false;

  constructor(
    private readonly store: WatchedSessionStore,
    private readonly id: string,
    private readonly scope: string,
    private readonly allProjects: boolean,
    private readonly idleMs: number,
    private readonly onEnd: () => void,
  ) {
    this.unwatch = store.watch(id, () => void this.current());
    this.interval = setInterval(() => void this.current(), RECHECK_MS);
    this.interval.unref();
  }

  /** The session while it still owns this stream; undefined (and the stream ended) once it does not. */
  async current(): Promise<SessionRecord | undefined> {
    if (this.ended) return undefined;
    const record = await this.store.get(this.id).catch(() => undefined);
    if (this.ended) return undefined;
    if (!record || !this.owns(record)) {
      this.end();
      return undefined;
    }
    this.armExpiry(record);
    return record;
  }

  /** Cinder refused the token: the session is over for every tab, not just this stream. */
  async revoke(): Promise<void> {
    await this.store.delete(this.id);
    this.end();
  }

  stop(): void {
    this.ended = true;
    clearTimeout(this.timer);
    clearInterval(this.interval);
    this.unwatch();
  }

  private owns(record: SessionRecord): boolean {
    if (idleExpiry(record, this.idleMs) <= Date.now()) return false;
    if (this.allProjects && !isAdmin(record)) return false;
    return scopeOf(record, this.allProjects) === this.scope;
  }

  private armExpiry(record: SessionRecord): void {
    clearTimeout(this.timer);
    // Activity in other tabs moves the idle limit: it is read again when this one falls due.
    const delay = Math.max(0, idleExpiry(record, this.idleMs) - Date.now()) + 10;
    this.timer = setTimeout(() => void this.current(), Math.min(delay, 2 ** 31 - 1));
    this.timer.unref();
  }

  private end(): void {
    if (this.ended) return;
    this.stop();
    this.onEnd();
  }
}
