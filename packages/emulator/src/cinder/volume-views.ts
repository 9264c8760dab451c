import type { Response } from 'express';
import { cinderTime } from '../http/time.js';
import type { VolumeRecord } from './records.js';
import { callerOf, versionAtLeast } from './request.js';
import { itemLinks, type CinderService } from './service.js';

/** The view shows `managing` as `creating` and the like (api/v2/views/volumes.py `_get_volume_status`). */
const SHOWN_STATUS: Record<string, string> = {
  managing: 'creating',
  error_managing: 'error',
  error_managing_deleting: 'deleting',
};

/** `GET /volumes`: id, name and links only. */
export function volumeSummary(service: CinderService, volume: VolumeRecord) {
  return { id: volume.id, name: volume.name, links: itemLinks(service, volume.projectId, 'volumes', volume.id) };
}

/** Admin metadata `readonly`/`attached_mode` is merged into `metadata` in responses. */
function visibleMetadata(volume: VolumeRecord): Record<string, string> {
  const metadata = { ...volume.metadata };
  if (volume.readonly !== null) metadata.readonly = volume.readonly ? 'True' : 'False';
  if (volume.attachments.length > 0) {
    metadata.readonly ??= 'False';
    metadata.attached_mode = volume.readonly ? 'ro' : 'rw';
  }
  return metadata;
}

/**
 * The detail view, fields gated by microversion and role. Extension attributes (tenant, host,
 * migration) appear only on show and detail lists, never on create or update responses.
 */
export function volumeDetail(
  service: CinderService,
  res: Response,
  volume: VolumeRecord,
  options: { extended: boolean },
) {
  const isAdmin = callerOf(res).isAdmin;
  const type = service.state.volumeTypes.get(volume.volumeTypeId);
  const detail: Record<string, unknown> = {
    id: volume.id,
    status: SHOWN_STATUS[volume.status] ?? volume.status,
    size: volume.size,
    availability_zone: volume.availabilityZone,
    created_at: cinderTime(volume.createdAt),
    updated_at: volume.updatedAt ? cinderTime(volume.updatedAt) : null,
    name: volume.name,
    description: volume.description,
    volume_type: type?.name ?? null,
    snapshot_id: volume.snapshotId,
    source_volid: volume.sourceVolid,
    metadata: visibleMetadata(volume),
    links: itemLinks(service, volume.projectId, 'volumes', volume.id),
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
  if (isAdmin) detail.migration_status = volume.migrationStatus;
  if (versionAtLeast(res, 13)) detail.group_id = volume.groupId ?? null;
  if (versionAtLeast(res, 21) && isAdmin) detail.provider_id = null;
  if (versionAtLeast(res, 48)) {
    detail.shared_targets = false;
    detail.service_uuid = volume.host ? service.state.serviceUuid : null;
  }
  if (versionAtLeast(res, 61) && isAdmin) detail.cluster_name = null;
  if (versionAtLeast(res, 63)) detail.volume_type_id = volume.volumeTypeId;
  if (versionAtLeast(res, 65)) detail.consumes_quota = true;
  if (options.extended) {
    if (isAdmin) {
      detail['os-vol-host-attr:host'] = volume.host;
      detail['os-vol-mig-status-attr:migstat'] = volume.migrationStatus;
      detail['os-vol-mig-status-attr:name_id'] = null;
    }
    detail['os-vol-tenant-attr:tenant_id'] = volume.projectId;
    if (volume.imageMetadata) detail.volume_image_metadata = volume.imageMetadata;
  }
  return detail;
}
