import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

async function listen(client = browser, options: { lastEventId?: number } = {}) {
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
});

/** A second tab of the same session. */
function secondTab(source: BrowserClient): BrowserClient {
  const tab = new BrowserClient(source.baseUrl);
  tab.cookie = source.cookie;
  tab.csrfToken = source.csrfToken;
  return tab;
}
