import { Redis } from 'ioredis';
import type { SessionRecord } from './session.js';
import type { SessionStore } from './store.js';
import type { TokenCipher } from './token-cipher.js';

const KEY_PREFIX = 'cinder-console:session:';

/**
 * Sessions in Redis, so any number of BFF replicas serve the same users. Each session is one key
 * that Redis expires by itself at the session's end; the Keystone token inside is encrypted.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly cipher: TokenCipher,
  ) {}

  static connect(url: string, cipher: TokenCipher): RedisSessionStore {
    // Fail requests fast while Redis is away rather than queueing them for ever.
    return new RedisSessionStore(new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true }), cipher);
  }

  async get(id: string): Promise<SessionRecord | undefined> {
    const raw = await this.redis.get(KEY_PREFIX + id);
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as SessionRecord;
    const token = this.cipher.decrypt(stored.token);
    // Unreadable with this key (another deployment's secret, or tampering): not a session.
    return token === undefined ? undefined : { ...stored, token };
  }

  async set(id: string, session: SessionRecord, expiresAt: number): Promise<void> {
    const ttl = expiresAt - Date.now();
    if (ttl <= 0) return this.delete(id);
    const stored = { ...session, token: this.cipher.encrypt(session.token) };
    await this.redis.set(KEY_PREFIX + id, JSON.stringify(stored), 'PX', ttl);
  }

  async delete(id: string): Promise<void> {
    await this.redis.del(KEY_PREFIX + id);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
