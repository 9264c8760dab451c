import type { Response } from 'express';
import { VOLUME_STATUSES } from '@cinder-console/cinder';
import { badRequest } from './errors.js';
import type { VolumeRecord } from './records.js';
import { requireAdmin } from './request.js';
import type { CinderService } from './service.js';
import { unmanageVolume } from './manageable.js';
import { migrateVolume } from './volume-migrate.js';
import { deleteVolume } from './volumes.js';

export const ADMIN_ACTIONS = [
  'os-reset_status',
  'os-force_delete',
  'os-force_detach',
  'os-migrate_volume',
  'os-unmanage',
];

/** The enum Cinder validates reset targets against (objects/fields.py VolumeStatus). */
const RESETTABLE = VOLUME_STATUSES.filter(
  (s) => !['reverting', 'unmanaging', 'rollbacking', 'error_rollbacking'].includes(s),
);
const ATTACH_STATUSES = ['attached', 'detached'];
const MIGRATION_STATUSES = ['migrating', 'error', 'success', 'completing', 'none', 'starting'];

function pyTuple(values: readonly string[]): string {
  return `(${values.map((v) => `'${v}'`).join(', ')})`;
}

/** `os-reset_status`: a synchronous write of whatever an admin says, within Cinder's enums. */
function resetStatus(volume: VolumeRecord, args: Record<string, unknown>): void {
  const {
    status,
    attach_status: attachStatus,
    migration_status: migrationStatus,
  } = args as Record<string, string | undefined>;
  if (status === undefined && attachStatus === undefined && migrationStatus === undefined) {
    throw badRequest("Must specify 'status', 'attach_status' or 'migration_status' for update.");
  }
  if (status !== undefined) {
    // Cinder's tuple ('deleting', 'error_deleting' 'detaching') lacks a comma, so only `deleting` is refused.
    if (status === 'deleting') throw badRequest('Cannot reset-state to deleting');
    if (!RESETTABLE.includes(status as never)) {
      throw badRequest(`Volume status: ${status} is invalid, valid statuses are: ${pyTuple(RESETTABLE)}.`);
    }
    if (status === 'in-use' && volume.attachments.length === 0) {
      throw badRequest('Cannot reset-state to in-use because volume does not have any attachments.');
    }
  }
  if (attachStatus !== undefined && !ATTACH_STATUSES.includes(attachStatus)) {
    throw badRequest(
      `Volume attach status: ${attachStatus} is invalid, valid statuses are: ${pyTuple(ATTACH_STATUSES)}.`,
    );
  }
  if (migrationStatus !== undefined && !MIGRATION_STATUSES.includes(migrationStatus)) {
    throw badRequest(
      `Volume migration status: ${migrationStatus} is invalid, valid statuses are: ${pyTuple(MIGRATION_STATUSES)}.`,
    );
  }
  if (status !== undefined) volume.status = status;
  if (attachStatus !== undefined) {
    volume.attachStatus = attachStatus as VolumeRecord['attachStatus'];
    if (attachStatus === 'detached') volume.attachments = [];
  }
  if (migrationStatus !== undefined) volume.migrationStatus = migrationStatus === 'none' ? null : migrationStatus;
  volume.updatedAt = new Date();
}

export function adminAction(
  service: CinderService,
  res: Response,
  volume: VolumeRecord,
  name: string,
  args: Record<string, unknown>,
): void {
  const rule =
    name === 'os-unmanage'
      ? 'volume_extension:volume_unmanage'
      : `volume_extension:volume_admin_actions:${name.replace('os-', '')}`;
  requireAdmin(res, rule);
  if (name === 'os-reset_status') resetStatus(volume, args);
  else if (name === 'os-migrate_volume') migrateVolume(service, res, volume, args);
  else if (name === 'os-unmanage') unmanageVolume(service, res, volume);
  else if (name === 'os-force_delete') deleteVolume(service, res, volume, { cascade: false, force: true });
  else {
    volume.attachments = volume.attachments.filter((a) => a.attachmentId !== args.attachment_id);
    if (volume.attachments.length === 0) {
      volume.attachStatus = 'detached';
      service.state.setStatus(volume, 'available');
    }
  }
}
