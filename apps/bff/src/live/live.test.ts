import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { startBff } from '../server.js';
import { MemorySessionStore } from '../session/store.js';
import { openEvents } from '../test-support/events.js';
import { BrowserClient, startHarness, type Harness } from '../test-support/harness.js';

let harness: Harness;
let browser: BrowserClient;
let streams: Array<{ close(): void }>;

beforeEach(async () => {
  harness = await startHarness({ LIVE_FAST_MS: '100', LIVE_SLOW_MS: '1000', LIVE_PATIENT_MS: '300' });
  browser = new BrowserClient(harness.bff.url);
  await browser.login('demo', 'demo');
  streams = [];
});
afterEach(async () => {
  for (const stream of streams) stream.close();
  await harness.close();
});

async function listen(client = browser, options: { lastEventId?: number | string } = {}) {
  const stream = await openEvents(client, options);
  streams.push(stream);
  // The poller's first look is its baseline; changes are reported from then on.
  await new Promise((resolve) => setTimeout(resolve, 150));
  return stream;
}

async function createVolume(name: string, client = browser): Promise<string> {
  const response = await client.request('/api/cinder/volumes', { method: 'POST', body: { volume: { size: 1, name } } });
  expect(response.status).toBe(202);
  return (await response.json()).volume.id;
}

describe('GET /api/events', () => {
  it('is a server-sent event stream, and needs a session', async () => {
    const stream = await listen();
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const anonymous = await fetch(`${harness.bff.url}/api/events`);
    expect(anonymous.status).toBe(401);
  });

  it('pushes a new volume through creating to available, then its deletion', async () => {
    const stream = await listen();
    const id = await createVolume('live-create');
    await stream.next((e) => e.id === id && 'status' in e && e.status === 'available');
    const first = stream.received.find((r) => r.event.id === id)!;
    expect(first.event).toMatchObject({ kind: 'volume', id, resource: { name: 'live-create' } });

    expect((await browser.request(`/api/cinder/volumes/${id}`, { method: 'DELETE' })).status).toBe(202);
    await stream.next((e) => e.id === id && 'deleted' in e);
  });

  it('pushes an extend as extending, then available with the new size', async () => {
    const stream = await listen();
    const id = await createVolume('live-extend');
    await stream.next((e) => e.id === id && 'status' in e && e.status === 'available');
    await browser.request(`/api/cinder/volumes/${id}/action`, {
      method: 'POST',
      body: { 'os-extend': { new_size: 3 } },
    });
    const done = await stream.next(
      (e) => e.id === id && 'resource' in e && e.resource.size === 3 && e.status === 'available',
    );
    expect(done.event.kind).toBe('volume');
  });

  it('pushes a backup until it is available', async () => {
    const stream = await listen();
    const volumeId = await createVolume('live-backup-source');
    await stream.next((e) => e.id === volumeId && 'status' in e && e.status === 'available');
    const response = await browser.request('/api/cinder/backups', {
      method: 'POST',
      body: { backup: { volume_id: volumeId } },
    });
    const backupId = (await response.json()).backup.id;
    await stream.next((e) => e.kind === 'backup' && e.id === backupId && 'status' in e && e.status === 'available');
  });

  it('tells every tab of the project, including tabs of other sessions, the same events', async () => {
    const other = new BrowserClient(harness.bff.url);
    await other.login('demo', 'demo');
    const [mine, theirs] = [await listen(), await listen(other)];
    const id = await createVolume('live-shared');
    const [a, b] = await Promise.all([
      mine.next((e) => e.id === id && 'status' in e && e.status === 'available'),
      theirs.next((e) => e.id === id && 'status' in e && e.status === 'available'),
    ]);
    expect(a.id).toBe(b.id);
  });

  it("never tells one project's tabs about another project's volumes", async () => {
    const alt = new BrowserClient(harness.bff.url);
    await alt.login('alt_demo', 'alt_demo');
    const stream = await listen();
    const altStream = await listen(alt);
    const id = await createVolume('alt-secret', alt);
    await altStream.next((e) => e.id === id && 'status' in e && e.status === 'available');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stream.received.some((r) => r.event.id === id)).toBe(false);
  });

  it('notices changes made outside the console at the background refresh', async () => {
    const stream = await listen();
    // Created straight at the cloud, as the CLI would: nothing passes through the BFF.
    const { ctx } = harness.emulator;
    const demoUser = ctx.identity.findUserByName('demo', 'default')!;
    const state = ctx.regions.get('RegionOne')!;
    const outside = state.addVolume({
      projectId: demoUser.defaultProjectId!,
      userId: demoUser.id,
      size: 2,
      name: 'made-by-cli',
    });
    const seen = await stream.next((e) => e.id === outside.id, 3000);
    expect(seen.event).toMatchObject({ kind: 'volume', resource: { name: 'made-by-cli' } });
  });

  it('tells a page whose stream opens just after a change about that change (a reload as an operation ends)', async () => {
    // No stream is open while the volume is made and becomes available: as in a reload, the page
    // read its list before the change, and its stream starts the project's poller after it.
    const id = await createVolume('live-changed-before-stream');
    await waitFor(async () => {
      const shown = await browser.request(`/api/cinder/volumes/${id}`);
      return (await shown.json()).volume.status === 'available';
    }, 15_000);
    const stream = await openEvents(browser);
    streams.push(stream);
    const seen = await stream.next((e) => e.id === id && 'status' in e && e.status === 'available');
    expect(seen.event).toMatchObject({ kind: 'volume', resource: { name: 'live-changed-before-stream' } });
  });

  it('replays what a reconnecting browser missed, from its Last-Event-ID', async () => {
    const first = await listen();
    const early = await createVolume('live-before');
    const seen = await first.next((e) => e.id === early && 'status' in e && e.status === 'available');
    first.close();
    const keepAlive = await listen(secondTab(browser)); // keeps the project's poller running
    const late = await createVolume('live-while-away');
    await keepAlive.next((e) => e.id === late && 'status' in e && e.status === 'available');
    const again = await openEvents(browser, { lastEventId: seen.id });
    streams.push(again);
    await again.next((e) => e.id === late && 'status' in e && e.status === 'available', 1000);
    expect(again.received.every((r) => r.id > seen.id)).toBe(true);
  });

  it('gives a new stream its position at once, so that a tab resumes even before its first event', async () => {
    const first = await listen();
    await first.positioned();
    const position = first.lastId!;
    first.close();
    const keepAlive = await listen(secondTab(browser));
    const id = await createVolume('live-before-any-event');
    await keepAlive.next((e) => e.id === id && 'status' in e && e.status === 'available');
    const again = await listen(browser, { lastEventId: position });
    await again.next((e) => e.id === id && 'status' in e && e.status === 'available', 1000);
    expect(again.received.map((r) => r.id)).toEqual(keepAlive.received.map((r) => r.id));
    expect(again.resets).toEqual([]);
  });

  it('tells a tab to refetch when nobody watched the project while it was away', async () => {
    const first = await listen();
    const id = await createVolume('live-unwatched');
    const seen = await first.next((e) => e.id === id && 'status' in e && e.status === 'available');
    first.close();
    // The project's poller stops with its last stream: what changes from then on is unknown.
    await waitFor(async () => (await metric('cinder_console_live_pollers')) === 0);
    const again = await listen(browser, { lastEventId: seen.id });
    await again.reset();
    // Recent changes may follow the reset (a new poller reports them), never anything before it.
    expect(again.received.every((r) => r.id > again.resets[0]!)).toBe(true);

    // From the reset's id on, the tab resumes as usual.
    const keepAlive = await listen(secondTab(browser));
    again.close();
    const later = await createVolume('live-after-reset');
    await keepAlive.next((e) => e.id === later && 'status' in e && e.status === 'available');
    const resumed = await listen(browser, { lastEventId: again.lastId });
    await resumed.next((e) => e.id === later && 'status' in e && e.status === 'available', 1000);
    expect(resumed.resets).toEqual([]);
  });

  it('tells a tab to refetch when its Last-Event-ID was never issued here', async () => {
    const stream = await listen();
    await stream.positioned();
    for (const unknown of [stream.lastId! + 1000, 'not-a-number']) {
      const again = await listen(browser, { lastEventId: unknown });
      await again.reset();
      expect(again.resets).toEqual([stream.lastId]);
    }
  });
});

describe('GET /api/events after a restart without Redis', () => {
  it('tells a tab whose Last-Event-ID comes from the previous process to refetch', async () => {
    // Sessions outlive the process here (a store shared by both); event ids do not.
    const store = new MemorySessionStore();
    const config = loadConfig({
      OS_AUTH_URL: harness.emulator.authUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      LIVE_FAST_MS: '100',
    });
    const before = await startBff(config, { store });
    const tab = new BrowserClient(before.url);
    await tab.login('demo', 'demo');
    const stream = await openEvents(tab);
    await stream.positioned();
    const id = await createVolume('live-before-restart', tab);
    const seen = await stream.next((e) => e.id === id && 'status' in e && e.status === 'available');
    stream.close();
    await before.close();

    const after = await startBff(config, { store });
    try {
      const again = await openEvents(Object.assign(new BrowserClient(after.url), { cookie: tab.cookie }), {
        lastEventId: seen.id,
      });
      streams.push(again);
      await again.reset();
      expect(again.resets[0]).toBeGreaterThan(seen.id);
    } finally {
      for (const s of streams) s.close();
      await after.close();
    }
  });
});

async function waitFor(ready: () => Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A gauge from the BFF's `/metrics`. */
async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${harness.bff.url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
}

/** A second tab of the same session. */
function secondTab(source: BrowserClient): BrowserClient {
  const tab = new BrowserClient(source.baseUrl);
  tab.cookie = source.cookie;
  tab.csrfToken = source.csrfToken;
  return tab;
}
