import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEvents } from '../test-support/events.js';
import { BrowserClient, startHarness, type Harness } from '../test-support/harness.js';

let harness: Harness;
let browser: BrowserClient;
let stream: { close(): void } | undefined;

beforeEach(async () => {
  harness = await startHarness({ LIVE_FAST_MS: '100', LIVE_SLOW_MS: '1000', LIVE_PATIENT_MS: '300' });
  browser = new BrowserClient(harness.bff.url);
  await browser.login('demo', 'demo');
});
afterEach(async () => {
  stream?.close();
  await harness.close();
});

async function post(path: string, body: unknown) {
  const response = await browser.request(path, { method: 'POST', body });
  expect(response.status).toBe(202);
  return response.json();
}

describe('live groups and group snapshots', () => {
  it('pushes a group through creating to available, its group snapshot, and their deletion', async () => {
    const events = await openEvents(browser);
    stream = events;
    await new Promise((resolve) => setTimeout(resolve, 150)); // the poller's first look is its baseline
    const types = await (await browser.request('/api/cinder/types')).json();
    const groupTypes = await (await browser.request('/api/cinder/group_types')).json();
    const { group } = await post('/api/cinder/groups', {
      group: { name: 'live-group', group_type: groupTypes.group_types[0].id, volume_types: [types.volume_types[0].id] },
    });
    const ready = await events.next((e) => e.id === group.id && 'status' in e && e.status === 'available');
    expect(ready.event).toMatchObject({ kind: 'group', resource: { name: 'live-group', volumes: [] } });

    // Cinder snapshots no empty group: one volume joins it first.
    const { volume } = await post('/api/cinder/volumes', {
      volume: { size: 1, volume_type: types.volume_types[0].id, group_id: group.id },
    });
    await events.next((e) => e.id === volume.id && 'status' in e && e.status === 'available');
    const { group_snapshot: snapshot } = await post('/api/cinder/group_snapshots', {
      group_snapshot: { group_id: group.id, name: 'live-gs' },
    });
    await events.next(
      (e) => e.kind === 'group_snapshot' && e.id === snapshot.id && 'status' in e && e.status === 'available',
    );
    expect((await browser.request(`/api/cinder/group_snapshots/${snapshot.id}`, { method: 'DELETE' })).status).toBe(
      202,
    );
    await events.next((e) => e.kind === 'group_snapshot' && e.id === snapshot.id && 'deleted' in e);
    const deleted = await browser.request(`/api/cinder/groups/${group.id}/action`, {
      method: 'POST',
      body: { delete: { 'delete-volumes': true } },
    });
    expect(deleted.status).toBe(202);
    await events.next((e) => e.kind === 'group' && e.id === group.id && 'deleted' in e);
  });
});
