import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openEvents } from '../test-support/events.js';
import { BrowserClient, startHarness, type Harness } from '../test-support/harness.js';

// An asynchronous action's audit entry ends with what became of it, as the live relay saw it.
let harness: Harness;
let browser: BrowserClient;
let stream: { close(): void; positioned(): Promise<void> };

beforeEach(async () => {
  harness = await startHarness({ LIVE_FAST_MS: '100', LIVE_WATCH_MS: '200', LIVE_SLOW_MS: '1000' });
  browser = new BrowserClient(harness.bff.url);
  await browser.login('demo', 'demo');
  // A tab follows the project live, as the console does while it is open.
  stream = await openEvents(browser);
  await stream.positioned();
});
afterEach(async () => {
  stream.close();
  await harness.close();
});

async function outcomeOf(action: string, targetId: string): Promise<string | undefined> {
  const response = await browser.request(`/api/audit?target=${targetId}`);
  const { entries } = (await response.json()) as { entries: Array<{ action: string; outcome?: string }> };
  return entries.find((e) => e.action === action)?.outcome;
}

async function createVolume(name: string): Promise<string> {
  const response = await browser.request('/api/cinder/volumes', {
    method: 'POST',
    body: { volume: { size: 1, name } },
  });
  expect(response.status).toBe(202);
  return (await response.json()).volume.id;
}

const UNTIL_SETTLED = { timeout: 60_000, interval: 100 };

describe('audit outcomes', () => {
  it('completes a create and an extend with the status reached, and a delete with deleted', async () => {
    const id = await createVolume('audited');
    await vi.waitFor(async () => expect(await outcomeOf('volume.create', id)).toBe('available'), UNTIL_SETTLED);
    const extend = await browser.request(`/api/cinder/volumes/${id}/action`, {
      method: 'POST',
      body: { 'os-extend': { new_size: 2 } },
    });
    expect(extend.status).toBe(202);
    await vi.waitFor(async () => expect(await outcomeOf('volume.os-extend', id)).toBe('available'), UNTIL_SETTLED);
    expect((await browser.request(`/api/cinder/volumes/${id}`, { method: 'DELETE' })).status).toBe(202);
    await vi.waitFor(async () => expect(await outcomeOf('volume.delete', id)).toBe('deleted'), UNTIL_SETTLED);
  });

  it('tells an extend that failed in the backend: error_extending, though Cinder answered 202', async () => {
    const id = await createVolume('audited-failing');
    await vi.waitFor(async () => expect(await outcomeOf('volume.create', id)).toBe('available'), UNTIL_SETTLED);
    harness.emulator.ctx.faults.failNext('volume.extend');
    await browser.request(`/api/cinder/volumes/${id}/action`, {
      method: 'POST',
      body: { 'os-extend': { new_size: 2 } },
    });
    await vi.waitFor(
      async () => expect(await outcomeOf('volume.os-extend', id)).toBe('error_extending'),
      UNTIL_SETTLED,
    );
  });

  it('leaves synchronous changes without an outcome: a rename is done when answered', async () => {
    const id = await createVolume('audited-rename');
    await browser.request(`/api/cinder/volumes/${id}`, { method: 'PUT', body: { volume: { name: 'renamed' } } });
    const response = await browser.request(`/api/audit?target=${id}`);
    const { entries } = (await response.json()) as {
      entries: Array<{ action: string; result: string; outcome?: string }>;
    };
    expect(entries.find((e) => e.action === 'volume.update')).toMatchObject({ result: 'success' });
    expect(entries.find((e) => e.action === 'volume.update')?.outcome).toBeUndefined();
  });
});
