import { startEmulator, type RunningEmulator } from '@cinder-console/emulator';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { startBff, type RunningBff } from '../server.js';
import { BrowserClient } from '../test-support/harness.js';
import { haveRedis, startRedis } from '@cinder-console/test-support';
import { TokenCipher } from './token-cipher.js';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

describe('TokenCipher', () => {
  it('seals a token so that only the same secret opens it, and a tampered value opens to nothing', () => {
    const cipher = new TokenCipher(SECRET);
    const sealed = cipher.encrypt('gAAAAABsecret-token');
    expect(sealed).not.toContain('gAAAAA');
    expect(sealed).not.toBe(cipher.encrypt('gAAAAABsecret-token'));
    expect(cipher.decrypt(sealed)).toBe('gAAAAABsecret-token');
    expect(new TokenCipher(`${SECRET}-other`).decrypt(sealed)).toBeUndefined();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(cipher.decrypt(tampered)).toBeUndefined();
  });
});

describe('configuration', () => {
  it('refuses REDIS_URL without SESSION_SECRET, naming the fix', () => {
    expect(() => loadConfig({ OS_AUTH_URL: 'http://127.0.0.1:1/v3', REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(
      /SESSION_SECRET: required with REDIS_URL/,
    );
  });
});

describe.skipIf(!haveRedis)('sessions in Redis, shared by replicas (real redis-server)', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let emulator: RunningEmulator;
  const replicas: RunningBff[] = [];
  const replica = async (secret = SECRET) => {
    const bff = await startBff(
      loadConfig({
        OS_AUTH_URL: emulator.authUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        REDIS_URL: redis.url,
        SESSION_SECRET: secret,
      }),
    );
    replicas.push(bff);
    return bff;
  };

  beforeAll(async () => {
    redis = await startRedis();
    emulator = await startEmulator({ port: 0, fast: true });
  });
  afterAll(async () => {
    for (const bff of replicas) await bff.close();
    await emulator.close();
    await redis.stop();
  });

  it('serves a session signed in on one replica from another, until it signs out there', async () => {
    const [a, b] = [await replica(), await replica()];
    const onA = new BrowserClient(a.url);
    await onA.login('demo', 'demo');
    const onB = new BrowserClient(b.url);
    onB.cookie = onA.cookie;
    onB.csrfToken = onA.csrfToken;
    expect((await (await onB.request('/api/session')).json()).user.name).toBe('demo');
    expect((await onB.request('/api/cinder/volumes')).status).toBe(200);
    expect((await onB.request('/api/session', { method: 'DELETE' })).status).toBe(204);
    expect((await onA.request('/api/session')).status).toBe(401);
  });

  it('keeps no Keystone token in clear in Redis', async () => {
    const bff = await replica();
    await new BrowserClient(bff.url).login('demo', 'demo');
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('cinder-console:session:*');
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        const value = (await client.get(key))!;
        expect(value).not.toContain('gAAAAA');
        expect(JSON.parse(value).token).toMatch(/^enc:v1:/);
        expect(await client.pttl(key)).toBeGreaterThan(0);
      }
    } finally {
      client.disconnect();
    }
  });

  it('treats a session sealed with another secret as no session', async () => {
    const home = await replica();
    const stranger = await replica(`${SECRET}-elsewhere`);
    const browser = new BrowserClient(home.url);
    await browser.login('demo', 'demo');
    const elsewhere = new BrowserClient(stranger.url);
    elsewhere.cookie = browser.cookie;
    expect((await elsewhere.request('/api/session')).status).toBe(401);
  });
});
