import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBff } from '../../apps/bff/src/index.js';
import { startBffInProcess } from '../support/bff-process.js';
import { BrowserClient } from '../../apps/bff/src/test-support/harness.js';
import { haveRedis, startRedis } from '@cinder-console/test-support';
import { startRecordingCloud, type RecordingCloud } from '../support/recording-cloud.js';

/**
 * The probe's findings (issue #17) whose fix is a limit of its own: each BFF here is started with
 * that limit small, in-process, against the emulator (and Redis where replicas share the count).
 */

let cloud: RecordingCloud;
const running: RunningBff[] = [];

async function bffWith(env: Record<string, string>): Promise<RunningBff> {
  const bff = await startBffInProcess(cloud.authUrl, env);
  running.push(bff);
  return bff;
}

/** Waits until `ready` holds: on state, the suite's timeout being the only bound. */
async function until(ready: () => Promise<boolean>): Promise<void> {
  while (!(await ready())) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Everything the server sends back for one `GET path` on a connection of its own, until it closes. */
function rawGet(host: string, port: string, path: string): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    const socket = net.connect(Number(port), host);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
    socket.end(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  });
}

beforeAll(async () => {
  cloud = await startRecordingCloud();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((bff) => bff.close()));
});

afterAll(async () => {
  await cloud?.close();
});

describe('6. connections', () => {
  it('holds at most MAX_CONNECTIONS open, and serves again once one closes', async () => {
    const bff = await bffWith({ MAX_CONNECTIONS: '3' });
    const { hostname, port } = new URL(bff.url);
    const open = await Promise.all(
      [0, 1, 2].map(
        () =>
          new Promise<net.Socket>((resolve) => {
            const socket = net.connect(Number(port), hostname, () => resolve(socket));
          }),
      ),
    );
    // The fourth is closed by the server without an answer. Raw sockets show it plainly: fetch
    // (undici) re-queues a request whose connection was dropped before it was written, and such a
    // request can wait on the pool long after room is free again.
    expect(await rawGet(hostname, port, '/healthz')).toBe('');
    open[0]!.destroy();
    await until(async () => (await rawGet(hostname, port, '/healthz')).startsWith('HTTP/1.1 200'));
    for (const socket of open) socket.destroy();
  });
});

describe('6. event streams', () => {
  it('caps the streams one session holds open (LIVE_STREAMS_PER_SESSION), and lets one more in once one ends', async () => {
    const bff = await bffWith({ LIVE_STREAMS_PER_SESSION: '3' });
    const browser = new BrowserClient(bff.url);
    await browser.login('demo', 'demo');
    const streams = [0, 1, 2].map(() => new AbortController());
    const open = (signal?: AbortSignal) =>
      fetch(`${bff.url}/api/events`, { headers: { Cookie: browser.cookie!, Accept: 'text/event-stream' }, signal });
    for (const stream of streams) expect((await open(stream.signal)).status).toBe(200);

    const refused = await open();
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('tooManyStreams');
    // Another session of the same user is not held to this one's count.
    const other = new BrowserClient(bff.url);
    await other.login('demo', 'demo');
    const elsewhere = new AbortController();
    const theirs = await fetch(`${bff.url}/api/events`, {
      headers: { Cookie: other.cookie!, Accept: 'text/event-stream' },
      signal: elsewhere.signal,
    });
    expect(theirs.status).toBe(200);
    elsewhere.abort();

    streams[0]!.abort();
    let again: Response | undefined;
    const last = new AbortController();
    await until(async () => {
      again = await open(last.signal);
      if (again.status === 200) return true;
      await again.body?.cancel();
      return false;
    });
    expect(again!.status).toBe(200);
    for (const stream of [...streams, last]) stream.abort();
  });
});

describe('2. audit retention by age', () => {
  it('drops entries older than AUDIT_MAX_AGE_DAYS (in memory)', async () => {
    // About 2 s.
    const bff = await bffWith({ AUDIT_MAX_AGE_DAYS: '0.000025' });
    const demo = new BrowserClient(bff.url);
    await demo.login('demo');
    const entries = async () => (await (await demo.request('/api/audit')).json()).entries.length as number;
    expect(await entries()).toBe(1);
    await until(async () => (await entries()) === 0);
  });
});

describe.runIf(haveRedis)('with Redis, shared by replicas', () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  const replica = (env: Record<string, string> = {}) =>
    bffWith({
      REDIS_URL: redis.url,
      SESSION_SECRET: 'probe-limits-secret-of-at-least-32-characters',
      TRUST_PROXY: 'loopback',
      ...env,
    });

  it('4. counts failed sign-ins across replicas: N replicas do not allow N times the limit', async () => {
    const limits = { LOGIN_RATE_LIMIT: '4' };
    const [a, b] = [await replica(limits), await replica(limits)];
    const attempt = (bff: RunningBff, password: string) =>
      new BrowserClient(bff.url).request('/api/session', {
        method: 'POST',
        body: { username: 'alt_demo', password },
        headers: { 'X-Forwarded-For': '192.0.2.44' },
      });
    for (const bff of [a, b, a, b]) expect((await attempt(bff, 'wrong')).status).toBe(401);
    expect((await attempt(a, 'alt_demo')).status).toBe(429);
    expect((await attempt(b, 'alt_demo')).status).toBe(429);
  });

  it("2. keeps each project's trail in Redis: a flood evicts only the flooder's own project", async () => {
    const bff = await replica({ AUDIT_MAX_ENTRIES_PER_PROJECT: '10' });
    const demo = new BrowserClient(bff.url);
    const alt = new BrowserClient(bff.url);
    await demo.login('demo');
    await alt.login('alt_demo');
    for (let i = 0; i < 150; i++) await alt.request(`/api/cinder/volumes/flood-${i}`, { method: 'DELETE' });
    const actions = (await (await demo.request('/api/audit')).json()).entries.map((e: { action: string }) => e.action);
    expect(actions).toContain('session.login');
    const altEntries = (await (await alt.request('/api/audit?limit=1000')).json()).entries;
    // Approximate trimming keeps whole nodes: about the cap, far below the flood.
    expect(altEntries.length).toBeLessThan(150);
  });

  it('2. drops entries older than AUDIT_MAX_AGE_DAYS (in Redis)', async () => {
    const bff = await replica({ AUDIT_MAX_AGE_DAYS: '0.000025' });
    const staging = new BrowserClient(bff.url);
    await staging.login('demo', 'demo', { project: 'demo_staging' });
    const entries = async () => (await (await staging.request('/api/audit')).json()).entries.length as number;
    expect(await entries()).toBeGreaterThan(0);
    await until(async () => (await entries()) === 0);
  });
});
