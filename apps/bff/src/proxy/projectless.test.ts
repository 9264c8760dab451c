import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startHarness, type Harness } from '../test-support/harness.js';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

describe('Cinder calls beside the project (/v3/default-types)', () => {
  it("lets an admin set and read a project's default type, and Cinder's policy judge a member", async () => {
    const demo = new BrowserClient(harness.bff.url);
    const demoSession = await (await demo.login('demo', 'demo')).json();
    const admin = new BrowserClient(harness.bff.url);
    await admin.login('admin', 'admin');
    const type = (await (await admin.request('/api/cinder/types')).json()).volume_types[0];

    const set = await admin.request(`/api/cinder/default-types/${demoSession.project.id}`, {
      method: 'PUT',
      body: { default_type: { volume_type: type.name } },
    });
    expect(set.status).toBe(200);
    const all = await admin.request('/api/cinder/default-types');
    expect(all.status).toBe(200);
    expect((await all.json()).default_types).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ project_id: demoSession.project.id, volume_type_id: type.id }),
      ]),
    );

    // The member's call reaches Cinder too (not a BFF 404), and Cinder refuses the listing by policy.
    const refused = await demo.request('/api/cinder/default-types');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.upstream).toBe('cinder');
  });
});
