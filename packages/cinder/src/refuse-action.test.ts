import { describe, expect, it } from 'vitest';
import {
  BACKUP_LIFECYCLE,
  refuseAction,
  SNAPSHOT_LIFECYCLE,
  VOLUME_LIFECYCLE,
  type ActionRule,
  type Refusal,
} from './lifecycle.js';

// lifecycle.test.ts covers extend, revert, snapshot and backup of a volume at their version
// boundaries for a member; these rows cover the rest of the tables, and who may do what.

type Caller = Omit<Parameters<typeof refuseAction>[1], 'status'>;

/** Keystone's effective roles: member implies reader, admin implies both. */
const member: Caller = { minor: 70, isAdmin: false, roles: ['member', 'reader'] };
const admin: Caller = { minor: 70, isAdmin: true, roles: ['admin', 'member', 'reader'] };
const reader: Caller = { minor: 70, isAdmin: false, roles: ['reader'] };

const VOLUME_DELETABLE = ['available', 'error', 'error_restoring', 'error_extending', 'error_managing'];

interface Row {
  name: string;
  rule: ActionRule;
  caller: Caller;
  status: string;
  force?: boolean;
  refusal: Refusal | undefined;
}

const rows: Row[] = [
  // Volumes: status conditions.
  {
    name: 'a member cannot delete an attached volume',
    rule: VOLUME_LIFECYCLE.delete,
    caller: member,
    status: 'in-use',
    refusal: { reason: 'status', status: 'in-use', allowed: VOLUME_DELETABLE },
  },
  {
    name: 'force does not help where the action has no forced statuses (delete of an attached volume)',
    rule: VOLUME_LIFECYCLE.delete,
    caller: member,
    status: 'in-use',
    force: true,
    refusal: { reason: 'status', status: 'in-use', allowed: VOLUME_DELETABLE },
  },
  {
    name: 'a member can delete a volume whose restore failed',
    rule: VOLUME_LIFECYCLE.delete,
    caller: member,
    status: 'error_restoring',
    refusal: undefined,
  },
  {
    name: 'a member can retype an attached volume',
    rule: VOLUME_LIFECYCLE.retype,
    caller: member,
    status: 'in-use',
    refusal: undefined,
  },
  {
    name: 'a member cannot retype a volume in error',
    rule: VOLUME_LIFECYCLE.retype,
    caller: member,
    status: 'error',
    refusal: { reason: 'status', status: 'error', allowed: ['available', 'in-use'] },
  },
  {
    name: 'a member can attach an available volume',
    rule: VOLUME_LIFECYCLE.attach,
    caller: member,
    status: 'available',
    refusal: undefined,
  },
  {
    name: 'a member cannot detach a volume that is not attached',
    rule: VOLUME_LIFECYCLE.detach,
    caller: member,
    status: 'available',
    refusal: { reason: 'status', status: 'available', allowed: ['in-use'] },
  },
  {
    name: 'a member can detach an attached volume',
    rule: VOLUME_LIFECYCLE.detach,
    caller: member,
    status: 'in-use',
    refusal: undefined,
  },
  {
    name: 'a member cannot transfer an attached volume',
    rule: VOLUME_LIFECYCLE.transfer,
    caller: member,
    status: 'in-use',
    refusal: { reason: 'status', status: 'in-use', allowed: ['available'] },
  },
  {
    name: 'a member cannot restore a backup onto an attached volume',
    rule: VOLUME_LIFECYCLE.restoreBackup,
    caller: member,
    status: 'in-use',
    refusal: { reason: 'status', status: 'in-use', allowed: ['available'] },
  },
  {
    name: 'a member can retry a snapshot rollback that failed',
    rule: VOLUME_LIFECYCLE.rollback,
    caller: member,
    status: 'error_rollbacking',
    refusal: undefined,
  },

  // Volumes: microversions and force.
  {
    name: 'an admin can extend an attached volume at exactly 3.42',
    rule: VOLUME_LIFECYCLE.extend,
    caller: { ...admin, minor: 42 },
    status: 'in-use',
    refusal: undefined,
  },
  {
    name: 'admin rights do not lift a microversion condition (extend of an attached volume at 3.41)',
    rule: VOLUME_LIFECYCLE.extend,
    caller: { ...admin, minor: 41 },
    status: 'in-use',
    refusal: {
      reason: 'status',
      status: 'in-use',
      allowed: ['available', 'in-use'],
      needsVersion: { status: 'in-use', minor: 42 },
    },
  },
  {
    name: 'a v2 cloud cannot extend an attached volume',
    rule: VOLUME_LIFECYCLE.extend,
    caller: { ...member, minor: 0 },
    status: 'in-use',
    refusal: {
      reason: 'status',
      status: 'in-use',
      allowed: ['available', 'in-use'],
      needsVersion: { status: 'in-use', minor: 42 },
    },
  },
  {
    name: 'force snapshots an attached volume at every version, v2 included',
    rule: VOLUME_LIFECYCLE.snapshot,
    caller: { ...member, minor: 0 },
    status: 'in-use',
    force: true,
    refusal: undefined,
  },
  {
    name: 'a v2 cloud snapshots an attached volume only with force',
    rule: VOLUME_LIFECYCLE.snapshot,
    caller: { ...member, minor: 0 },
    status: 'in-use',
    force: false,
    refusal: {
      reason: 'status',
      status: 'in-use',
      allowed: ['available', 'in-use'],
      needsVersion: { status: 'in-use', minor: 66 },
    },
  },
  {
    name: 'admin rights do not replace force (backup of an attached volume)',
    rule: VOLUME_LIFECYCLE.backup,
    caller: admin,
    status: 'in-use',
    refusal: { reason: 'status', status: 'in-use', allowed: ['available'] },
  },
  {
    name: 'force does not snapshot a volume in error',
    rule: VOLUME_LIFECYCLE.snapshot,
    caller: member,
    status: 'error',
    force: true,
    refusal: { reason: 'status', status: 'error', allowed: ['available', 'in-use'] },
  },
  {
    name: 'force does not back up a volume in error',
    rule: VOLUME_LIFECYCLE.backup,
    caller: member,
    status: 'error',
    force: true,
    refusal: { reason: 'status', status: 'error', allowed: ['available'] },
  },

  // Volumes: admin-only actions.
  {
    name: 'a member cannot migrate a volume',
    rule: VOLUME_LIFECYCLE.migrate,
    caller: member,
    status: 'available',
    refusal: { reason: 'admin' },
  },
  {
    name: 'an admin can migrate an attached volume',
    rule: VOLUME_LIFECYCLE.migrate,
    caller: admin,
    status: 'in-use',
    refusal: undefined,
  },
  {
    name: 'an admin cannot migrate a volume in error',
    rule: VOLUME_LIFECYCLE.migrate,
    caller: admin,
    status: 'error',
    refusal: { reason: 'status', status: 'error', allowed: ['available', 'in-use'] },
  },
  {
    name: 'a member learns unmanage is for admins before any status condition',
    rule: VOLUME_LIFECYCLE.unmanage,
    caller: member,
    status: 'in-use',
    refusal: { reason: 'admin' },
  },
  {
    name: 'an admin can unmanage a volume that failed to be managed',
    rule: VOLUME_LIFECYCLE.unmanage,
    caller: admin,
    status: 'error_managing',
    refusal: undefined,
  },
  {
    name: 'an admin cannot unmanage an attached volume',
    rule: VOLUME_LIFECYCLE.unmanage,
    caller: admin,
    status: 'in-use',
    refusal: { reason: 'status', status: 'in-use', allowed: VOLUME_DELETABLE },
  },
  {
    name: 'an admin cannot manage volumes below 3.8',
    rule: VOLUME_LIFECYCLE.manage,
    caller: { ...admin, minor: 7 },
    status: '',
    refusal: { reason: 'version', minor: 8 },
  },
  {
    name: 'an admin can manage volumes at exactly 3.8',
    rule: VOLUME_LIFECYCLE.manage,
    caller: { ...admin, minor: 8 },
    status: '',
    refusal: undefined,
  },
  {
    name: 'a member learns manage is for admins before any version condition',
    rule: VOLUME_LIFECYCLE.manage,
    caller: { ...member, minor: 7 },
    status: '',
    refusal: { reason: 'admin' },
  },

  // Readers.
  {
    name: 'a reader learns they cannot revert before any version condition',
    rule: VOLUME_LIFECYCLE.revert,
    caller: { ...reader, minor: 39 },
    status: 'error',
    refusal: { reason: 'role' },
  },
  {
    name: 'an admin passes the role rule whatever roles the session lists',
    rule: BACKUP_LIFECYCLE.delete,
    caller: { ...admin, roles: ['reader'] },
    status: 'available',
    refusal: undefined,
  },
  {
    name: 'a reader cannot delete a backup',
    rule: BACKUP_LIFECYCLE.delete,
    caller: reader,
    status: 'available',
    refusal: { reason: 'role' },
  },
  {
    name: 'a reader is told an admin-only action is for admins',
    rule: BACKUP_LIFECYCLE.exportRecord,
    caller: reader,
    status: 'available',
    refusal: { reason: 'admin' },
  },

  // Snapshots.
  {
    name: 'a member can delete a snapshot in error',
    rule: SNAPSHOT_LIFECYCLE.delete,
    caller: member,
    status: 'error',
    refusal: undefined,
  },
  {
    name: 'a member cannot delete a snapshot being created',
    rule: SNAPSHOT_LIFECYCLE.delete,
    caller: member,
    status: 'creating',
    refusal: { reason: 'status', status: 'creating', allowed: ['available', 'error'] },
  },
  {
    name: 'a member cannot revert to a snapshot below 3.40',
    rule: SNAPSHOT_LIFECYCLE.revertTo,
    caller: { ...member, minor: 39 },
    status: 'available',
    refusal: { reason: 'version', minor: 40 },
  },
  {
    name: 'a member can revert to an available snapshot at exactly 3.40',
    rule: SNAPSHOT_LIFECYCLE.revertTo,
    caller: { ...member, minor: 40 },
    status: 'available',
    refusal: undefined,
  },
  {
    name: 'a member cannot revert to a snapshot in error',
    rule: SNAPSHOT_LIFECYCLE.revertTo,
    caller: member,
    status: 'error',
    refusal: { reason: 'status', status: 'error', allowed: ['available'] },
  },
  {
    name: 'a member cannot back up a snapshot being created',
    rule: SNAPSHOT_LIFECYCLE.backup,
    caller: member,
    status: 'creating',
    refusal: { reason: 'status', status: 'creating', allowed: ['available'] },
  },
  {
    name: 'a member cannot force-delete a snapshot',
    rule: SNAPSHOT_LIFECYCLE.forceDelete,
    caller: member,
    status: 'error_deleting',
    refusal: { reason: 'admin' },
  },
  {
    name: 'an admin can force-delete a snapshot stuck deleting',
    rule: SNAPSHOT_LIFECYCLE.forceDelete,
    caller: admin,
    status: 'error_deleting',
    refusal: undefined,
  },
  {
    name: 'a member cannot unmanage a snapshot',
    rule: SNAPSHOT_LIFECYCLE.unmanage,
    caller: member,
    status: 'available',
    refusal: { reason: 'admin' },
  },
  {
    name: 'an admin cannot manage snapshots below 3.8',
    rule: SNAPSHOT_LIFECYCLE.manage,
    caller: { ...admin, minor: 7 },
    status: '',
    refusal: { reason: 'version', minor: 8 },
  },

  // Backups.
  {
    name: 'a member can delete a backup in error',
    rule: BACKUP_LIFECYCLE.delete,
    caller: member,
    status: 'error',
    refusal: undefined,
  },
  {
    name: 'a member cannot delete a backup being created',
    rule: BACKUP_LIFECYCLE.delete,
    caller: member,
    status: 'creating',
    refusal: { reason: 'status', status: 'creating', allowed: ['available', 'error'] },
  },
  {
    name: 'a member cannot restore a backup in error',
    rule: BACKUP_LIFECYCLE.restore,
    caller: member,
    status: 'error',
    refusal: { reason: 'status', status: 'error', allowed: ['available'] },
  },
  {
    name: 'a member can restore an available backup',
    rule: BACKUP_LIFECYCLE.restore,
    caller: member,
    status: 'available',
    refusal: undefined,
  },
  {
    name: 'a member cannot export a backup record',
    rule: BACKUP_LIFECYCLE.exportRecord,
    caller: member,
    status: 'available',
    refusal: { reason: 'admin' },
  },
  {
    name: 'an admin can export the record of an available backup',
    rule: BACKUP_LIFECYCLE.exportRecord,
    caller: admin,
    status: 'available',
    refusal: undefined,
  },
  {
    name: 'an admin cannot export the record of a backup in error',
    rule: BACKUP_LIFECYCLE.exportRecord,
    caller: admin,
    status: 'error',
    refusal: { reason: 'status', status: 'error', allowed: ['available'] },
  },
  {
    name: 'a member cannot import a backup record',
    rule: BACKUP_LIFECYCLE.importRecord,
    caller: member,
    status: '',
    refusal: { reason: 'admin' },
  },
  {
    name: 'an admin can import a backup record',
    rule: BACKUP_LIFECYCLE.importRecord,
    caller: admin,
    status: '',
    refusal: undefined,
  },
];

describe('which actions the lifecycle tables refuse, to whom, and why', () => {
  it.each(rows)('$name', ({ rule, caller, status, force, refusal }) => {
    expect(refuseAction(rule, { ...caller, status, ...(force !== undefined ? { force } : {}) })).toEqual(refusal);
  });
});
