import type { SessionRecord } from '../session/session.js';
import type { SessionStore } from '../session/store.js';

/**
 * The session store, telling listeners when a session is written or removed (sign-out, project or
 * region switch, a refused token): the streams of that session re-check it at once rather than at
 * their next look. Other replicas' changes are found by the streams' periodic re-check.
 */
export class WatchedSessionStore implements SessionStore {
  private readonly listeners = new Map<string, Set<() => void>>();

  constructor(private readonly inner: SessionStore) {}

  get(id: string): Promise<SessionRecord | undefined> {
    return this.inner.get(id);
  }

  async set(id: string, session: SessionRecord, expiresAt: number): Promise<void> {
    await this.inner.set(id, session, expiresAt);
    this.changed(id);
  }

  async delete(id: string): Promise<void> {
    await this.inner.delete(id);
    this.changed(id);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** Calls `listener` whenever session `id` changes here; returns the unsubscribe. */
  watch(id: string, listener: () => void): () => void {
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  private changed(id: string): void {
    for (const listener of [...(this.listeners.get(id) ?? [])]) listener();
  }
}
