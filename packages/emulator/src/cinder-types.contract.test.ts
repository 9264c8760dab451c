import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { login, type Login } from './contract/client.js';
import { Cinder, TEST_TIMEOUT } from './contract/storage-helpers.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { fault, policyFault, uniqueName } from './contract/http.js';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

let target: ContractTarget;
let demo: Cinder;
let admin: Cinder;
const types: string[] = [];
beforeAll(async () => {
  target = await contractTarget();
  const adminLogin: Login = await login(target, 'admin');
  demo = new Cinder(await login(target, 'demo'), adminLogin);
  admin = new Cinder(adminLogin);
});
afterAll(async () => {
  await demo?.cleanup();
  for (const id of types.reverse()) await admin.delete(`/types/${id}`).catch(() => undefined);
  await target?.close();
});

/** Creates a type as the admin and remembers it for cleanup. */
async function createType(body: Record<string, unknown> = {}) {
  const answer = await admin.post('/types', { volume_type: { name: uniqueName('contract-type'), ...body } });
  if (answer.status !== 200) throw new Error(`type create: ${answer.status} ${JSON.stringify(answer.body)}`);
  types.push(answer.body.volume_type.id);
  return answer.body.volume_type as { id: string; name: string };
}
const typeIds = (answer: { body: { volume_types: Array<{ id: string }> } }) =>
  answer.body.volume_types.map((t) => t.id);
const MEMBER_TYPE_KEYS = ['description', 'extra_specs', 'id', 'is_public', 'name', 'os-volume-type-access:is_public'];

describe('Cinder volume type reads', () => {
  it('lists types for members without qos_specs_id, and with it for admins', async () => {
    const members = await demo.get('/types');
    expect(members.status).toBe(200);
    expect(members.body.volume_types.length).toBeGreaterThan(0);
    for (const type of members.body.volume_types) expect(Object.keys(type).sort()).toEqual(MEMBER_TYPE_KEYS);
    const admins = await admin.get('/types');
    for (const type of admins.body.volume_types) expect(type).toHaveProperty('qos_specs_id');
  });

  it('shows the default type at /types/default without the access flag', async () => {
    const answer = await admin.get('/types/default');
    expect(answer.status).toBe(200);
    const type = answer.body.volume_type;
    expect(Object.keys(type).sort()).toEqual(['description', 'extra_specs', 'id', 'is_public', 'name', 'qos_specs_id']);
    expect(type.is_public).toBe(true);
    const byId = await admin.get(`/types/${type.id}`);
    expect(byId.body.volume_type).toMatchObject({ id: type.id, name: type.name });
  });

  it('lists types newest first', async () => {
    const older = await createType({ name: uniqueName('aa-type') });
    // Cinder keeps created_at to the second; distinct seconds keep the order unambiguous on a real cloud.
    if (target.kind === 'real') await new Promise((resolve) => setTimeout(resolve, 1100));
    const newer = await createType({ name: uniqueName('zz-type') });
    const listed = (await admin.get('/types')).body.volume_types.map((t: { id: string }) => t.id);
    expect(listed.indexOf(newer.id)).toBeGreaterThanOrEqual(0);
    expect(listed.indexOf(newer.id)).toBeLessThan(listed.indexOf(older.id));
  });

  it('lets only admins choose is_public: none for all, false for private, 400 for nonsense', async () => {
    const hidden = await createType({ 'os-volume-type-access:is_public': false });
    expect(typeIds(await admin.get('/types'))).not.toContain(hidden.id);
    expect(typeIds(await admin.get('/types?is_public=none'))).toContain(hidden.id);
    const privateOnly = (await admin.get('/types?is_public=false')).body.volume_types;
    expect(privateOnly.every((t: { is_public: boolean }) => t.is_public === false)).toBe(true);
    expect(privateOnly.map((t: { id: string }) => t.id)).toContain(hidden.id);
    const nonsense = await admin.get('/types?is_public=maybe');
    expect(nonsense.status).toBe(400);
    expect(nonsense.body).toEqual(fault(400, 'Invalid is_public filter [maybe]'));
    const member = await demo.get('/types?is_public=maybe');
    expect(member.status).toBe(200);
    expect(typeIds(member)).not.toContain(hidden.id);
  });
});

describe('Cinder volume type create, update and delete', () => {
  it('creates a type with 200 and its full body, and refuses a duplicate name with 409', async () => {
    const name = uniqueName('gold');
    const created = await admin.post('/types', {
      volume_type: {
        name,
        description: 'fast',
        'os-volume-type-access:is_public': true,
        extra_specs: { volume_backend_name: 'contract' },
      },
    });
    expect(created.status).toBe(200);
    types.push(created.body.volume_type.id);
    expect(created.body).toEqual({
      volume_type: {
        id: expect.any(String),
        name,
        is_public: true,
        extra_specs: { volume_backend_name: 'contract' },
        description: 'fast',
        'os-volume-type-access:is_public': true,
      },
    });
    const duplicate = await admin.post('/types', { volume_type: { name } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual(fault(409, `Volume Type ${name} already exists.`));
  });

  it('validates the body before the policy: 400 for a member with a bad body, 403 with a good one', async () => {
    const tooShort = await demo.post('/types', { volume_type: { name: '' } });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body).toEqual(fault(400, "Invalid input for field/attribute name. Value: . '' is too short"));
    const forbidden = await demo.post('/types', { volume_type: { name: uniqueName('nope') } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual(policyFault('volume_extension:type_create'));
    const blank = await admin.post('/types', { volume_type: { name: '   ' } });
    expect(blank.status).toBe(400);
    expect(blank.body).toEqual(fault(400, "An invalid 'name' value was provided. The 'name' can not be empty."));
  });

  it('updates name and description (200) with Cinder texts for empty, blank and duplicate updates', async () => {
    const type = await createType({ description: 'fast' });
    const other = await createType();
    const newName = uniqueName('gold-2');
    const updated = await admin.put(`/types/${type.id}`, { volume_type: { name: newName, description: 'faster' } });
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual({
      volume_type: { id: type.id, name: newName, is_public: true, extra_specs: {}, description: 'faster' },
    });
    const nothing = await admin.put(`/types/${type.id}`, { volume_type: { name: null, description: null } });
    expect(nothing.status).toBe(400);
    expect(nothing.body).toEqual(
      fault(400, 'Specify volume type name, description, is_public or a combination thereof.'),
    );
    const blank = await admin.put(`/types/${type.id}`, { volume_type: { name: '   ' } });
    expect(blank.status).toBe(400);
    expect(blank.body).toEqual(fault(400, 'Volume type name can not be empty.'));
    const clash = await admin.put(`/types/${type.id}`, { volume_type: { name: other.name } });
    expect(clash.status).toBe(409);
    expect(clash.body).toEqual(fault(409, `Volume Type ${other.name} already exists.`));
    const member = await demo.put(`/types/${type.id}`, { volume_type: { description: 'x' } });
    expect(member.status).toBe(403);
    expect(member.body).toEqual(policyFault('volume_extension:type_update'));
  });

  it('refuses to delete a type in use, and deletes an unused one (202)', async () => {
    const type = await createType();
    const volumeId = await demo.volume(1, { volume_type: type.name });
    const inUse = await admin.delete(`/types/${type.id}`);
    expect(inUse.status).toBe(400);
    expect(inUse.body).toEqual(fault(400, 'Target volume type is still in use.'));
    await demo.cleanup();
    expect((await demo.get(`/volumes/${volumeId}`)).status).toBe(404);
    const member = await demo.delete(`/types/${type.id}`);
    expect(member.status).toBe(403);
    expect(member.body).toEqual(policyFault('volume_extension:type_delete'));
    const deleted = await admin.delete(`/types/${type.id}`);
    expect(deleted.status).toBe(202);
    const gone = await admin.get(`/types/${type.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual(fault(404, `Volume type ${type.id} could not be found.`));
  });

  it('refuses to delete the default type, checking that before whether volumes use it', async () => {
    const defaultId = (await admin.get('/types/default')).body.volume_type.id;
    // volume_types.destroy checks the defaults before the database refuses a type in use.
    await demo.volume(1);
    const refused = await admin.delete(`/types/${defaultId}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(
      fault(400, `The volume type ${defaultId} is a default volume type and cannot be deleted.`),
    );
    await demo.cleanup();
  });
});

describe('Cinder volume type extra specs', () => {
  it('sets (200, echoed), lists, shows and unsets specs, then says a missing key is not there', async () => {
    const type = await createType({ extra_specs: { volume_backend_name: 'contract' } });
    const specs = { replication_enabled: '<is> False', 'custom:tier': 'gold' };
    const set = await admin.post(`/types/${type.id}/extra_specs`, { extra_specs: specs });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ extra_specs: specs });
    const listed = await admin.get(`/types/${type.id}/extra_specs`);
    expect(listed.body).toEqual({ extra_specs: { volume_backend_name: 'contract', ...specs } });
    expect((await admin.get(`/types/${type.id}/extra_specs/custom:tier`)).body).toEqual({ 'custom:tier': 'gold' });
    const unset = await admin.delete(`/types/${type.id}/extra_specs/custom:tier`);
    expect(unset.status).toBe(202);
    const again = await admin.delete(`/types/${type.id}/extra_specs/custom:tier`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual(fault(404, `Volume Type ${type.id} has no extra specs with key custom:tier.`));
  });

  it('shows members only the user-visible keys and refuses them changes', async () => {
    const type = await createType({
      extra_specs: { volume_backend_name: 'contract', replication_enabled: '<is> False', 'custom:tier': 'gold' },
    });
    const listed = await demo.get(`/types/${type.id}/extra_specs`);
    expect(listed.body).toEqual({ extra_specs: { replication_enabled: '<is> False' } });
    const shown = await demo.get(`/types/${type.id}`);
    expect(Object.keys(shown.body.volume_type).sort()).toEqual(MEMBER_TYPE_KEYS);
    expect(shown.body.volume_type.extra_specs).toEqual({ replication_enabled: '<is> False' });
    const refused = await demo.post(`/types/${type.id}/extra_specs`, { extra_specs: { multiattach: '<is> True' } });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual(policyFault('volume_extension:types_extra_specs:create'));
  });

  it('checks a PUT names exactly the key of its URL', async () => {
    const type = await createType();
    const mismatch = await admin.put(`/types/${type.id}/extra_specs/a`, { b: '1' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toEqual(fault(400, 'Request body and URI mismatch'));
    const two = await admin.put(`/types/${type.id}/extra_specs/a`, { a: 'b', c: 'd' });
    expect(two.status).toBe(400);
    expect(two.body).toEqual(fault(400, "{'a': 'b', 'c': 'd'} has too many properties"));
    const good = await admin.put(`/types/${type.id}/extra_specs/a`, { a: 'b' });
    expect(good.status).toBe(200);
    expect(good.body).toEqual({ a: 'b' });
  });

  it('freezes the specs while a volume uses the type', async () => {
    const type = await createType({ extra_specs: { 'custom:tier': 'gold' } });
    await demo.volume(1, { volume_type: type.name });
    const inUse = fault(400, 'Volume Type is currently in use.');
    const post = await admin.post(`/types/${type.id}/extra_specs`, { extra_specs: { 'custom:x': 'y' } });
    expect(post.status).toBe(400);
    expect(post.body).toEqual(inUse);
    expect((await admin.put(`/types/${type.id}/extra_specs/custom:tier`, { 'custom:tier': 'silver' })).body).toEqual(
      inUse,
    );
    expect((await admin.delete(`/types/${type.id}/extra_specs/custom:tier`)).body).toEqual(inUse);
    await demo.cleanup();
    expect((await admin.delete(`/types/${type.id}/extra_specs/custom:tier`)).status).toBe(202);
  });
});
