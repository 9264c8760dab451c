import type { SessionRecord } from './session.js';

/** Where sessions live. In memory by default; a shared store lets several BFF replicas serve one user. */
export interface SessionStore {
  get(id: string): Promise<SessionRecord | undefined>;
  /** Stores the session until `expiresAt` (epoch ms); the store forgets it by itself after that. */
  set(id: string, session: SessionRecord, expiresAt: number): Promise<void>;
  delete(id: string): Promise<void>;
  close(): Promise<void>;
}

/** A single-process store. Expired entries are dropped when read and by a periodic sweep. */
export class MemorySessionStore implements SessionStore {
  private readonly entries = new Map<string, { session: SessionRecord; expiresAt: number }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(sweepIntervalMs = 60_000) {
    this.sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweeper.unref();
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(id);
      return undefined;
    }
    // A copy, so that callers change the stored session only through `set`, as with a remote store.
    return structuredClone(entry.session);
  }

  async set(id: string, session: SessionRecord, expiresAt: number): Promise<void> {
    this.entries.set(id, { session: structuredClone(session), expiresAt });
  }

  async delete(id: string): Promise<void> {
    this.entries.delete(id);
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
  }
}
