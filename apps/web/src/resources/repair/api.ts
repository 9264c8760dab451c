import type { ActionRule } from '@cinder-console/cinder';
import { apiVoid } from '../../lib/api-client';

/** The kinds an administrator can repair, by their Cinder collection. */
export type RepairKind = 'volumes' | 'snapshots' | 'backups';

/** What `os-reset_status` may set on a volume (at least one). */
export interface VolumeStatusReset {
  status?: string;
  attach_status?: 'attached' | 'detached';
  migration_status?: string;
}

/**
 * Reset status has no status condition and is admin-only for every kind (Zed policy); the
 * lifecycle table has no rule for it because it is not a lifecycle step, only a database write.
 */
export const RESET_STATUS: ActionRule = {
  from: [],
  adminOnly: true,
  transitional: 'previous',
  end: 'previous',
  failure: 'previous',
};

/** Backups have no force-delete entry in the lifecycle table; the policy is the same as for volumes. */
export const BACKUP_FORCE_DELETE: ActionRule = {
  from: [],
  adminOnly: true,
  transitional: 'deleting',
  end: 'deleted',
  failure: 'error_deleting',
};

/**
 * Statuses Cinder refuses as a reset target: `deleting` (`Cannot reset-state to deleting`) and
 * those outside its `VolumeStatus` enum (Huawei's and the transient revert status).
 */
export const VOLUME_RESET_REFUSED = ['deleting', 'reverting', 'unmanaging', 'rollbacking', 'error_rollbacking'];
/** A backup may only be reset to these (`backup/api.py: reset_status`). */
export const BACKUP_RESET_STATUSES = ['available', 'error'] as const;
/** `fields.VolumeMigrationStatus`, plus `none` to clear it. */
export const MIGRATION_STATUSES = ['none', 'migrating', 'error', 'success', 'completing', 'starting'] as const;

/** What a reset status can target: groups (3.20) and group snapshots (3.19) as well, with a body of their own. */
export type ResetKind = 'snapshots' | 'backups' | 'groups' | 'group_snapshots';

const action = (kind: RepairKind | ResetKind, id: string, body: Record<string, unknown>) =>
  apiVoid(`/api/cinder/${kind}/${encodeURIComponent(id)}/action`, { method: 'POST', body });

/** The admin actions that repair what Cinder's own flows left inconsistent. */
export const repairCalls = {
  resetVolume: (id: string, reset: VolumeStatusReset) => action('volumes', id, { 'os-reset_status': reset }),
  resetStatus: (kind: ResetKind, id: string, status: string) =>
    action(kind, id, kind.startsWith('group') ? { reset_status: { status } } : { 'os-reset_status': { status } }),
  forceDelete: (kind: RepairKind, id: string) => action(kind, id, { 'os-force_delete': {} }),
};

/**
 * The reset to propose for a volume stuck attaching or detaching: the status and attach status
 * that match its attachments, so Cinder's records agree with each other again.
 */
export function proposedVolumeReset(volume: {
  status: string;
  attachments?: unknown[] | undefined;
}): Required<Pick<VolumeStatusReset, 'status' | 'attach_status'>> | undefined {
  if (!['attaching', 'detaching', 'reserved'].includes(volume.status)) return undefined;
  const attached = (volume.attachments?.length ?? 0) > 0;
  return attached
    ? { status: 'in-use', attach_status: 'attached' }
    : { status: 'available', attach_status: 'detached' };
}
