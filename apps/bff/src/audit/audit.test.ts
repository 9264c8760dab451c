import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startHarness, type Harness } from '../test-support/harness.js';

let harness: Harness;
let demo: BrowserClient;
beforeEach(async () => {
  harness = await startHarness();
  demo = new BrowserClient(harness.bff.url);
  await demo.login('demo', 'demo');
});
afterEach(() => harness.close());

async function entries(client: BrowserClient, query = '') {
  const response = await client.request(`/api/audit${query}`);
  expect(response.status).toBe(200);
  return (await response.json()).entries as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('the audit trail', () => {
  it('records every change through the console, with who, where, what, the result and the request id', async () => {
    const created = await demo.request('/api/cinder/volumes', {
      method: 'POST',
      body: { volume: { size: 1, name: 'audited' } },
    });
    const id = (await created.json()).volume.id;
    const refused = await demo.request(`/api/cinder/volumes/${id}/action`, {
      method: 'POST',
      body: { 'os-extend': { new_size: 1 } },
    });
    expect(refused.status).toBe(400);
    const cloudRequestId = (await refused.json()).error.requestId;

    const trail = await entries(demo);
    expect(trail.map((e) => e.action)).toEqual(['volume.os-extend', 'volume.create', 'session.login']);
    expect(trail[0]).toMatchObject({
      user: { name: 'demo' },
      project: { name: 'demo' },
      region: 'RegionOne',
      target: { kind: 'volume', id },
      result: 'failure',
      status: 400,
      requestId: cloudRequestId,
    });
    // The create names what it made, read from Cinder's answer, so the trail can link to it.
    expect(trail[1]).toMatchObject({ target: { kind: 'volume', id }, result: 'success', status: 202 });
    expect(trail[1]!.requestId).toMatch(/^req-/);
    expect((await entries(demo, `?target=${id}`)).map((e) => e.action)).toEqual(['volume.os-extend', 'volume.create']);
  });

  it('records failed sign-ins under the name that was tried', async () => {
    await new BrowserClient(harness.bff.url).login('demo', 'wrong');
    const admin = new BrowserClient(harness.bff.url);
    await admin.login('admin', 'admin');
    const failures = await entries(admin, '?action=session.login&result=failure');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ user: { name: 'demo' }, status: 401 });
  });

  it("shows members their own project's trail only, and admins every project's, filterable", async () => {
    const alt = new BrowserClient(harness.bff.url);
    await alt.login('alt_demo', 'alt_demo');
    await demo.request('/api/cinder/volumes', { method: 'POST', body: { volume: { size: 1 } } });
    expect((await entries(alt)).every((e) => e.project.name === 'alt_demo')).toBe(true);

    const admin = new BrowserClient(harness.bff.url);
    await admin.login('admin', 'admin');
    const everything = await entries(admin);
    expect(new Set(everything.map((e) => e.project.name))).toEqual(new Set(['demo', 'alt_demo', 'admin']));
    const demoProject = everything.find((e) => e.project.name === 'demo')!.project.id;
    const demoOnly = await entries(admin, `?project=${demoProject}&action=volume`);
    expect(demoOnly.map((e) => e.action)).toEqual(['volume.create']);
  });

  it('names a bad query', async () => {
    const response = await demo.request('/api/audit?result=maybe');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalidInput');
  });
});
