import { randomUUID } from 'node:crypto';
import { request, type APIRequestContext } from '@playwright/test';
import { keystonePasswordAuth } from '@cinder-console/cinder';

/** The emulator's Keystone v3 URL (scripts/e2e.mjs picks its port). */
export const emulatorAuthUrl = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 5151}/identity/v3`;

/** Keystone as its cloud admin reaches it, for tests that set up users as an admin would. */
export interface KeystoneAdmin {
  json<T>(path: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', data?: unknown): Promise<T>;
  dispose(): Promise<void>;
}

/** Signs in as `admin` (project admin) at `authUrl`, Keystone's v3 URL. */
export async function keystoneAdmin(authUrl: string, adminPassword = 'admin'): Promise<KeystoneAdmin> {
  const context: APIRequestContext = await request.newContext();
  const issued = await context.post(`${authUrl}/auth/tokens`, {
    data: { auth: keystonePasswordAuth({ name: 'admin', password: adminPassword }, { name: 'admin' }) },
  });
  const headers = { 'X-Auth-Token': issued.headers()['x-subject-token'] ?? '' };
  return {
    async json<T>(path: string, method: string, data?: unknown): Promise<T> {
      const response = await context.fetch(`${authUrl}${path}`, { method, headers, ...(data ? { data } : {}) });
      if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
      return (response.status() === 204 ? undefined : await response.json()) as T;
    },
    dispose: () => context.dispose(),
  };
}

/** The id of the `member` role, which self-service users hold on their project. */
export async function memberRoleId(admin: KeystoneAdmin): Promise<string> {
  const { roles } = await admin.json<{ roles: Array<{ id: string }> }>('/roles?name=member', 'GET');
  return roles[0]!.id;
}

/** A user with a project of their own, made for one test. */
export interface ProjectUser {
  /** The user's name, password and project name alike (as `CloudCli.signIn` expects). */
  name: string;
  remove(): Promise<void>;
}

/**
 * A project no other test touches, with a member whose name, password and project name are
 * `prefix-<random>`: a test that counts what a page asks for sees no change made by a test running
 * beside it (the live view would rightly refetch for those).
 */
export async function createProjectUser(prefix: string, authUrl = emulatorAuthUrl): Promise<ProjectUser> {
  const admin = await keystoneAdmin(authUrl);
  const name = `${prefix}-${randomUUID().slice(0, 8)}`;
  const { project } = await admin.json<{ project: { id: string } }>('/projects', 'POST', {
    project: { name, domain_id: 'default' },
  });
  const { user } = await admin.json<{ user: { id: string } }>('/users', 'POST', {
    user: { name, password: name, domain_id: 'default', default_project_id: project.id },
  });
  await admin.json(`/projects/${project.id}/users/${user.id}/roles/${await memberRoleId(admin)}`, 'PUT');
  return {
    name,
    remove: async () => {
      await admin.json(`/users/${user.id}`, 'DELETE');
      await admin.dispose();
    },
  };
}
