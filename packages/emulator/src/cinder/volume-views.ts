import type { EmulatorContext } from '../context.js';
import { cinderTime } from '../http/time.js';
import { atLeast, type Microversion } from './microversion.js';
import type { VolumeRecord } from './state.js';

export interface ViewContext {
  ctx: EmulatorContext;
  version: Microversion;
  isAdmin: boolean;
  /** Whether the request URL carried the project id (it shapes the links). */
  urlProjectId: string | undefined;
}

function links(view: ViewContext, volume: VolumeRecord) {
  const base = view.ctx.publicUrl + '/volume';
  return [
    { rel: 'self', href: `${base}/v3/${volume.projectId}/volumes/${volume.id}` },
    { rel: 'bookmark', href: `${base}/${volume.projectId}/volumes/${volume.id}` },
  ];
}

/** `GET /volumes`: id, name and links only. */
export function volumeSummary(view: ViewContext, volume: VolumeRecord) {
  return { id: volume.id, name: volume.name, links: links(view, volume) };
}

/** The detail view (api/v2/views/volumes.py + api/v3/views/volumes.py), fields gated by microversion and role. */
export function volumeDetail(view: ViewContext, volume: VolumeRecord, options: { extended: boolean }) {
  const { version, isAdmin } = view;
  const type = view.ctx.cinder.volumeTypes.get(volume.volumeTypeId);
  const detail: Record<string, unknown> = {
    id: volume.id,
    status: volume.status,
    size: volume.size,
    availability_zone: volume.availabilityZone,
    created_at: cinderTime(volume.createdAt),
    updated_at: volume.updatedAt ? cinderTime(volume.updatedAt) : null,
    name: volume.name,
    description: volume.description,
    volume_type: type?.name ?? null,
    snapshot_id: volume.snapshotId,
    source_volid: volume.sourceVolid,
    metadata: volume.metadata,
    links: links(view, volume),
    user_id: volume.userId,
    bootable: String(volume.bootable),
    encrypted: volume.encrypted,
    replication_status: null,
    consistencygroup_id: null,
    multiattach: volume.multiattach,
    attachments: volume.attachments.map((a) => ({
      id: volume.id,
      attachment_id: a.attachmentId,
      volume_id: volume.id,
      server_id: a.serverId,
      host_name: isAdmin ? a.hostName : null,
      device: a.device,
      attached_at: cinderTime(a.attachedAt),
    })),
  };
  if (isAdmin) detail.migration_status = null;
  if (atLeast(version, 13)) detail.group_id = null;
  if (atLeast(version, 21) && isAdmin) detail.provider_id = null;
  if (atLeast(version, 48)) {
    detail.shared_targets = false;
    detail.service_uuid = volume.host ? '2f4f5b38-6f0e-4f2a-9f3c-1c3b2a7c9e11' : null;
  }
  if (atLeast(version, 61) && isAdmin) detail.cluster_name = null;
  if (atLeast(version, 63)) detail.volume_type_id = volume.volumeTypeId;
  if (atLeast(version, 65)) detail.consumes_quota = true;
  // Extension attributes appear on show and detail-list only, never on create or update responses.
  if (options.extended) {
    if (isAdmin) {
      detail['os-vol-host-attr:host'] = volume.host;
      detail['os-vol-mig-status-attr:migstat'] = null;
      detail['os-vol-mig-status-attr:name_id'] = null;
    }
    detail['os-vol-tenant-attr:tenant_id'] = volume.projectId;
  }
  return detail;
}
