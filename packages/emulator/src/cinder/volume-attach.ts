import { randomUUID } from 'node:crypto';
import { VOLUME_LIFECYCLE } from '@cinder-console/cinder';
import { badRequest } from './errors.js';
import type { VolumeRecord } from './records.js';
import type { CinderService } from './service.js';
import type { OperationNotifier } from '../notify/notifier.js';

/** The legacy attach API the standard clients still use (synchronous in Cinder's API). */
export const ATTACH_ACTIONS = [
  'os-attach',
  'os-detach',
  'os-reserve',
  'os-unreserve',
  'os-begin_detaching',
  'os-roll_detaching',
];

export function attachAction(
  service: CinderService,
  volume: VolumeRecord,
  name: string,
  args: Record<string, unknown>,
  notify: OperationNotifier,
): void {
  const { state } = service;
  switch (name) {
    case 'os-attach': {
      if (volume.status === 'maintenance')
        throw badRequest('Invalid volume: The volume cannot be attached in maintenance mode.');
      if (!args.instance_uuid && !args.host_name) {
        throw badRequest(
          `Invalid input for field/attribute os-attach. Value: ${JSON.stringify(args)}. is not valid under any of the given schemas`,
        );
      }
      const mode = String(args.mode ?? 'rw');
      if (volume.readonly && mode !== 'ro')
        throw badRequest(`Invalid attaching mode '${mode}' for volume ${volume.id}.`);
      if (volume.attachments.length > 0 && !volume.multiattach) {
        throw badRequest('Invalid volume: volume is already attached and multiple attachments are not enabled');
      }
      volume.attachments.push({
        attachmentId: randomUUID(),
        serverId: (args.instance_uuid as string | undefined) ?? null,
        hostName: (args.host_name as string | undefined) ?? null,
        device: (args.mountpoint as string | undefined) ?? null,
        attachedAt: new Date(),
      });
      volume.attachStatus = 'attached';
      // cinder-volume's attach_volume sends both, around the driver's work.
      notify.volume(volume, 'attach.start', 'volume');
      state.setStatus(volume, 'in-use');
      notify.volume(volume, 'attach.end', 'volume');
      return;
    }
    case 'os-detach': {
      if (volume.status === 'maintenance')
        throw badRequest('Invalid volume: The volume cannot be detached in maintenance mode.');
      notify.volume(volume, 'detach.start', 'volume');
      const id = args.attachment_id as string | undefined;
      volume.attachments = id ? volume.attachments.filter((a) => a.attachmentId !== id) : volume.attachments.slice(1);
      if (volume.attachments.length === 0) {
        volume.attachStatus = 'detached';
        state.setStatus(volume, 'available');
      } else {
        state.setStatus(volume, 'in-use');
      }
      notify.volume(volume, 'detach.end', 'volume');
      return;
    }
    case 'os-reserve':
      if (volume.status !== 'available' && !(volume.multiattach && volume.status === 'in-use')) {
        throw badRequest(
          `Invalid volume: Volume status must be available to reserve, but the status is ${volume.status}.`,
        );
      }
      state.setStatus(volume, VOLUME_LIFECYCLE.attach.transitional);
      return;
    case 'os-unreserve':
      if (volume.status === VOLUME_LIFECYCLE.attach.transitional)
        state.setStatus(volume, volume.attachments.length > 0 ? 'in-use' : 'available');
      return;
    case 'os-begin_detaching':
      if (volume.status !== 'in-use' || volume.attachStatus !== 'attached') {
        throw badRequest(
          "Invalid volume: Unable to detach volume. Volume status must be 'in-use' and attach_status must be 'attached' to detach.",
        );
      }
      state.setStatus(volume, VOLUME_LIFECYCLE.detach.transitional);
      return;
    default:
      if (volume.status === VOLUME_LIFECYCLE.detach.transitional)
        state.setStatus(volume, VOLUME_LIFECYCLE.detach.failure);
  }
}
