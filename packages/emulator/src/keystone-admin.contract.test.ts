import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, login, postJson, type Login } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { created, keystoneAdmin } from './contract/keystone-admin.js';
import { uniqueName } from './contract/http.js';

// Keystone's identity admin API as Tempest's dynamic credentials and `openstack project/user/role`
// use it: judged against the real Keystone 22 with CONTRACT_TARGET=real.
let target: ContractTarget;
let admin: Login;
const cleanups: Array<() => Promise<unknown>> = [];
beforeAll(async () => {
  target = await contractTarget();
  admin = await login(target, 'admin');
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await target.close();
});

const { call, roleId, projectUser } = keystoneAdmin(
  () => target,
  () => admin,
  cleanups,
);

async function signIn(user: string, password: string, project: string): Promise<Response> {
  return postJson(`${target.authUrl}/auth/tokens`, {
    auth: {
      identity: { methods: ['password'], password: { user: { name: user, domain: { id: 'default' }, password } } },
      scope: { project: { id: project } },
    },
  });
}

function tokenStatus(token: string): Promise<number> {
  return fetch(`${target.authUrl}/auth/tokens`, {
    headers: { 'X-Auth-Token': admin.token, 'X-Subject-Token': token },
  }).then((r) => r.status);
}

describe('Keystone identity admin API', () => {
  it('finds the Default domain by name', async () => {
    const response = await get(`${target.authUrl}/domains?name=Default`, admin.token);
    expect(response.status).toBe(200);
    const { domains } = await response.json();
    expect(domains).toEqual([expect.objectContaining({ id: 'default', name: 'Default', enabled: true })]);
  });

  it('creates a project and a user, grants a role, and the user signs in with it', async () => {
    const { project, user, password } = await projectUser('member');
    const response = await signIn(user.name, password, project.id);
    expect(response.status).toBe(201);
    const { token } = await response.json();
    expect(token.project).toMatchObject({ id: project.id, name: project.name });
    expect(token.roles.map((r: { name: string }) => r.name).sort()).toEqual(['member', 'reader']);

    const assignments = await get(
      `${target.authUrl}/role_assignments?user.id=${user.id}&scope.project.id=${project.id}&include_names`,
      admin.token,
    );
    const { role_assignments } = await assignments.json();
    expect(role_assignments).toEqual([
      expect.objectContaining({
        role: expect.objectContaining({ name: 'member' }),
        user: expect.objectContaining({ id: user.id, name: user.name }),
        scope: { project: expect.objectContaining({ id: project.id, name: project.name }) },
      }),
    ]);
  });

  it('revokes the tokens of a user whose role is taken away', async () => {
    const { project, user, password } = await projectUser('member');
    const token = (await signIn(user.name, password, project.id)).headers.get('x-subject-token')!;
    expect(await tokenStatus(token)).toBe(200);
    const revoke = await call(
      'DELETE',
      `/projects/${project.id}/users/${user.id}/roles/${await roleId('member')}`,
      admin.token,
    );
    expect(revoke.status).toBe(204);
    expect(await tokenStatus(token)).toBe(404);
    const again = await call(
      'DELETE',
      `/projects/${project.id}/users/${user.id}/roles/${await roleId('member')}`,
      admin.token,
    );
    expect(again.status).toBe(404);
  });

  it('refuses a second project of the same name in a domain (409)', async () => {
    const { project } = await projectUser();
    const response = await call('POST', '/projects', admin.token, {
      project: { name: project.name, domain_id: 'default' },
    });
    expect(response.status).toBe(409);
    expect((await response.json()).error.title).toBe('Conflict');
  });

  it('keeps project tags', async () => {
    const { project } = await projectUser();
    expect((await call('PUT', `/projects/${project.id}/tags/blue`, admin.token)).status).toBe(201);
    const { tags } = await (await get(`${target.authUrl}/projects/${project.id}/tags`, admin.token)).json();
    expect(tags).toEqual(['blue']);
    const tagged = await (await get(`${target.authUrl}/projects?tags=blue`, admin.token)).json();
    expect(tagged.projects.map((p: { id: string }) => p.id)).toContain(project.id);
  });

  it('refuses the admin API to a member with 403', async () => {
    const demo = await login(target, 'demo');
    const response = await call('POST', '/projects', demo.token, { project: { name: uniqueName('ct-nope') } });
    expect(response.status).toBe(403);
    expect((await get(`${target.authUrl}/users`, demo.token)).status).toBe(403);
  });

  it('deletes users and projects (then 404)', async () => {
    const { project, user } = await projectUser();
    expect((await call('DELETE', `/users/${user.id}`, admin.token)).status).toBe(204);
    expect((await get(`${target.authUrl}/users/${user.id}`, admin.token)).status).toBe(404);
    expect((await call('DELETE', `/projects/${project.id}`, admin.token)).status).toBe(204);
    expect((await get(`${target.authUrl}/projects/${project.id}`, admin.token)).status).toBe(404);
  });

  it("gives a group's role to its members", async () => {
    const { project, user, password } = await projectUser('reader');
    const group = await created<{ id: string }>(
      await call('POST', '/groups', admin.token, { group: { name: uniqueName('ct-group'), domain_id: 'default' } }),
      'group',
    );
    cleanups.push(() => call('DELETE', `/groups/${group.id}`, admin.token));
    expect((await call('PUT', `/groups/${group.id}/users/${user.id}`, admin.token)).status).toBe(204);
    const grant = await call(
      'PUT',
      `/projects/${project.id}/groups/${group.id}/roles/${await roleId('member')}`,
      admin.token,
    );
    expect(grant.status).toBe(204);
    const { token } = await (await signIn(user.name, password, project.id)).json();
    expect(token.roles.map((r: { name: string }) => r.name).sort()).toEqual(['member', 'reader']);
  });
});

describe('Keystone application credentials', () => {
  async function ownToken() {
    const { project, user, password } = await projectUser('member');
    const response = await signIn(user.name, password, project.id);
    return { project, user, token: response.headers.get('x-subject-token')! };
  }

  function appCredAuth(id: string, secret: string) {
    return postJson(`${target.authUrl}/auth/tokens`, {
      auth: { identity: { methods: ['application_credential'], application_credential: { id, secret } } },
    });
  }

  it('signs in with a restricted credential that carries only the roles it was given', async () => {
    const { project, user, token } = await ownToken();
    const response = await call('POST', `/users/${user.id}/application_credentials`, token, {
      application_credential: { name: 'ct-cred', roles: [{ name: 'reader' }] },
    });
    const credential = await created<{ id: string; secret: string; project_id: string; unrestricted: unknown }>(
      response,
      'application_credential',
    );
    expect(credential.project_id).toBe(project.id);
    expect(credential.unrestricted).toBeNull();
    expect(credential.secret.length).toBeGreaterThan(40);

    const auth = await appCredAuth(credential.id, credential.secret);
    expect(auth.status).toBe(201);
    const body = await auth.json();
    expect(body.token.methods).toEqual(['application_credential']);
    expect(body.token.roles.map((r: { name: string }) => r.name)).toEqual(['reader']);
    expect(body.token.application_credential).toEqual({ id: credential.id, name: 'ct-cred', restricted: true });

    // A restricted credential's token may not make more credentials.
    const more = await call('POST', `/users/${user.id}/application_credentials`, auth.headers.get('x-subject-token')!, {
      application_credential: { name: 'ct-cred-2' },
    });
    expect(more.status).toBe(403);

    expect((await appCredAuth(credential.id, 'wrong-secret')).status).toBe(401);
    const listed = await (await get(`${target.authUrl}/users/${user.id}/application_credentials`, token)).json();
    expect(listed.application_credentials.map((c: { id: string }) => c.id)).toEqual([credential.id]);
    expect(listed.application_credentials[0]).not.toHaveProperty('secret');
    expect((await call('DELETE', `/users/${user.id}/application_credentials/${credential.id}`, token)).status).toBe(
      204,
    );
    // Keystone tells a deleted credential's id apart from a wrong secret.
    expect((await appCredAuth(credential.id, credential.secret)).status).toBe(404);
  });

  it('refuses a role the user does not hold, and a duplicate name', async () => {
    const { user, token } = await ownToken();
    const unassigned = await call('POST', `/users/${user.id}/application_credentials`, token, {
      application_credential: { name: 'ct-admin', roles: [{ name: 'admin' }] },
    });
    expect(unassigned.status).toBe(400);
    const body = { application_credential: { name: 'ct-twice' } };
    expect((await call('POST', `/users/${user.id}/application_credentials`, token, body)).status).toBe(201);
    expect((await call('POST', `/users/${user.id}/application_credentials`, token, body)).status).toBe(409);
  });
});
