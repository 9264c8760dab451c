/** How long each asynchronous operation takes, in milliseconds, before the time scale applies. */
export interface Durations {
  create: number;
  /** Creating from an image adds a `downloading` phase of this length. */
  download: number;
  delete: number;
  extend: number;
  retype: number;
  revert: number;
  snapshotCreate: number;
  snapshotDelete: number;
  /** Backups take `backupBase + backupPerGiB × size`, as real drivers are bound by volume size. */
  backupBase: number;
  backupPerGiB: number;
  backupDelete: number;
  restoreBase: number;
  restorePerGiB: number;
  upload: number;
  imageSave: number;
  rollback: number;
  /** Nova's attach (reserve, connect on the compute host, complete) and detach. */
  attach: number;
  detach: number;
}

/** Defaults close to a small real cloud (the reference rig: create/extend/snapshot well under 3 s, a 1 GiB backup about 10 s). */
export const DEFAULT_DURATIONS: Durations = {
  create: 1500,
  download: 1500,
  delete: 1200,
  extend: 1200,
  retype: 1500,
  revert: 1500,
  snapshotCreate: 1500,
  snapshotDelete: 1000,
  backupBase: 2000,
  backupPerGiB: 150,
  backupDelete: 1500,
  restoreBase: 2000,
  restorePerGiB: 100,
  upload: 2500,
  imageSave: 1500,
  rollback: 2000,
  attach: 1500,
  detach: 1200,
};

/** `--fast`: everything fifty times quicker, for tests and demos that should not wait. */
export const FAST_TIME_SCALE = 0.02;
