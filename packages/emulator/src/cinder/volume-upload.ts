import type { Response } from 'express';
import { VOLUME_LIFECYCLE } from '@cinder-console/cinder';
import { allows, transitionOf } from './gates.js';
import { cinderTime } from '../http/time.js';
import { badRequest, forbidden } from './errors.js';
import type { VolumeRecord } from './records.js';
import { callerOf, versionAtLeast } from './request.js';
import type { CinderService } from './service.js';
import { completeLater } from './transitions.js';
import { checkBoolean } from './validation.js';

const GiB = 1024 ** 3;

/**
 * `os-volume_upload_image`: the volume goes `uploading`, a Glance image appears `queued`, then
 * `saving`, then `active`, and the volume returns to its previous status. `force` is accepted but,
 * as with Cinder's default `enable_force_upload = False`, an in-use volume is still refused.
 */
export function uploadToImage(
  service: CinderService,
  res: Response,
  volume: VolumeRecord,
  args: Record<string, unknown>,
) {
  const { state, ctx } = service;
  if (args.force !== undefined) checkBoolean('force', args.force);
  if (!allows(VOLUME_LIFECYCLE.uploadImage, volume.status))
    throw badRequest(`Invalid volume: Volume ${volume.id} status must be available`);
  const imageName = String(args.image_name ?? '');
  if (!imageName)
    throw badRequest("Invalid input for field/attribute image_name. Value: None. None is not of type 'string'");
  const visibility = versionAtLeast(res, 1) ? String(args.visibility ?? 'private') : 'private';
  const isProtected =
    versionAtLeast(res, 1) && args.protected !== undefined ? checkBoolean('protected', args.protected) : false;
  if (visibility === 'public' && !callerOf(res).isAdmin)
    throw forbidden('volume_extension:volume_actions:upload_public');
  const type = state.volumeTypes.get(volume.volumeTypeId);
  const image = ctx.glance.add({
    name: imageName,
    status: 'queued',
    visibility: visibility as 'private',
    protected: isProtected,
    owner: volume.projectId,
    diskFormat: String(args.disk_format ?? 'raw'),
    containerFormat: String(args.container_format ?? 'bare'),
    minDisk: volume.size,
  });
  const steps = transitionOf(VOLUME_LIFECYCLE.uploadImage, volume.status);
  state.setStatus(volume, steps.during);
  ctx.scheduler.after(ctx.durations.upload / 3, () => {
    if (image.status === 'queued') image.status = 'saving';
    image.updatedAt = new Date();
  });
  completeLater(service, {
    operation: 'volume.upload',
    durationMs: ctx.durations.upload,
    projectId: volume.projectId,
    requestId: String(res.locals.requestId),
    succeed: () => {
      image.status = 'active';
      image.size = volume.size * GiB;
      image.checksum = image.id.replaceAll('-', '');
      image.updatedAt = new Date();
      state.setStatus(volume, steps.end);
    },
    fail: () => {
      image.status = 'killed';
      image.updatedAt = new Date();
      state.setStatus(volume, steps.failure);
    },
    failure: {
      resourceType: 'VOLUME',
      resourceUuid: volume.id,
      eventId: 'VOLUME_VOLUME_003_004',
      userMessage: 'copy volume to image:Failed to upload volume to image at image service.',
    },
  });
  const body: Record<string, unknown> = {
    id: volume.id,
    updated_at: cinderTime(volume.updatedAt ?? new Date()),
    status: 'uploading',
    display_description: volume.description,
    size: volume.size,
    volume_type: type ? { id: type.id, name: type.name, is_public: type.isPublic, extra_specs: type.extraSpecs } : null,
    image_id: image.id,
    container_format: image.containerFormat,
    disk_format: image.diskFormat,
    image_name: imageName,
  };
  if (versionAtLeast(res, 1)) {
    body.visibility = visibility;
    body.protected = isProtected;
  }
  return body;
}
