import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startHarness, type Harness } from '../test-support/harness.js';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.close());

describe('GET /api/identity/projects', () => {
  it("gives an admin every project's id and name, sorted by name", async () => {
    const admin = new BrowserClient(harness.bff.url);
    await admin.login('admin', 'admin');
    const response = await admin.request('/api/identity/projects');
    expect(response.status).toBe(200);
    const { projects } = await response.json();
    const names = projects.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['admin', 'demo', 'alt_demo']));
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
    expect(projects[0]).toEqual({ id: expect.any(String), name: expect.any(String), domainId: expect.any(String) });
  });

  it('refuses a member, and anyone signed out', async () => {
    const demo = new BrowserClient(harness.bff.url);
    await demo.login('demo', 'demo');
    const refused = await demo.request('/api/identity/projects');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('forbidden');
    expect((await fetch(`${harness.bff.url}/api/identity/projects`)).status).toBe(401);
  });
});
