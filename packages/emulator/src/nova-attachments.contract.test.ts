import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { login, type Login } from './contract/client.js';
import { nova } from './contract/nova-helpers.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { createVolume, VolumeJanitor } from './contract/volumes-helpers.js';
import { POLL_MS, waitForStatus } from './contract/wait.js';
import { call, expectFault, type Json, uniqueName } from './contract/http.js';

let target: ContractTarget;
let demo: Login;
let alt: Login;
let admin: Login;
let janitor: VolumeJanitor;
let serverId: string;
beforeAll(async () => {
  target = await contractTarget();
  [demo, alt, admin] = await Promise.all([login(target, 'demo'), login(target, 'alt_demo'), login(target, 'admin')]);
  janitor = new VolumeJanitor(() => admin);
  // a server of demo's with nothing attached (the rig seeds osdev-web and osdev-db, the emulator app-1)
  const listed = await nova('GET', demo, '/servers/detail');
  const free = listed.body.servers.find((s: Json) => s['os-extended-volumes:volumes_attached'].length === 0);
  if (!free) throw new Error('demo has no server without attachments');
  serverId = free.id;
});
afterEach(() => janitor.sweep());
afterAll(() => target?.close());

const volumeUrl = (id: string) => `${demo.volumeUrl}/volumes/${id}`;
const attachmentsPath = () => `/servers/${serverId}/os-volume_attachments`;

describe('Nova os-volume_attachments drives Cinder attachments', () => {
  it('attach answers at once, the volume goes in-use with the attachment, detach makes it available again', async () => {
    const volume = await createVolume(demo, janitor, { size: 1, name: uniqueName('nova-attach') });
    const attached = await nova('POST', demo, attachmentsPath(), { volumeAttachment: { volumeId: volume.id } });
    expect(attached.status, attached.text).toBe(200);
    expect(Object.keys(attached.body.volumeAttachment).sort()).toEqual(['device', 'id', 'serverId', 'volumeId']);
    expect(attached.body.volumeAttachment).toMatchObject({ id: volume.id, serverId, volumeId: volume.id });
    const device = attached.body.volumeAttachment.device;
    expect(device).toMatch(/^\/dev\/[a-z]+$/);

    const inUse = (await waitForStatus(volumeUrl(volume.id), demo.token, ['in-use', 'error', 'available'])) as Json;
    expect(inUse.status).toBe('in-use');
    expect(inUse.attachments).toHaveLength(1);
    expect(inUse.attachments[0]).toMatchObject({ server_id: serverId, device, volume_id: volume.id });

    // 2.89 names Cinder's attachment and drops `id`
    const listed = await nova('GET', demo, attachmentsPath(), undefined, '2.89');
    const row = listed.body.volumeAttachments.find((a: Json) => a.volumeId === volume.id);
    expect(Object.keys(row).sort()).toEqual(
      ['attachment_id', 'bdm_uuid', 'delete_on_termination', 'device', 'serverId', 'tag', 'volumeId'].sort(),
    );
    expect(row.attachment_id).toBe(inUse.attachments[0].attachment_id);
    const shown = await nova('GET', demo, `${attachmentsPath()}/${volume.id}`);
    expect(shown.body.volumeAttachment).toEqual({ id: volume.id, volumeId: volume.id, serverId, device });
    const server = await nova('GET', demo, `/servers/${serverId}`, undefined, '2.79');
    expect(server.body.server['os-extended-volumes:volumes_attached']).toContainEqual({
      id: volume.id,
      delete_on_termination: false,
    });

    const again = await nova('POST', demo, attachmentsPath(), { volumeAttachment: { volumeId: volume.id } });
    expectFault(again, 400, `Invalid volume: volume ${volume.id} is already attached to instances: ${serverId}`);

    const detached = await nova('DELETE', demo, `${attachmentsPath()}/${volume.id}`);
    expect(detached.status).toBe(202);
    expect(detached.text).toBe('');
    const available = (await waitForStatus(volumeUrl(volume.id), demo.token, ['available', 'error', 'in-use'], {
      timeoutMs: 60_000,
    })) as Json;
    expect(available).toMatchObject({ status: 'available', attachments: [] });
    // Nova drops its block device mapping after Cinder's detach completes: on a busy rig the volume
    // was available a moment before the server's list stopped naming it (CI, 2026-12-06).
    const attachedIds = async () =>
      (await nova('GET', demo, attachmentsPath())).body.volumeAttachments.map((a: Json) => a.volumeId);
    await expect.poll(attachedIds, { timeout: 60_000, interval: POLL_MS }).not.toContain(volume.id);
  });

  it("refuses a body without volumeId, an unknown volume, another project's volume and a detach of what is not attached", async () => {
    expectFault(
      await nova('POST', demo, attachmentsPath(), { volumeAttachment: {} }),
      400,
      "Invalid input for field/attribute volumeAttachment. Value: {}. 'volumeId' is a required property",
    );
    expectFault(
      await nova('POST', demo, attachmentsPath(), { volumeAttachment: { volumeId: serverId, device: 'xyz' } }),
      400,
      "Invalid input for field/attribute device. Value: xyz. 'xyz' does not match '(^/dev/x{0,1}[a-z]{0,1}d{0,1})([a-z]+)[0-9]*$'",
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    expectFault(
      await nova('POST', demo, attachmentsPath(), { volumeAttachment: { volumeId: missing } }),
      404,
      `Volume ${missing} could not be found.`,
    );
    const altVolume = await createVolume(alt, janitor, { size: 1, name: uniqueName('nova-alt') });
    expectFault(
      await nova('POST', demo, attachmentsPath(), { volumeAttachment: { volumeId: altVolume.id } }),
      404,
      `Volume ${altVolume.id} could not be found.`,
    );
    expect((await call('GET', `${alt.volumeUrl}/volumes/${altVolume.id}`, alt.token)).body.volume.status).toBe(
      'available',
    );
    const volume = await createVolume(demo, janitor, { size: 1, name: uniqueName('nova-free') });
    expectFault(
      await nova('GET', demo, `${attachmentsPath()}/${volume.id}`),
      404,
      `Instance ${serverId} is not attached to volume ${volume.id}`,
    );
    expectFault(
      await nova('DELETE', demo, `${attachmentsPath()}/${volume.id}`),
      404,
      `Instance ${serverId} is not attached to volume ${volume.id}`,
    );
  });

  it('another project sees neither the server nor its attachments', async () => {
    expectFault(await nova('GET', alt, `/servers/${serverId}`), 404, `Instance ${serverId} could not be found.`);
    expectFault(await nova('GET', alt, attachmentsPath()), 404, `Instance ${serverId} could not be found.`);
    const listed = await nova('GET', alt, '/servers');
    expect(listed.body.servers.map((s: Json) => s.id)).not.toContain(serverId);
  });
});
