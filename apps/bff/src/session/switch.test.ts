import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startSignedIn, type Harness } from '../test-support/harness.js';

let harness: Harness;
let browser: BrowserClient;
beforeEach(async () => {
  ({ harness, browser } = await startSignedIn());
});
afterEach(() => harness.close());

async function volumeNames(client: BrowserClient): Promise<string[]> {
  const body = await (await client.request('/api/cinder/volumes')).json();
  if (!body.volumes) throw new Error(JSON.stringify(body));
  const { volumes } = body;
  return volumes.map((v: { name: string }) => v.name).sort();
}

describe('PUT /api/session/project', () => {
  it('lists the projects the user may switch to, and switches without asking for the password again', async () => {
    const session = await (await browser.request('/api/session')).json();
    expect(session.projects.map((p: { name: string }) => p.name).sort()).toEqual(['demo', 'demo_staging']);
    expect(await volumeNames(browser)).toContain('db-data');

    const staging = session.projects.find((p: { name: string }) => p.name === 'demo_staging');
    const switched = await browser.request('/api/session/project', { method: 'PUT', body: { projectId: staging.id } });
    expect(switched.status).toBe(200);
    expect((await switched.json()).project).toEqual({ id: staging.id, name: 'demo_staging' });
    // The same cookie now reaches the other project's Cinder endpoint, and nothing of demo's.
    expect(await volumeNames(browser)).toEqual([]);
    expect((await (await browser.request('/api/session')).json()).project.name).toBe('demo_staging');
  });

  it("refuses a project the user has no role on, and keeps the session's project", async () => {
    const admin = new BrowserClient(harness.bff.url);
    await admin.login('admin', 'admin');
    const adminProject = (await (await admin.request('/api/session')).json()).project.id;
    const refused = await browser.request('/api/session/project', { method: 'PUT', body: { projectId: adminProject } });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('projectNotAllowed');
    expect((await (await browser.request('/api/session')).json()).project.name).toBe('demo');
  });

  it('needs the CSRF token', async () => {
    const response = await browser.request('/api/session/project', {
      method: 'PUT',
      body: { projectId: 'x' },
      headers: { 'X-CSRF-Token': '' },
    });
    expect(response.status).toBe(403);
  });

  it('names a malformed body', async () => {
    const response = await browser.request('/api/session/project', { method: 'PUT', body: { project: 'demo' } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('invalidInput');
  });
});

describe('PUT /api/session/region', () => {
  it("moves the session to the other region's Cinder, which has its own volumes", async () => {
    const session = await (await browser.request('/api/session')).json();
    expect(session.regions).toEqual(['RegionOne', 'RegionTwo']);
    expect(session.region).toBe('RegionOne');
    const switched = await browser.request('/api/session/region', { method: 'PUT', body: { region: 'RegionTwo' } });
    expect(switched.status).toBe(200);
    expect((await switched.json()).region).toBe('RegionTwo');
    expect(await volumeNames(browser)).toEqual([]);
    await browser.request('/api/session/region', { method: 'PUT', body: { region: 'RegionOne' } });
    expect(await volumeNames(browser)).toContain('db-data');
  });

  it('refuses a region the catalog does not list', async () => {
    const response = await browser.request('/api/session/region', { method: 'PUT', body: { region: 'Mars' } });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('unknownRegion');
  });
});
