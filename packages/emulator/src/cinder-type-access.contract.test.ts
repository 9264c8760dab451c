import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { login, type Login } from './contract/client.js';
import { Cinder, TEST_TIMEOUT } from './contract/storage-helpers.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { fault, policyFault, uniqueName } from './contract/http.js';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

let target: ContractTarget;
let demo: Cinder;
let alt: Cinder;
let admin: Cinder;
const types: string[] = [];
const qosSpecs: string[] = [];
beforeAll(async () => {
  target = await contractTarget();
  const adminLogin: Login = await login(target, 'admin');
  demo = new Cinder(await login(target, 'demo'), adminLogin);
  // Project default types are tried on alt_demo, so concurrent tests in demo keep the cloud's default.
  alt = new Cinder(await login(target, 'alt_demo'), adminLogin);
  admin = new Cinder(adminLogin);
});
afterAll(async () => {
  await alt?.cleanup();
  await admin?.delete(`/default-types/${alt.user.projectId}`, '3.62').catch(() => undefined);
  for (const id of qosSpecs) await admin.delete(`/qos-specs/${id}?force=true`).catch(() => undefined);
  for (const id of types.reverse()) await admin.delete(`/types/${id}`).catch(() => undefined);
  await target?.close();
});

async function createType(body: Record<string, unknown> = {}) {
  const answer = await admin.post('/types', { volume_type: { name: uniqueName('contract-type'), ...body } });
  if (answer.status !== 200) throw new Error(`type create: ${answer.status} ${JSON.stringify(answer.body)}`);
  types.push(answer.body.volume_type.id);
  return answer.body.volume_type as { id: string; name: string };
}
const typeIds = (answer: { body: { volume_types: Array<{ id: string }> } }) =>
  answer.body.volume_types.map((t) => t.id);

describe('Cinder private volume types and access', () => {
  it('creates a private type that members neither list nor see until their project is given access', async () => {
    const type = await createType({ 'os-volume-type-access:is_public': false });
    const shownToAdmin = await admin.get(`/types/${type.id}`);
    expect(shownToAdmin.body.volume_type).toMatchObject({
      is_public: false,
      description: null,
      'os-volume-type-access:is_public': false,
    });
    expect(typeIds(await demo.get('/types'))).not.toContain(type.id);
    const hidden = await demo.get(`/types/${type.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(fault(404, `Volume type ${type.id} could not be found.`));

    const project = demo.user.projectId;
    const added = await admin.post(`/types/${type.id}/action`, { addProjectAccess: { project } });
    expect(added.status).toBe(202);
    expect(added.body).toBeNull();
    const access = await admin.get(`/types/${type.id}/os-volume-type-access`);
    expect(access.body).toEqual({ volume_type_access: [{ volume_type_id: type.id, project_id: project }] });
    expect(typeIds(await demo.get('/types'))).toContain(type.id);
    expect((await demo.get(`/types/${type.id}`)).body.volume_type).toEqual({
      id: type.id,
      name: type.name,
      is_public: false,
      description: null,
      extra_specs: {},
      'os-volume-type-access:is_public': false,
    });

    const duplicate = await admin.post(`/types/${type.id}/action`, { addProjectAccess: { project } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual(
      fault(409, `Volume type access for ${type.id} / ${project} combination already exists.`),
    );
    const removed = await admin.post(`/types/${type.id}/action`, { removeProjectAccess: { project } });
    expect(removed.status).toBe(202);
    expect((await demo.get(`/types/${type.id}`)).status).toBe(404);
  });

  it('checks the project is a UUID before the policy, then keeps access changes for admins', async () => {
    const type = await createType({ 'os-volume-type-access:is_public': false });
    const bad = await admin.post(`/types/${type.id}/action`, { addProjectAccess: { project: 'abc' } });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(
      fault(400, "Invalid input for field/attribute project. Value: abc. 'abc' is not a 'uuid'"),
    );
    const member = await demo.post(`/types/${type.id}/action`, {
      addProjectAccess: { project: demo.user.projectId },
    });
    expect(member.status).toBe(403);
    expect(member.body).toEqual(policyFault('volume_extension:volume_type_access:addProjectAccess'));
  });

  it('has no access list for a public type', async () => {
    const type = await createType();
    const answer = await admin.get(`/types/${type.id}/os-volume-type-access`);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(fault(404, 'Access list not available for public volume types.'));
  });
});

describe('Cinder default types (3.62)', () => {
  it('does not know /default-types below 3.62', async () => {
    const answer = await admin.get('/default-types', '3.61');
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual(fault(404, 'The resource could not be found.'));
  });

  it('routes /default-types only without a project in the URL', async () => {
    const response = await fetch(`${admin.user.volumeUrl}/default-types`, {
      headers: { 'X-Auth-Token': admin.user.token, 'OpenStack-API-Version': 'volume 3.62' },
    });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('itemNotFound');
  });

  it("sets a project's default type (200), which its new volumes get and which cannot be deleted", async () => {
    const type = await createType();
    const project = alt.user.projectId;
    const set = await admin.put(`/default-types/${project}`, { default_type: { volume_type: type.name } }, '3.62');
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ default_type: { project_id: project, volume_type_id: type.id } });
    const shown = await admin.get(`/default-types/${project}`, '3.62');
    expect(shown.body).toEqual(set.body);
    const listed = await admin.get('/default-types', '3.62');
    expect(listed.body.default_types).toContainEqual({ project_id: project, volume_type_id: type.id });

    const volumeId = await alt.volume(1);
    expect((await alt.get(`/volumes/${volumeId}`)).body.volume.volume_type).toBe(type.name);
    await alt.cleanup();
    const refused = await admin.delete(`/types/${type.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(
      fault(400, `The volume type ${type.id} is a default volume type and cannot be deleted.`),
    );

    const unset = await admin.delete(`/default-types/${project}`, '3.62');
    expect(unset.status).toBe(204);
    const gone = await admin.get(`/default-types/${project}`, '3.62');
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual(fault(404, `Default type for project ${project} not found.`));
  });

  it('refuses to set an unknown type as a default with 400', async () => {
    const project = alt.user.projectId;
    const name = uniqueName('no-such-type');
    const unknown = await admin.put(`/default-types/${project}`, { default_type: { volume_type: name } }, '3.62');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual(fault(400, `Volume type with name ${name} could not be found.`));
  });

  it('keeps default types for admins, refusing members with the policy text', async () => {
    const project = alt.user.projectId;
    const member = await alt.put(
      `/default-types/${project}`,
      { default_type: { volume_type: (await alt.get('/types/default')).body.volume_type.name } },
      '3.62',
    );
    expect(member.status).toBe(403);
    // Not the usual "Policy doesn't allow …" text: default_types.py raises its own (checked on the rig).
    expect(member.body).toEqual(fault(403, 'You are not authorized to perform this operation.'));
  });
});

describe('Cinder QoS specs', () => {
  it('creates QoS specs (200) with the consumer and the remaining keys as specs', async () => {
    const name = uniqueName('qos');
    const created = await admin.post('/qos-specs', {
      qos_specs: { name, consumer: 'front-end', read_iops_sec: '1000' },
    });
    expect(created.status).toBe(200);
    qosSpecs.push(created.body.qos_specs.id);
    expect(created.body.qos_specs).toEqual({
      id: expect.any(String),
      name,
      consumer: 'front-end',
      specs: { read_iops_sec: '1000' },
    });
    expect(created.body.links.map((l: { rel: string }) => l.rel)).toEqual(['self', 'bookmark']);
    const duplicate = await admin.post('/qos-specs', { qos_specs: { name } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual(fault(409, `QoS Specs ${name} already exists.`));
  });

  it('associates with a type (202), refuses to delete while associated, and deletes once disassociated', async () => {
    const created = await admin.post('/qos-specs', { qos_specs: { name: uniqueName('qos'), total_iops_sec: '500' } });
    const qos = created.body.qos_specs;
    qosSpecs.push(qos.id);
    expect(qos.consumer).toBe('back-end');
    const type = await createType();
    const associated = await admin.get(`/qos-specs/${qos.id}/associate?vol_type_id=${type.id}`);
    expect(associated.status).toBe(202);
    expect((await admin.get(`/types/${type.id}`)).body.volume_type.qos_specs_id).toBe(qos.id);
    expect((await admin.get(`/qos-specs/${qos.id}/associations`)).body).toEqual({
      qos_associations: [{ association_type: 'volume_type', name: type.name, id: type.id }],
    });
    const inUse = await admin.delete(`/qos-specs/${qos.id}`);
    expect(inUse.status).toBe(400);
    expect(inUse.body).toEqual(fault(400, 'Qos specs still in use.'));

    const disassociated = await admin.get(`/qos-specs/${qos.id}/disassociate?vol_type_id=${type.id}`);
    expect(disassociated.status).toBe(202);
    expect((await admin.get(`/types/${type.id}`)).body.volume_type.qos_specs_id).toBeNull();
    expect((await admin.delete(`/qos-specs/${qos.id}`)).status).toBe(202);
    const gone = await admin.get(`/qos-specs/${qos.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual(fault(404, `No such QoS spec ${qos.id}.`));
  });

  it('keeps QoS specs for admins', async () => {
    const answer = await demo.post('/qos-specs', { qos_specs: { name: uniqueName('qos') } });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(policyFault('volume_extension:qos_specs_manage:create'));
  });
});
