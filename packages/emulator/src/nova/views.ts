import type { BlockDeviceMapping, ServerRecord } from './state.js';

type Locals = Record<string, unknown>;
const atLeast = (locals: Locals, minor: number) => {
  const [major, min] = locals.computeVersion as [number, number];
  return major > 2 || (major === 2 && min >= minor);
};
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `self` with the version, `bookmark` without it, as Nova's view builder makes them. */
function serverLinks(computeUrl: string, id: string) {
  const root = computeUrl.replace(/\/v2\.1$/, '');
  return [
    { rel: 'self', href: `${computeUrl}/servers/${id}` },
    { rel: 'bookmark', href: `${root}/servers/${id}` },
  ];
}

/** One row of `GET /servers`. */
export function serverSummary(computeUrl: string, server: ServerRecord) {
  return { id: server.id, name: server.name, links: serverLinks(computeUrl, server.id) };
}

/** `GET /servers/{id}` and `/servers/detail`: the fields Zed returns, per microversion. */
export function serverDetail(computeUrl: string, locals: Locals, server: ServerRecord, bdms: BlockDeviceMapping[]) {
  const root = computeUrl.replace(/\/v2\.1$/, '');
  const { flavor } = server;
  const body: Record<string, unknown> = {
    id: server.id,
    name: server.name,
    status: server.status,
    tenant_id: server.projectId,
    user_id: server.userId,
    metadata: {},
    hostId: '',
    image: server.imageId
      ? { id: server.imageId, links: [{ rel: 'bookmark', href: `${root}/images/${server.imageId}` }] }
      : '',
    // 2.47 embeds the flavor; before it, a link to it
    flavor: atLeast(locals, 47)
      ? {
          vcpus: flavor.vcpus,
          ram: flavor.ram,
          disk: flavor.disk,
          ephemeral: 0,
          swap: 0,
          original_name: flavor.name,
          extra_specs: {},
        }
      : { id: flavor.name, links: [{ rel: 'bookmark', href: `${root}/flavors/${flavor.name}` }] },
    created: iso(server.createdAt),
    updated: iso(server.updatedAt),
    addresses: {},
    accessIPv4: '',
    accessIPv6: '',
    links: serverLinks(computeUrl, server.id),
    'OS-DCF:diskConfig': 'MANUAL',
    progress: 0,
    'OS-EXT-AZ:availability_zone': server.availabilityZone,
    config_drive: '',
    key_name: null,
    'OS-SRV-USG:launched_at': server.createdAt.toISOString().replace('Z', '000'),
    'OS-SRV-USG:terminated_at': null,
    'OS-EXT-STS:task_state': null,
    'OS-EXT-STS:vm_state': server.status === 'SHUTOFF' ? 'stopped' : server.status.toLowerCase(),
    'OS-EXT-STS:power_state': server.status === 'ACTIVE' ? 1 : 4,
    'os-extended-volumes:volumes_attached': bdms.map((b) =>
      atLeast(locals, 3) ? { id: b.volumeId, delete_on_termination: b.deleteOnTermination } : { id: b.volumeId },
    ),
  };
  if (atLeast(locals, 9)) body.locked = false;
  if (atLeast(locals, 19)) body.description = null;
  if (atLeast(locals, 26)) body.tags = [];
  if (atLeast(locals, 63)) body.trusted_image_certificates = null;
  if (atLeast(locals, 73)) body.locked_reason = null;
  return body;
}

/** A row of `os-volume_attachments` (`_translate_attachment_detail_view`). */
export function attachmentView(locals: Locals, serverId: string, bdm: BlockDeviceMapping) {
  const modern = atLeast(locals, 89);
  const view: Record<string, unknown> = {};
  if (!modern) view.id = bdm.volumeId;
  view.volumeId = bdm.volumeId;
  view.serverId = serverId;
  if (bdm.device) view.device = bdm.device;
  if (atLeast(locals, 70)) view.tag = bdm.tag;
  if (atLeast(locals, 79)) view.delete_on_termination = bdm.deleteOnTermination;
  if (modern) {
    view.attachment_id = bdm.attachmentId;
    view.bdm_uuid = bdm.bdmUuid;
  }
  return view;
}

/** What `POST os-volume_attachments` answers: always `id`, tag from 2.70, the flag from 2.79. */
export function createdAttachmentView(locals: Locals, serverId: string, bdm: BlockDeviceMapping) {
  const view: Record<string, unknown> = { id: bdm.volumeId, serverId, volumeId: bdm.volumeId, device: bdm.device };
  if (atLeast(locals, 70)) view.tag = bdm.tag;
  if (atLeast(locals, 79)) view.delete_on_termination = bdm.deleteOnTermination;
  return view;
}
