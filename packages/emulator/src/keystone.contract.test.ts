import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, login, passwordAuthBody, postJson, REQUEST_ID } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';

let target: ContractTarget;
beforeAll(async () => {
  target = await contractTarget();
});
afterAll(() => target.close());

async function revoke(token: string): Promise<number> {
  const response = await fetch(`${target.authUrl}/auth/tokens`, {
    method: 'DELETE',
    headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
  });
  return response.status;
}

const UNAUTHORIZED = {
  error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' },
};

describe('Keystone v3', () => {
  it('serves the v3 version document', async () => {
    const response = await fetch(`${target.authUrl}/`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.version).toMatchObject({ id: 'v3.14', status: 'stable' });
    expect(response.headers.get('x-openstack-request-id')).toMatch(REQUEST_ID);
  });

  it('issues a project-scoped token with roles and a catalog (201, X-Subject-Token)', async () => {
    const response = await postJson(
      `${target.authUrl}/auth/tokens`,
      passwordAuthBody('demo', target.passwordOf('demo'), 'demo'),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('x-subject-token')?.length).toBeGreaterThan(100);
    const { token } = await response.json();
    expect(token.methods).toEqual(['password']);
    expect(token.user).toMatchObject({ name: 'demo', domain: { id: 'default', name: 'Default' } });
    expect(token.project).toMatchObject({ name: 'demo', domain: { id: 'default', name: 'Default' } });
    expect(token.project.id).toMatch(/^[0-9a-f]{32}$/);
    expect(token.roles.map((r: { name: string }) => r.name).sort()).toEqual(['member', 'reader']);
    expect(token.expires_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(Date.parse(token.expires_at) - Date.parse(token.issued_at)).toBe(3600_000);
    const types = token.catalog.map((s: { type: string }) => s.type);
    expect(types).toEqual(expect.arrayContaining(['identity', 'volumev3', 'block-storage']));
    const volume = token.catalog.find((s: { type: string }) => s.type === 'volumev3');
    const regionOne = volume.endpoints.filter((e: { region_id: string }) => e.region_id === 'RegionOne');
    expect(regionOne.map((e: { interface: string }) => e.interface).sort()).toEqual(['admin', 'internal', 'public']);
    expect(regionOne[0].url).toMatch(new RegExp(`/v3/${token.project.id}$`));
  });

  it('gives an admin the implied member and reader roles', async () => {
    const admin = await login(target, 'admin');
    expect(admin.body.token.roles!.map((r) => r.name).sort()).toEqual(['admin', 'member', 'reader']);
  });

  it('refuses a wrong password with the same opaque 401 as an unknown user', async () => {
    for (const body of [
      passwordAuthBody('demo', 'wrong-password', 'demo'),
      passwordAuthBody('nobody-by-this-name', 'x', 'demo'),
    ]) {
      const response = await postJson(`${target.authUrl}/auth/tokens`, body);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Keystone uri="/);
      expect(await response.json()).toEqual(UNAUTHORIZED);
    }
  });

  it('refuses to scope to a project where the user has no role', async () => {
    const response = await postJson(
      `${target.authUrl}/auth/tokens`,
      passwordAuthBody('demo', target.passwordOf('demo'), 'admin'),
    );
    expect(response.status).toBe(401);
  });

  it("scopes a token requested without scope to the user's default project", async () => {
    const response = await postJson(
      `${target.authUrl}/auth/tokens`,
      passwordAuthBody('demo', target.passwordOf('demo')),
    );
    expect(response.status).toBe(201);
    const { token } = await response.json();
    expect(token.project?.name).toBe('demo');
  });

  it('lists the projects a token may scope to', async () => {
    const demo = await login(target, 'demo');
    const response = await get(`${target.authUrl}/auth/projects`, demo.token);
    expect(response.status).toBe(200);
    const { projects } = await response.json();
    expect(projects.map((p: { name: string }) => p.name).sort()).toEqual(['demo', 'demo_staging']);
    expect(projects[0]).toMatchObject({ domain_id: 'default', enabled: true });
  });

  it('re-scopes with the token method and keeps the expiry', async () => {
    const demo = await login(target, 'demo');
    const response = await postJson(`${target.authUrl}/auth/tokens`, {
      auth: { identity: { methods: ['token'], token: { id: demo.token } }, scope: { project: { id: demo.projectId } } },
    });
    expect(response.status).toBe(201);
    const { token } = await response.json();
    expect(token.expires_at).toBe(demo.body.token.expires_at);
    expect(token.audit_ids).toHaveLength(2);
  });

  it('validates a token, and says 404 for one it does not know', async () => {
    const demo = await login(target, 'demo');
    const valid = await fetch(`${target.authUrl}/auth/tokens`, {
      headers: { 'X-Auth-Token': demo.token, 'X-Subject-Token': demo.token },
    });
    expect(valid.status).toBe(200);
    expect((await valid.json()).token.user.name).toBe('demo');
    const bogus = await fetch(`${target.authUrl}/auth/tokens`, {
      headers: { 'X-Auth-Token': demo.token, 'X-Subject-Token': 'gAAAAABbogus' },
    });
    expect(bogus.status).toBe(404);
    expect((await bogus.json()).error).toMatchObject({ code: 404, title: 'Not Found' });
  });

  it('revokes a token: Keystone and a service that never saw it refuse it at once', async () => {
    const demo = await login(target, 'demo');
    const other = await login(target, 'demo');
    expect(await revoke(demo.token)).toBe(204);
    const validated = await fetch(`${target.authUrl}/auth/tokens`, {
      headers: { 'X-Auth-Token': other.token, 'X-Subject-Token': demo.token },
    });
    expect(validated.status).toBe(404);
    const after = await get(`${demo.volumeUrl}/volumes`, demo.token);
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual(UNAUTHORIZED);
  });

  it("lets Cinder keep honouring a revoked token it has already validated (keystonemiddleware's token cache)", async () => {
    const demo = await login(target, 'demo');
    expect((await get(`${demo.volumeUrl}/volumes`, demo.token)).status).toBe(200);
    expect(await revoke(demo.token)).toBe(204);
    expect((await get(`${demo.volumeUrl}/volumes`, demo.token)).status).toBe(200);
  });
});

describe('Keystone project listings', () => {
  it("lists a user's own projects at /v3/users/{id}/projects", async () => {
    const demo = await login(target, 'demo');
    const userId = (demo.body.token.user as { id: string }).id;
    const response = await get(`${target.authUrl}/users/${userId}/projects`, demo.token);
    expect(response.status).toBe(200);
    const { projects } = await response.json();
    expect(projects.map((p: { name: string }) => p.name).sort()).toEqual(['demo', 'demo_staging']);
  });

  it('lists every project for an admin at /v3/projects, and refuses a member', async () => {
    const admin = await login(target, 'admin');
    const all = await get(`${target.authUrl}/projects`, admin.token);
    expect(all.status).toBe(200);
    const names = (await all.json()).projects.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(['admin', 'demo', 'alt_demo', 'demo_staging']));
    const member = await login(target, 'demo');
    const refused = await get(`${target.authUrl}/projects`, member.token);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatchObject({ code: 403, title: 'Forbidden' });
  });
});
