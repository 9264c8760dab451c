import { expect } from 'vitest';
import { get, type Login } from './client.js';
import { uniqueName } from './http.js';
import type { ContractTarget } from './target.js';

export async function created<T>(response: Response, key: string): Promise<T> {
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  return ((await response.json()) as Record<string, T>)[key]!;
}

/**
 * Keystone calls as an admin makes them, and fresh projects and users (as Tempest's dynamic
 * credentials), each removed again through `cleanups`. Target and admin are read at each call, as
 * they exist only once the suite's `beforeAll` has run.
 */
export function keystoneAdmin(
  target: () => ContractTarget,
  admin: () => Login,
  cleanups: Array<() => Promise<unknown>>,
) {
  function call(method: string, path: string, token: string, body?: unknown): Promise<Response> {
    return fetch(`${target().authUrl}${path}`, {
      method,
      headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json', Accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async function roleId(name: string): Promise<string> {
    const { roles } = await (await get(`${target().authUrl}/roles?name=${name}`, admin().token)).json();
    return roles[0].id;
  }

  /** A fresh project and a user holding `role` on it. */
  async function projectUser(role = 'member') {
    const token = admin().token;
    const project = await created<{ id: string; name: string }>(
      await call('POST', '/projects', token, { project: { name: uniqueName('ct-project'), domain_id: 'default' } }),
      'project',
    );
    cleanups.push(() => call('DELETE', `/projects/${project.id}`, token));
    const password = uniqueName('pw');
    const user = await created<{ id: string; name: string }>(
      await call('POST', '/users', token, {
        user: { name: uniqueName('ct-user'), password, domain_id: 'default', project_id: project.id },
      }),
      'user',
    );
    cleanups.push(() => call('DELETE', `/users/${user.id}`, token));
    const grant = await call('PUT', `/projects/${project.id}/users/${user.id}/roles/${await roleId(role)}`, token);
    expect(grant.status).toBe(204);
    return { project, user, password };
  }

  return { call, roleId, projectUser };
}
