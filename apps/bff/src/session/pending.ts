import { newSecret } from './login.js';

/** Entries kept at most: sign-in steps are open to anyone, and must not grow memory without bound. */
const MAX_PENDING = 10_000;

/**
 * Steps of a sign-in still under way (a passcode to ask, a single sign-on to finish), each under a
 * random key that only its browser holds, until it expires. In this process's memory: with replicas
 * behind a balancer, the next step must reach the replica that took the first (docs/bff-configuration.md).
 */
export class Pending<T extends { expiresAt: number }> {
  private readonly entries = new Map<string, T>();

  /** Its key, or undefined when too many are under way. */
  add(entry: T): string | undefined {
    const now = Date.now();
    for (const [key, value] of this.entries) if (value.expiresAt <= now) this.entries.delete(key);
    if (this.entries.size >= MAX_PENDING) return undefined;
    const key = newSecret();
    this.entries.set(key, entry);
    return key;
  }

  /** The entry, while it lasts. */
  find(key: string | undefined): T | undefined {
    if (!key) return undefined;
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > Date.now()) return entry;
    this.entries.delete(key);
    return undefined;
  }

  /** The entry, once: it is gone after this. */
  take(key: string | undefined): T | undefined {
    const entry = this.find(key);
    if (key) this.entries.delete(key);
    return entry;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
