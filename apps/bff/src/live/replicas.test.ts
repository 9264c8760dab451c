import { spawn, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createEmulatorApp, type EmulatorContext } from '@cinder-console/emulator';
import express from 'express';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config.js';
import { startBff, type RunningBff } from '../server.js';
import { openEvents } from '../test-support/events.js';
import { BrowserClient } from '../test-support/harness.js';
import { haveRedis, startRedis } from '@cinder-console/test-support';

const SECRET = 'a-test-secret-of-at-least-thirty-two-characters';
const LIVE = { LIVE_FAST_MS: '100', LIVE_SLOW_MS: '1000', LIVE_PATIENT_MS: '300' };

/**
 * The emulator behind a counter: which replica lists volumes, told apart by the Keystone token it
 * polls with (each replica polls with the session of a browser it serves, signed in through it).
 */
async function countingCloud() {
  // Creating takes 450 ms here: long enough that the first poll after the create always sees `creating`.
  const { app: emulator, ctx } = createEmulatorApp({ timeScale: 0.3 });
  const owners = new Map<string, string>();
  const lists: Array<{ replica: string; at: number }> = [];
  const cloud = { signingInThrough: '', lists, ctx: ctx as EmulatorContext, authUrl: '', close: async () => {} };
  const app = express();
  app.use((req, res, next) => {
    if (req.method === 'GET' && /\/volumes\/detail$/.test(req.path)) {
      lists.push({ replica: owners.get(req.get('X-Auth-Token') ?? '') ?? 'unknown', at: Date.now() });
    }
    if (req.method === 'POST' && req.path.endsWith('/auth/tokens')) {
      const label = cloud.signingInThrough;
      res.on('finish', () => owners.set(String(res.getHeader('X-Subject-Token')), label));
    }
    next();
  });
  app.use(emulator);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  ctx.publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  cloud.authUrl = `${ctx.identityUrl}/v3`;
  cloud.close = () =>
    new Promise((resolve) => {
      ctx.scheduler.stop();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return cloud;
}

/** Resolves once `ready()` holds, polling it; fails after `timeoutMs`. */
async function until(ready: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!haveRedis)('live relay across replicas sharing Redis (real redis-server)', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let cloud: Awaited<ReturnType<typeof countingCloud>>;
  let running: Array<{ close(): Promise<void> | void }>;

  const env = (extra: Partial<Record<keyof Config, string>> = {}) => ({
    OS_AUTH_URL: cloud.authUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    REDIS_URL: redis.url,
    SESSION_SECRET: SECRET,
    ...LIVE,
    ...extra,
  });
  const replica = async (extra: Partial<Record<keyof Config, string>> = {}): Promise<RunningBff> => {
    const bff = await startBff(loadConfig(env(extra)));
    running.push(bff);
    return bff;
  };
  /** A browser signed in through `bff`; its polls are counted under `label`. */
  const signIn = async (bff: { url: string }, label: string): Promise<BrowserClient> => {
    const browser = new BrowserClient(bff.url);
    cloud.signingInThrough = label;
    expect((await browser.login('demo', 'demo')).status).toBe(201);
    return browser;
  };
  /** The same browser talking to another replica (the load balancer sent it elsewhere). */
  const via = (browser: BrowserClient, bff: { url: string }): BrowserClient => {
    const moved = new BrowserClient(bff.url);
    moved.cookie = browser.cookie;
    moved.csrfToken = browser.csrfToken;
    return moved;
  };
  const listen = async (browser: BrowserClient, lastEventId?: number) => {
    const stream = await openEvents(browser, { lastEventId });
    running.push(stream);
    await stream.positioned();
    return stream;
  };
  const createVolume = async (browser: BrowserClient, name: string): Promise<string> => {
    const response = await browser.request('/api/cinder/volumes', {
      method: 'POST',
      body: { volume: { size: 1, name } },
    });
    expect(response.status).toBe(202);
    return (await response.json()).volume.id;
  };
  const pollersOf = (since: number) => new Set(cloud.lists.filter((l) => l.at >= since).map((l) => l.replica));

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });
  beforeEach(async () => {
    cloud = await countingCloud();
    running = [];
  });
  afterEach(async () => {
    for (const item of running.reverse()) await item.close();
    await cloud.close();
  });

  it('polls each project from one replica only, and every replica streams its changes', async () => {
    const [a, b] = [await replica(), await replica()];
    const [onA, onB] = [await signIn(a, 'A'), await signIn(b, 'B')];
    const since = Date.now();
    const [streamA, streamB] = [await listen(onA), await listen(onB)];
    await until(() => cloud.lists.some((l) => l.at >= since), 'the first poll');

    const id = await createVolume(onA, 'shared-by-replicas');
    const seen = await Promise.all(
      [streamA, streamB].map((s) => s.next((e) => e.id === id && 'status' in e && e.status === 'available')),
    );
    expect(seen[0]!.id).toBe(seen[1]!.id);
    for (const stream of [streamA, streamB]) {
      expect(
        stream.received.filter((r) => r.event.id === id).map((r) => 'status' in r.event && r.event.status),
      ).toEqual(['creating', 'available']);
    }
    expect(streamA.received.map((r) => r.id)).toEqual(streamB.received.map((r) => r.id));
    expect(pollersOf(since).size).toBe(1);
    expect([...pollersOf(since)][0]).toMatch(/^[AB]$/);
  });

  it('makes the polling replica look at once after a change through another replica', async () => {
    // The background refresh is 30 s: only the nudge through Redis can bring the change in time.
    const [poller, other] = [await replica({ LIVE_SLOW_MS: '30000' }), await replica({ LIVE_SLOW_MS: '30000' })];
    const watcher = await signIn(poller, 'poller');
    const since = Date.now();
    const stream = await listen(watcher);
    await until(() => cloud.lists.some((l) => l.at >= since), 'the first poll');

    const id = await createVolume(via(watcher, other), 'nudged-from-elsewhere');
    await stream.next((e) => e.id === id, 2000);
    expect(pollersOf(since)).toEqual(new Set(['poller']));
  });

  it('resumes a browser that reconnects to another replica from its Last-Event-ID, with exactly what it missed', async () => {
    const [a, b] = [await replica(), await replica()];
    const onA = await signIn(a, 'A');
    const keeper = await listen(await signIn(b, 'B')); // keeps the project watched while the browser is away
    const first = await listen(onA);
    const before = await createVolume(onA, 'seen-before');
    await first.next((e) => e.id === before && 'status' in e && e.status === 'available');
    const position = first.lastId!;
    first.close();

    const missed = await createVolume(onA, 'missed-while-away');
    await keeper.next((e) => e.id === missed && 'status' in e && e.status === 'available');
    const expected = keeper.received.filter((r) => r.id > position);

    const again = await listen(via(onA, b), position);
    await until(() => again.lastId! >= expected.at(-1)!.id, 'the replay');
    expect(again.resets).toEqual([]);
    expect(again.received).toEqual(expected);
    expect(expected.map((r) => r.event.id)).toEqual([missed, missed]);
  });

  it('resumes from the shared history on a replica started after the events', async () => {
    const a = await replica();
    const onA = await signIn(a, 'A');
    const stream = await listen(onA);
    const position = stream.lastId!;
    const id = await createVolume(onA, 'before-the-new-replica');
    await stream.next((e) => e.id === id && 'status' in e && e.status === 'available');

    const fresh = await replica();
    const again = await listen(via(onA, fresh), position);
    await until(() => again.lastId === stream.lastId, 'the replay');
    expect(again.received).toEqual(stream.received);
    expect(again.resets).toEqual([]);
  });

  it('tells a browser to refetch when its Last-Event-ID is not in the shared history', async () => {
    const a = await replica();
    const onA = await signIn(a, 'A');
    const stream = await listen(onA, 42);
    await stream.reset();
    expect(stream.resets).toEqual([stream.lastId]);
  });

  it('hands polling over within 5 s when the polling replica dies, and loses no change made meanwhile', async () => {
    const doomed = await replicaProcess(env());
    running.push(doomed);
    const survivor = await replica();
    const onDoomed = await signIn(doomed, 'doomed');
    const onSurvivor = await signIn(survivor, 'survivor');
    const since = Date.now();
    await listen(onDoomed);
    await until(() => pollersOf(since).has('doomed'), 'the first poll');
    const stream = await listen(onSurvivor);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the survivor keeps trying meanwhile
    expect(pollersOf(since)).toEqual(new Set(['doomed']));

    doomed.kill(); // SIGKILL: no lease release, the lease has to lapse
    const killedAt = Date.now();
    const id = await createVolume(onSurvivor, 'made-during-failover');
    await until(() => pollersOf(killedAt).has('survivor'), 'the survivor to poll', 5000);
    expect(cloud.lists.find((l) => l.at >= killedAt && l.replica === 'survivor')!.at - killedAt).toBeLessThan(5000);
    await stream.next((e) => e.id === id && 'status' in e && e.status === 'available', 2000);

    const next = await createVolume(onSurvivor, 'after-failover');
    await stream.next((e) => e.id === next && 'status' in e && e.status === 'available');
    // The successor compared with what its predecessor saw: only real changes came out of it.
    expect(new Set(stream.received.map((r) => r.event.id))).toEqual(new Set([id, next]));
  }, 20_000);

  it('hands polling over at once when the polling replica shuts down', async () => {
    const [first, second] = [await replica(), await replica()];
    const onFirst = await signIn(first, 'first');
    const since = Date.now();
    await listen(onFirst);
    await until(() => pollersOf(since).has('first'), 'the first poll');
    const onSecond = await signIn(second, 'second');
    const stream = await listen(onSecond);

    await first.close(); // releases its lease
    const closedAt = Date.now();
    await until(() => pollersOf(closedAt).has('second'), 'the second replica to poll', 2000);
    const id = await createVolume(onSecond, 'after-shutdown');
    await stream.next((e) => e.id === id && 'status' in e && e.status === 'available');
  });
});

/** A BFF in a process of its own, so that it can die without a word (SIGKILL). */
async function replicaProcess(env: Record<string, string>): Promise<{ url: string; kill(): void; close(): void }> {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const main = fileURLToPath(new URL('../main.ts', import.meta.url));
  const child: ChildProcess = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', main], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (\S+)/.exec(output)?.[1];
      if (found) resolve(found);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the BFF process exited (${code}): ${output}`)));
  });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return { url, kill, close: kill };
}
