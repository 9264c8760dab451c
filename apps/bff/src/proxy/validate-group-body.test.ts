import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserClient } from '../test-support/harness.js';
import { startSignedIn, type Harness } from '../test-support/harness.js';

let harness: Harness;
let browser: BrowserClient;
beforeEach(async () => {
  ({ harness, browser } = await startSignedIn());
});
afterEach(() => harness.close());

const ID = '0b6c2b0e-7f8a-4d58-9a55-3c1b4a9e2f10';

async function refusal(path: string, body: unknown, method = 'POST') {
  const response = await browser.request(path, { method, body });
  expect(response.status).toBe(400);
  const { error } = await response.json();
  expect(error.upstream).toBeUndefined(); // refused by the BFF, before Cinder saw it
  return error as { code: string; message: string; issues: Array<{ path: string; message: string }> };
}

describe('checking group bodies before they go upstream', () => {
  it('names a group create without volume types', async () => {
    const error = await refusal('/api/cinder/groups', { group: { group_type: 'gt', volume_types: [] } });
    expect(error.issues).toEqual([{ path: 'group.volume_types', message: 'choose at least one volume type' }]);
  });

  it('refuses add_volumes that are not volume ids, and an update that changes nothing', async () => {
    const bad = await refusal(`/api/cinder/groups/${ID}`, { group: { add_volumes: 'a,b' } }, 'PUT');
    expect(bad.issues[0]).toEqual({ path: 'group.add_volumes', message: 'must be volume ids, comma-separated' });
    const empty = await refusal(`/api/cinder/groups/${ID}`, { group: {} }, 'PUT');
    expect(empty.code).toBe('invalidInput');
  });

  it('refuses a create from source naming both a group snapshot and a group', async () => {
    const error = await refusal('/api/cinder/groups/action', {
      'create-from-src': { group_snapshot_id: ID, source_group_id: ID },
    });
    expect(error.issues[0]!.message).toBe('name a group snapshot or a source group, not both');
  });

  it('refuses an unknown group action and a reset without a status', async () => {
    await refusal(`/api/cinder/groups/${ID}/action`, { explode: {} });
    await refusal(`/api/cinder/group_snapshots/${ID}/action`, { reset_status: {} });
  });

  it('names a blank group type name and a bad group spec key', async () => {
    const create = await refusal('/api/cinder/group_types', { group_type: { name: '' } });
    expect(create.issues[0]!.path).toBe('group_type.name');
    const specs = await refusal(`/api/cinder/group_types/${ID}/group_specs`, { group_specs: { 'bad<key>': 'x' } });
    expect(specs.issues[0]!.path).toBe('group_specs.bad<key>');
  });
});
