/**
 * The one status lifecycle table: for each action, the statuses that allow it, the status it
 * shows while it runs, and where it ends or fails. The emulator refuses actions and moves
 * resources through their statuses by it (packages/emulator/src/cinder/gates.ts `transitionOf`);
 * the console uses it to disable actions with the reason. Facts from Cinder Zed (volume/api.py,
 * volume/manager.py, backup/api.py, backup/manager.py).
 */

/** `previous`: back to the status before the action (extend of an in-use volume ends in-use). */
export type EndStatus = string | 'previous' | 'deleted';

export interface ActionRule {
  /** Statuses that allow the action at every microversion. Empty: no status condition. */
  from: readonly string[];
  /** Statuses that allow it from a microversion on (status → minor version of 3.x). */
  fromAtVersion?: Readonly<Record<string, number>>;
  /** Statuses that allow it only when the request says `force`. */
  fromWithForce?: readonly string[];
  /** The action exists only from this 3.x minor version on. */
  minVersion?: number;
  /** Only admins may perform it (Zed default policy). */
  adminOnly?: boolean;
  /** The status while the action runs; `previous` means the action leaves the status alone. */
  transitional: string | 'previous';
  end: EndStatus;
  failure: EndStatus;
}

const VOLUME_DELETABLE = ['available', 'error', 'error_restoring', 'error_extending', 'error_managing'] as const;

export const VOLUME_LIFECYCLE = {
  create: { from: [], transitional: 'creating', end: 'available', failure: 'error' },
  delete: { from: VOLUME_DELETABLE, transitional: 'deleting', end: 'deleted', failure: 'error_deleting' },
  forceDelete: { from: [], adminOnly: true, transitional: 'deleting', end: 'deleted', failure: 'error_deleting' },
  extend: {
    from: ['available'],
    fromAtVersion: { 'in-use': 42 },
    transitional: 'extending',
    end: 'previous',
    failure: 'error_extending',
  },
  revert: { from: ['available'], minVersion: 40, transitional: 'reverting', end: 'available', failure: 'error' },
  retype: { from: ['available', 'in-use'], transitional: 'retyping', end: 'previous', failure: 'previous' },
  snapshot: {
    from: ['available'],
    fromWithForce: ['in-use'],
    fromAtVersion: { 'in-use': 66 },
    transitional: 'previous',
    end: 'previous',
    failure: 'previous',
  },
  backup: {
    from: ['available'],
    fromWithForce: ['in-use'],
    transitional: 'backing-up',
    end: 'previous',
    failure: 'previous',
  },
  restoreBackup: {
    from: ['available'],
    transitional: 'restoring-backup',
    end: 'available',
    failure: 'error_restoring',
  },
  uploadImage: { from: ['available'], transitional: 'uploading', end: 'previous', failure: 'previous' },
  updateReadonly: { from: ['available'], transitional: 'previous', end: 'previous', failure: 'previous' },
  transfer: { from: ['available'], transitional: 'awaiting-transfer', end: 'available', failure: 'available' },
  /** Through Nova (`os-volume_attachments`), which reserves the volume in Cinder; multiattach volumes also from in-use. */
  attach: { from: ['available'], transitional: 'attaching', end: 'in-use', failure: 'available' },
  /** Through Nova; Cinder's begin_detaching needs in-use (and attach_status attached). */
  detach: { from: ['in-use'], transitional: 'detaching', end: 'available', failure: 'in-use' },
  /** `os-migrate_volume` (admin): no snapshots either; the status stays, or `maintenance` with `lock_volume`. */
  migrate: {
    from: ['available', 'in-use'],
    adminOnly: true,
    transitional: 'previous',
    end: 'previous',
    failure: 'previous',
  },
  /** `os-unmanage` (admin): Cinder forgets the volume as a delete would, the data stays on the backend. */
  unmanage: {
    from: VOLUME_DELETABLE,
    adminOnly: true,
    transitional: 'unmanaging',
    end: 'deleted',
    // The volume manager's delete_volume, which unmanaging runs too, fails to error_deleting.
    failure: 'error_deleting',
  },
  /**
   * Managing existing storage (admin): the `/manageable_volumes` listing needs 3.8. volume/api.py
   * creates the volume `managing`; the manage flow's failure leaves it `error_managing`.
   */
  manage: {
    from: [],
    adminOnly: true,
    minVersion: 8,
    transitional: 'managing',
    end: 'available',
    failure: 'error_managing',
  },
  /** Huawei EVS `os-vendor-snapshots/{id}/rollback`. */
  rollback: {
    from: ['available', 'error_rollbacking'],
    transitional: 'rollbacking',
    end: 'available',
    failure: 'error_rollbacking',
  },
} as const satisfies Record<string, ActionRule>;

export const SNAPSHOT_LIFECYCLE = {
  create: { from: [], transitional: 'creating', end: 'available', failure: 'error' },
  delete: { from: ['available', 'error'], transitional: 'deleting', end: 'deleted', failure: 'error_deleting' },
  forceDelete: { from: [], adminOnly: true, transitional: 'deleting', end: 'deleted', failure: 'error_deleting' },
  revertTo: { from: ['available'], minVersion: 40, transitional: 'restoring', end: 'available', failure: 'available' },
  backup: { from: ['available'], transitional: 'backing-up', end: 'available', failure: 'available' },
  /** `os-unmanage` (admin): Cinder forgets the snapshot; its data stays on the backend. */
  unmanage: {
    from: ['available', 'error'],
    adminOnly: true,
    transitional: 'deleting',
    end: 'deleted',
    // The volume manager's delete_snapshot, which unmanaging runs too, fails to error_deleting.
    failure: 'error_deleting',
  },
  manage: { from: [], adminOnly: true, minVersion: 8, transitional: 'creating', end: 'available', failure: 'error' },
} as const satisfies Record<string, ActionRule>;

export const BACKUP_LIFECYCLE = {
  create: { from: [], transitional: 'creating', end: 'available', failure: 'error' },
  delete: { from: ['available', 'error'], transitional: 'deleting', end: 'deleted', failure: 'error_deleting' },
  restore: { from: ['available'], transitional: 'restoring', end: 'available', failure: 'available' },
  /** `export_record` (admin): the record of an available backup, to import elsewhere. */
  exportRecord: {
    from: ['available'],
    adminOnly: true,
    transitional: 'previous',
    end: 'previous',
    failure: 'previous',
  },
  /** `import_record` (admin): the backup appears `creating` until cinder-backup has checked it. */
  importRecord: { from: [], adminOnly: true, transitional: 'creating', end: 'available', failure: 'error' },
} as const satisfies Record<string, ActionRule>;

export type VolumeAction = keyof typeof VOLUME_LIFECYCLE;
export type SnapshotAction = keyof typeof SNAPSHOT_LIFECYCLE;
export type BackupAction = keyof typeof BACKUP_LIFECYCLE;

/** Why an action is not possible now; `params` fill the message in the UI's language. */
export type Refusal =
  | { reason: 'status'; status: string; allowed: string[]; needsVersion?: { status: string; minor: number } }
  | { reason: 'version'; minor: number }
  | { reason: 'admin' }
  | { reason: 'role' };

/**
 * Cinder's default policy (Zed, `policies/base.py`): `reader` only reads; creating, changing and
 * deleting in the project needs `member` (every action of the tables above); admin-only calls need
 * `admin`, which passes every rule. Roles are Keystone's effective ones (admin ⇒ member ⇒ reader).
 */
export function mayWrite(roles: readonly string[]): boolean {
  return roles.includes('member') || roles.includes('admin');
}

/** A change with no status condition (rename, metadata, create): any status, members only. */
export const WRITE_RULE: ActionRule = { from: [], transitional: 'previous', end: 'previous', failure: 'previous' };

/**
 * Whether `rule` allows the action for a resource in `status`, for a caller at microversion
 * `3.<minor>`, admin or not, with `roles` (checked when given), forcing or not. `undefined` means allowed.
 */
export function refuseAction(
  rule: ActionRule,
  input: { status: string; minor: number; isAdmin: boolean; force?: boolean; roles?: readonly string[] },
): Refusal | undefined {
  // Policy first, as Cinder checks it before the status: a reader learns they cannot, not when.
  if (rule.adminOnly && !input.isAdmin) return { reason: 'admin' };
  if (input.roles && !input.isAdmin && !mayWrite(input.roles)) return { reason: 'role' };
  if (rule.minVersion !== undefined && input.minor < rule.minVersion)
    return { reason: 'version', minor: rule.minVersion };
  if (statusAllows(rule, input.status, input)) return undefined;
  const atVersion = rule.fromAtVersion?.[input.status];
  const allowed = [...rule.from, ...Object.keys(rule.fromAtVersion ?? {})];
  return {
    reason: 'status',
    status: input.status,
    allowed,
    ...(atVersion !== undefined ? { needsVersion: { status: input.status, minor: atVersion } } : {}),
  };
}

/**
 * Whether `status` meets `rule`'s status condition alone (policy and microversion of the action
 * aside): a listed status, a status `force` allows when the request forces, or a status allowed
 * from microversion `3.<minor>` on (never, when `minor` is not given).
 */
export function statusAllows(
  rule: ActionRule,
  status: string,
  options: { force?: boolean | undefined; minor?: number | undefined } = {},
): boolean {
  if (rule.from.length === 0 || rule.from.includes(status)) return true;
  if (options.force === true && rule.fromWithForce?.includes(status)) return true;
  const atVersion = rule.fromAtVersion?.[status];
  return atVersion !== undefined && options.minor !== undefined && options.minor >= atVersion;
}
