import { overLimit } from './errors.js';
import type { CinderState } from './state.js';

export type QuotaUsage = Record<string, number>;

/** Every quota resource of a project: the fixed ones plus three per volume type. */
export function quotaResources(state: CinderState): string[] {
  const perType = [...state.volumeTypes.values()].flatMap((t) => [
    `volumes_${t.name}`,
    `gigabytes_${t.name}`,
    `snapshots_${t.name}`,
  ]);
  return [...Object.keys(state.quotaDefaults), ...perType];
}

/** The limits in force for a project: its overrides, else the default class, else -1 for per-type keys. */
export function quotaLimits(state: CinderState, projectId: string): Record<string, number> {
  const overrides = state.quotaOverrides.get(projectId) ?? {};
  const limits: Record<string, number> = {};
  for (const resource of quotaResources(state)) {
    limits[resource] = overrides[resource] ?? state.quotaDefaults[resource] ?? -1;
  }
  return limits;
}

/** What a project uses now. `gigabytes` counts snapshots too, as Cinder does by default. */
export function quotaUsage(state: CinderState, projectId: string): QuotaUsage {
  const usage: QuotaUsage = Object.fromEntries(quotaResources(state).map((r) => [r, 0]));
  const add = (key: string, amount: number) => {
    usage[key] = (usage[key] ?? 0) + amount;
  };
  for (const volume of state.volumes.values()) {
    if (volume.projectId !== projectId) continue;
    const type = state.volumeTypes.get(volume.volumeTypeId)?.name;
    add('volumes', 1);
    add('gigabytes', volume.size);
    if (type) {
      add(`volumes_${type}`, 1);
      add(`gigabytes_${type}`, volume.size);
    }
  }
  for (const snapshot of state.snapshots.values()) {
    if (snapshot.projectId !== projectId) continue;
    const volume = state.volumes.get(snapshot.volumeId);
    const type = volume ? state.volumeTypes.get(volume.volumeTypeId)?.name : undefined;
    add('snapshots', 1);
    add('gigabytes', snapshot.size);
    if (type) {
      add(`snapshots_${type}`, 1);
      add(`gigabytes_${type}`, snapshot.size);
    }
  }
  for (const backup of state.backups.values()) {
    if (backup.projectId !== projectId) continue;
    add('backups', 1);
    add('backup_gigabytes', backup.size);
  }
  return usage;
}

function exceeded(resource: string, requested: number, limit: number, used: number): Error {
  if (resource.startsWith('gigabytes')) {
    return overLimit(
      'VolumeSizeExceedsAvailableQuota',
      `Requested volume or snapshot exceeds allowed ${resource} quota. Requested ${requested}G, quota is ${limit}G and ${used}G has been consumed.`,
    );
  }
  if (resource === 'backup_gigabytes') {
    return overLimit(
      'VolumeBackupSizeExceedsAvailableQuota',
      `Requested backup exceeds allowed Backup gigabytes quota. Requested ${requested}G, quota is ${limit}G and ${used}G has been consumed.`,
    );
  }
  if (resource.startsWith('volumes')) {
    return overLimit(
      'VolumeLimitExceeded',
      `Maximum number of volumes allowed (${limit}) exceeded for quota '${resource}'.`,
    );
  }
  if (resource.startsWith('snapshots')) {
    return overLimit('SnapshotLimitExceeded', `Maximum number of snapshots allowed (${limit}) exceeded`);
  }
  return overLimit('BackupLimitExceeded', `Maximum number of backups allowed (${limit}) exceeded`);
}

/**
 * Refuses synchronously, with 413, a request that would take the project over quota. Of several
 * exceeded resources the alphabetically first decides, so gigabyte errors win over counts.
 * `withoutPrefix` renders the message without the exception class (backup restore does that);
 * `pending` counts what an earlier, not yet committed reservation of the same request holds.
 */
export function checkQuota(
  state: CinderState,
  projectId: string,
  deltas: Record<string, number>,
  options: { withoutPrefix?: boolean; pending?: Record<string, number> } = {},
): void {
  const perVolume = quotaLimits(state, projectId).per_volume_gigabytes ?? -1;
  const size = deltas.gigabytes ?? 0;
  if (deltas.volumes && perVolume >= 0 && size > perVolume) {
    throw overLimit(
      'VolumeSizeExceedsLimit',
      `Requested volume size ${size}G is larger than maximum allowed limit ${perVolume}G.`,
    );
  }
  const limits = quotaLimits(state, projectId);
  const usage = quotaUsage(state, projectId);
  for (const [resource, amount] of Object.entries(options.pending ?? {})) {
    usage[resource] = (usage[resource] ?? 0) + amount;
  }
  const over = Object.entries(deltas)
    .filter(([resource, delta]) => {
      const limit = limits[resource] ?? -1;
      return delta > 0 && limit >= 0 && (usage[resource] ?? 0) + delta > limit;
    })
    .map(([resource]) => resource)
    .sort();
  const first = over[0];
  if (!first) return;
  const error = exceeded(first, deltas[first]!, limits[first]!, usage[first] ?? 0);
  if (options.withoutPrefix) error.message = error.message.replace(/^\w+: /, '');
  throw error;
}
