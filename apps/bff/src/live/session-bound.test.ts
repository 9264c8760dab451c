import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openEvents } from '../test-support/events.js';
import { BrowserClient, startHarness, type Harness } from '../test-support/harness.js';

// A stream belongs to its session: it ends when the session ends or moves to another project,
// and only then; the same user's other sessions keep theirs.
let harness: Harness;
let browser: BrowserClient;
let streams: Array<{ close(): void }>;

beforeEach(async () => {
  harness = await startHarness({
    LIVE_FAST_MS: '100',
    LIVE_WATCH_MS: '200',
    LIVE_SLOW_MS: '1000',
    LIVE_STREAMS_PER_SESSION: '3',
  });
  browser = await signIn();
  streams = [];
});
afterEach(async () => {
  vi.useRealTimers();
  for (const stream of streams) stream.close();
  await harness.close();
});

async function signIn(user = 'demo'): Promise<BrowserClient> {
  const client = new BrowserClient(harness.bff.url);
  expect((await client.login(user, user)).status).toBe(201);
  return client;
}

async function listen(client = browser) {
  const stream = await openEvents(client);
  streams.push(stream);
  await stream.positioned();
  return stream;
}

async function createVolume(client: BrowserClient, name: string): Promise<string> {
  const response = await client.request('/api/cinder/volumes', { method: 'POST', body: { volume: { size: 1, name } } });
  expect(response.status).toBe(202);
  return (await response.json()).volume.id;
}

describe('an event stream and its session', () => {
  it('ends at logout, while another session of the same user and project keeps streaming', async () => {
    const other = await signIn();
    const leaving = await listen();
    const staying = await listen(other);
    expect((await browser.request('/api/session', { method: 'DELETE' })).status).toBe(204);
    await leaving.end();
    const id = await createVolume(other, 'after-logout');
    await staying.next((e) => e.id === id && 'status' in e && e.status === 'available');
    expect(leaving.received.some((r) => r.event.id === id)).toBe(false);
  });

  it('ends when the session switches project', async () => {
    const stream = await listen();
    const session = await (await browser.request('/api/session')).json();
    const staging = session.projects.find((p: { name: string }) => p.name === 'demo_staging');
    const switched = await browser.request('/api/session/project', { method: 'PUT', body: { projectId: staging.id } });
    expect(switched.status).toBe(200);
    await stream.end();
    // A new stream follows the new project.
    const again = await listen();
    expect(again.ended).toBe(false);
  });

  it('ends when the session has been idle past its limit', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const stream = await listen();
    vi.setSystemTime(Date.now() + 31 * 60_000);
    await stream.end(30_000);
    expect((await browser.request('/api/session')).status).toBe(401);
  });

  it('ends, with the session, when Keystone revokes the token: not reported as Cinder failing', async () => {
    const stream = await listen();
    const { ctx } = harness.emulator;
    const demo = ctx.identity.findUserByName('demo', 'default')!;
    for (const [token, issued] of ctx.tokens.entries()) {
      if (issued.userId !== demo.id) continue;
      ctx.tokens.revoke(token);
      ctx.serviceTokens.forget(token);
    }
    await stream.end(30_000);
    expect(stream.health.filter((h) => h.cinder === 'failing')).toEqual([]);
    const session = await browser.request('/api/session');
    expect(session.status).toBe(401);
  });

  it('is refused past the per-session cap, and allowed again once a tab closes', async () => {
    const open = [await listen(), await listen(), await listen()];
    const refused = await fetch(`${harness.bff.url}/api/events`, { headers: { Cookie: browser.cookie! } });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('tooManyStreams');
    // Another session of the same user has its own allowance.
    expect((await listen(await signIn())).ended).toBe(false);
    open[0]!.close();
    await vi.waitFor(async () => {
      const stream = await openEvents(browser);
      streams.push(stream);
      expect(stream.response.status).toBe(200);
    });
  });
});
