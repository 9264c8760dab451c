import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, login, type Login } from './contract/client.js';
import { contractTarget, type ContractTarget } from './contract/target.js';

// What python-openstackclient's functional tests (`npm run test:clients`) found the emulator's
// Keystone doing differently from Keystone 22; judged against the rig with CONTRACT_TARGET=real.
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

function call(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${target.authUrl}${path}`, {
    method,
    headers: { 'X-Auth-Token': admin.token, 'Content-Type': 'application/json', Accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function newProject(extra: Record<string, unknown>) {
  const response = await call('POST', '/projects', {
    project: { name: `ct-props-${randomUUID().slice(0, 8)}`, domain_id: 'default', ...extra },
  });
  expect(response.status).toBe(201);
  const { project } = await response.json();
  cleanups.push(() => call('DELETE', `/projects/${project.id}`));
  return project;
}

describe('Keystone projects as openstackclient uses them', () => {
  it('keeps properties outside the schema (`project create --property k=v`) and merges them on update', async () => {
    const project = await newProject({ k1: 'v1', k2: 'v2' });
    expect(project).toMatchObject({ k1: 'v1', k2: 'v2', domain_id: 'default', is_domain: false });

    const update = await call('PATCH', `/projects/${project.id}`, { project: { k0: 'v0', k1: 'changed' } });
    expect(update.status).toBe(200);
    const shown = (await (await get(`${target.authUrl}/projects/${project.id}`, admin.token)).json()).project;
    expect(shown).toMatchObject({ k0: 'v0', k1: 'changed', k2: 'v2' });
  });

  it('lists parents and subtree on request (`project show --parents --children`): none for a top-level project', async () => {
    const project = await newProject({});
    const response = await get(`${target.authUrl}/projects/${project.id}?parents_as_list&subtree_as_list`, admin.token);
    expect(response.status).toBe(200);
    const shown = (await response.json()).project;
    expect(shown).toMatchObject({ id: project.id, parents: [], subtree: [] });

    const plain = (await (await get(`${target.authUrl}/projects/${project.id}?parents_as_list=0`, admin.token)).json())
      .project;
    expect(plain).not.toHaveProperty('parents');
    expect(plain).not.toHaveProperty('subtree');
  });

  it('answers parents and subtree as ids (openstackclient 6): the domain above a top-level project, no subtree', async () => {
    const project = await newProject({});
    const response = await get(`${target.authUrl}/projects/${project.id}?subtree_as_ids&parents_as_ids`, admin.token);
    expect(response.status).toBe(200);
    const shown = (await response.json()).project;
    expect(shown.parents).toEqual({ default: null });
    expect(shown).toHaveProperty('subtree', null);
  });

  it('refuses both forms of one hierarchy at once with a 400', async () => {
    const project = await newProject({});
    const response = await get(`${target.authUrl}/projects/${project.id}?parents_as_ids&parents_as_list`, admin.token);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      code: 400,
      message: 'Cannot use parents_as_list and parents_as_ids query params at the same time.',
    });
  });
});
