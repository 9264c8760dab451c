import type { IssuedToken, TokenStore } from './tokens.js';

/**
 * keystonemiddleware's token cache: a service that has validated a token trusts it for
 * `token_cache_time` (300 s by default) without asking Keystone again, so a token revoked after
 * its first use keeps working there until the cache entry lapses, while one revoked before any use
 * is refused at once. The emulator's Cinder and Glance validate through this, as the real ones do.
 */
export class ValidationCache {
  private readonly entries = new Map<string, { token: IssuedToken; until: number }>();

  constructor(
    private readonly tokens: TokenStore,
    private readonly ttlMs = 300_000,
  ) {}

  validate(id: string | undefined): IssuedToken | undefined {
    if (!id) return undefined;
    const now = Date.now();
    const cached = this.entries.get(id);
    if (cached && cached.until > now) return cached.token;
    this.entries.delete(id);
    const token = this.tokens.validate(id);
    if (token) {
      if (this.entries.size > 10_000) this.entries.clear();
      this.entries.set(id, { token, until: Math.min(now + this.ttlMs, token.expiresAt.getTime()) });
    }
    return token;
  }

  /** Drops what the services remember of `id`, as when `token_cache_time` has run out for it. */
  forget(id: string): void {
    this.entries.delete(id);
  }
}
