import type { Response } from 'express';
import { notFound } from './errors.js';
import type { BackupRecord, SnapshotRecord, VolumeRecord, VolumeTypeRecord } from './records.js';
import { callerOf, visibleTo } from './request.js';
import type { CinderService } from './service.js';

/**
 * Loads a resource the caller may see. Another project's resource is "not found", never
 * "forbidden": Cinder's lookups are project-scoped.
 */
export function findVolume(service: CinderService, res: Response, id: string): VolumeRecord {
  const volume = service.state.volumes.get(id);
  if (!volume || !visibleTo(res, volume.projectId)) throw notFound(`Volume ${id} could not be found.`);
  return volume;
}

export function findSnapshot(service: CinderService, res: Response, id: string): SnapshotRecord {
  const snapshot = service.state.snapshots.get(id);
  if (!snapshot || !visibleTo(res, snapshot.projectId)) throw notFound(`Snapshot ${id} could not be found.`);
  return snapshot;
}

export function findBackup(service: CinderService, res: Response, id: string): BackupRecord {
  const backup = service.state.backups.get(id);
  if (!backup || !visibleTo(res, backup.projectId)) throw notFound(`Backup ${id} could not be found.`);
  return backup;
}

/** The type named in a URL, if the caller may see it; `default` is the project's default type. */
export function findVisibleType(service: CinderService, res: Response, id: string): VolumeTypeRecord {
  const caller = callerOf(res);
  const type = id === 'default' ? service.state.defaultTypeFor(caller.projectId) : service.state.volumeTypes.get(id);
  if (!type || !service.state.typeVisibleTo(type, caller.projectId, caller.isAdmin)) {
    throw notFound(`Volume type ${id} could not be found.`);
  }
  return type;
}

const UUID_LIKE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/**
 * A type named in a request body, by id or by name, that the caller may use. Cinder's
 * `get_by_name_or_id` words its 404 by which lookup it tried: by id for UUID-like values,
 * by name otherwise.
 */
export function findUsableType(service: CinderService, res: Response, idOrName: string): VolumeTypeRecord {
  const caller = callerOf(res);
  const type = service.state.findType(idOrName);
  if (!type || !service.state.typeVisibleTo(type, caller.projectId, caller.isAdmin)) {
    throw notFound(
      UUID_LIKE.test(idOrName)
        ? `Volume type ${idOrName} could not be found.`
        : `Volume type with name ${idOrName} could not be found.`,
    );
  }
  return type;
}
