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

async function createType(): Promise<string> {
  const answer = await admin.post('/types', { volume_type: { name: uniqueName('contract-encrypted') } });
  if (answer.status !== 200) throw new Error(`type create: ${answer.status} ${JSON.stringify(answer.body)}`);
  types.push(answer.body.volume_type.id);
  return answer.body.volume_type.id as string;
}

const LUKS = { provider: 'luks', cipher: 'aes-xts-plain64', key_size: 256, control_location: 'front-end' };
const noEncryption = (typeId: string) => fault(404, `Volume type encryption for type ${typeId} does not exist.`);

describe('Cinder volume type encryption', () => {
  it('creates, reads, updates and deletes a type encryption, answering as Cinder does', async () => {
    const typeId = await createType();
    expect(await admin.get(`/types/${typeId}/encryption`)).toMatchObject({ status: 200, body: {} });

    const created = await admin.post(`/types/${typeId}/encryption`, { encryption: LUKS });
    expect(created.status).toBe(200);
    const encryptionId = created.body.encryption.encryption_id as string;
    expect(created.body).toEqual({
      encryption: { ...LUKS, volume_type_id: typeId, encryption_id: encryptionId },
    });
    const shown = await admin.get(`/types/${typeId}/encryption`);
    expect(shown.body).toEqual({
      ...LUKS,
      volume_type_id: typeId,
      encryption_id: encryptionId,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/),
      updated_at: null,
      deleted_at: null,
      deleted: false,
    });
    expect((await admin.get(`/types/${typeId}/encryption/provider`)).body).toEqual({ provider: 'luks' });
    const unknownKey = await admin.get(`/types/${typeId}/encryption/nope`);
    expect(unknownKey).toMatchObject({ status: 404, body: noEncryption(typeId) });

    const again = await admin.post(`/types/${typeId}/encryption`, { encryption: LUKS });
    expect(again).toMatchObject({
      status: 400,
      body: fault(400, `Volume type encryption for type ${typeId} already exists.`),
    });

    // The answer echoes the body; the id in the path is not checked, as a type has one encryption.
    const updated = await admin.put(`/types/${typeId}/encryption/${encryptionId}`, {
      encryption: { key_size: 512, control_location: 'back-end', cipher: null },
    });
    expect(updated).toMatchObject({
      status: 200,
      body: { encryption: { key_size: 512, control_location: 'back-end', cipher: null } },
    });
    expect((await admin.get(`/types/${typeId}/encryption`)).body).toMatchObject({
      provider: 'luks',
      key_size: 512,
      control_location: 'back-end',
      cipher: null,
      updated_at: expect.any(String),
    });

    expect((await admin.delete(`/types/${typeId}/encryption/${encryptionId}`)).status).toBe(202);
    expect((await admin.get(`/types/${typeId}/encryption`)).body).toEqual({});
    const gone = await admin.delete(`/types/${typeId}/encryption/${encryptionId}`);
    expect(gone).toMatchObject({ status: 404, body: noEncryption(typeId) });
    const updateGone = await admin.put(`/types/${typeId}/encryption/${encryptionId}`, { encryption: { key_size: 1 } });
    expect(updateGone).toMatchObject({ status: 404, body: noEncryption(typeId) });
  });

  it('validates the body first, with the jsonschema texts, then the key size', async () => {
    const typeId = await createType();
    const create = (encryption: unknown) => admin.post(`/types/${typeId}/encryption`, { encryption });
    expect((await admin.post(`/types/${typeId}/encryption`, { nope: {} })).body).toEqual(
      fault(400, "'encryption' is a required property"),
    );
    expect((await create({ cipher: 'aes-xts-plain64' })).body).toEqual(
      fault(
        400,
        "Invalid input for field/attribute encryption. Value: {'cipher': 'aes-xts-plain64'}. 'provider' is a required property",
      ),
    );
    expect((await create({ provider: 'luks' })).body).toEqual(
      fault(
        400,
        "Invalid input for field/attribute encryption. Value: {'provider': 'luks'}. 'control_location' is a required property",
      ),
    );
    expect((await create({ provider: 'luks', control_location: 'middle' })).body).toEqual(
      fault(
        400,
        "Invalid input for field/attribute control_location. Value: middle. 'middle' is not one of ['front-end', 'back-end']",
      ),
    );
    expect((await create({ ...LUKS, key_size: -1 })).body).toEqual(
      fault(400, 'Invalid input for field/attribute key_size. Value: -1. -1 is less than the minimum of 0'),
    );
    expect((await create({ ...LUKS, key_size: 'abc' })).body).toEqual(
      fault(400, 'Invalid input received: key_size must be an integer.'),
    );
    expect((await admin.get(`/types/${typeId}/encryption`)).body).toEqual({});
  });

  it('keeps encryption to admins, checking the body before the policy', async () => {
    const typeId = await createType();
    expect(await demo.get(`/types/${typeId}/encryption`)).toMatchObject({
      status: 403,
      body: policyFault('volume_extension:volume_type_encryption:get'),
    });
    const invalid = await demo.post(`/types/${typeId}/encryption`, { encryption: { provider: 'luks' } });
    expect(invalid.status).toBe(400);
    for (const [answer, rule] of [
      [await demo.post(`/types/${typeId}/encryption`, { encryption: LUKS }), 'create'],
      [await demo.put(`/types/${typeId}/encryption/x`, { encryption: { key_size: 128 } }), 'update'],
      [await demo.delete(`/types/${typeId}/encryption/x`), 'delete'],
    ] as const) {
      expect(answer).toMatchObject({
        status: 403,
        body: policyFault(`volume_extension:volume_type_encryption:${rule}`),
      });
    }
    const missing = await admin.get('/types/no-such-type/encryption');
    expect(missing).toMatchObject({ status: 404, body: fault(404, 'Volume type no-such-type could not be found.') });
  });

  it('refuses to add encryption to a type while a volume uses it, and allows it once the volume is gone', async () => {
    const typeId = await createType();
    const volumeId = await demo.volume(1, { volume_type: typeId });
    const refused = await admin.post(`/types/${typeId}/encryption`, { encryption: LUKS });
    expect(refused).toMatchObject({
      status: 400,
      body: fault(400, 'Cannot create encryption specs. Volume type in use.'),
    });
    expect((await admin.get(`/types/${typeId}/encryption`)).body).toEqual({});
    expect((await demo.delete(`/volumes/${volumeId}`)).status).toBe(202);
    await demo.waitFor(`/volumes/${volumeId}`, ['deleted']);
    expect((await admin.post(`/types/${typeId}/encryption`, { encryption: LUKS })).status).toBe(200);
    // Deleting the type takes its encryption with it.
    expect((await admin.delete(`/types/${typeId}`)).status).toBe(202);
    types.splice(types.indexOf(typeId), 1);
  });
});

// The rig has no key manager (Barbican), so it refuses volumes of an encrypted type ("Key manager
// error") and a type can never hold both an encryption and a volume there. The emulated cloud has
// one; these run against the emulator only, with Cinder's texts from volume_type_encryption.py.
const onEmulator = process.env.CONTRACT_TARGET !== 'real';
describe('Cinder volume type encryption with a key manager', () => {
  it.runIf(onEmulator)('creates volumes of an encrypted type encrypted, and freezes the encryption', async () => {
    const typeId = await createType();
    expect((await admin.post(`/types/${typeId}/encryption`, { encryption: LUKS })).status).toBe(200);
    const volumeId = await demo.volume(1, { volume_type: typeId });
    expect((await demo.get(`/volumes/${volumeId}`)).body.volume.encrypted).toBe(true);

    const update = await admin.put(`/types/${typeId}/encryption/x`, { encryption: { key_size: 128 } });
    expect(update).toMatchObject({
      status: 400,
      body: fault(400, 'Cannot update encryption specs. Volume type in use.'),
    });
    const remove = await admin.delete(`/types/${typeId}/encryption/x`);
    expect(remove).toMatchObject({
      status: 400,
      body: fault(400, 'Cannot delete encryption specs. Volume type in use.'),
    });
    expect((await admin.get(`/types/${typeId}/encryption`)).body).toMatchObject({ key_size: 256 });
  });
});
