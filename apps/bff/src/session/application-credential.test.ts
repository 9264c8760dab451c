import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startHarness, type Harness } from '../test-support/harness.js';

let harness: Harness;
let owner: BrowserClient;
beforeEach(async () => {
  harness = await startHarness();
  owner = new BrowserClient(harness.bff.url);
  await owner.login('demo', 'demo');
});
afterEach(() => harness.close());

async function create(body: Record<string, unknown>) {
  const response = await owner.request('/api/identity/application-credentials', { method: 'POST', body });
  return { status: response.status, body: await response.json() };
}

describe('application credentials', () => {
  it('are created with the secret shown once and a clouds.yaml entry, then listed without it', async () => {
    const created = await create({ name: 'ci-runner', roles: ['reader'] });
    expect(created.status).toBe(201);
    const { applicationCredential, secret, cloudsYaml } = created.body;
    expect(applicationCredential).toMatchObject({ name: 'ci-runner', roles: ['reader'], unrestricted: false });
    expect(secret.length).toBeGreaterThan(20);
    expect(cloudsYaml).toContain('auth_type: v3applicationcredential');
    expect(cloudsYaml).toContain(`application_credential_id: ${applicationCredential.id}`);
    expect(cloudsYaml).toContain(`application_credential_secret: ${secret}`);
    expect(cloudsYaml).toContain(`auth_url: ${harness.emulator.authUrl}`);

    const listed = await (await owner.request('/api/identity/application-credentials')).json();
    expect(listed.applicationCredentials.map((c: { name: string }) => c.name)).toEqual(['ci-runner']);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it('sign in, scoped as the credential is, with only its roles, and cannot switch project', async () => {
    const { body } = await create({ name: 'read-only', roles: ['reader'] });
    const robot = new BrowserClient(harness.bff.url);
    const byId = await robot.request('/api/session', {
      method: 'POST',
      body: { applicationCredential: { id: body.applicationCredential.id, secret: body.secret } },
    });
    expect(byId.status).toBe(201);
    const session = await byId.json();
    robot.csrfToken = session.csrfToken;
    expect(session).toMatchObject({ authMethod: 'application_credential', user: { name: 'demo' } });
    expect(session.project.name).toBe('demo');
    expect(session.roles).toEqual(['reader']);
    expect(session.projects).toEqual([session.project]);
    const volumes = await robot.request('/api/cinder/volumes');
    expect(volumes.status).toBe(200);

    const staging = (await (await owner.request('/api/session')).json()).projects.find(
      (p: { name: string }) => p.name === 'demo_staging',
    );
    const moved = await robot.request('/api/session/project', { method: 'PUT', body: { projectId: staging.id } });
    expect(moved.status).toBe(403);
    expect((await moved.json()).error.code).toBe('scopeFixed');

    const byName = await new BrowserClient(harness.bff.url).request('/api/session', {
      method: 'POST',
      body: { applicationCredential: { name: 'read-only', user: 'demo', secret: body.secret } },
    });
    expect(byName.status).toBe(201);
  });

  it('refuse a wrong secret, an unknown id and a deleted credential alike, and bad input by field', async () => {
    const { body } = await create({ name: 'short-lived' });
    const signIn = (applicationCredential: unknown) =>
      new BrowserClient(harness.bff.url).request('/api/session', { method: 'POST', body: { applicationCredential } });
    const id = body.applicationCredential.id;
    expect((await signIn({ id, secret: 'wrong' })).status).toBe(401);
    const unknown = await signIn({ id: 'f'.repeat(32), secret: 'whatever' });
    expect(unknown.status).toBe(401);
    expect((await unknown.json()).error.code).toBe('unauthorized');
    expect((await signIn({ id })).status).toBe(400);

    const deleted = await owner.request(`/api/identity/application-credentials/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await signIn({ id, secret: body.secret })).status).toBe(401);
    const listed = await (await owner.request('/api/identity/application-credentials')).json();
    expect(listed.applicationCredentials).toEqual([]);

    const refused = await create({ name: 'has space', expiresAt: '2001-01-01T00:00:00Z', roles: ['admin'] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['expiresAt', 'name']);
    const notHeld = await create({ name: 'escalate', roles: ['admin'] });
    expect(notHeld.status).toBe(400);
    expect(notHeld.body.error.code).toBe('roleNotHeld');
  });

  it("a restricted credential's session may not make more credentials (Keystone refuses)", async () => {
    const { body } = await create({ name: 'restricted' });
    const robot = new BrowserClient(harness.bff.url);
    const signedIn = await robot.request('/api/session', {
      method: 'POST',
      body: { applicationCredential: { id: body.applicationCredential.id, secret: body.secret } },
    });
    robot.csrfToken = (await signedIn.json()).csrfToken;
    const refused = await robot.request('/api/identity/application-credentials', {
      method: 'POST',
      body: { name: 'child' },
    });
    expect(refused.status).toBe(403);
    const noCsrf = await owner.request('/api/identity/application-credentials', {
      method: 'POST',
      body: { name: 'x' },
      headers: { 'X-CSRF-Token': 'nope' },
    });
    expect(noCsrf.status).toBe(403);
  });
});
