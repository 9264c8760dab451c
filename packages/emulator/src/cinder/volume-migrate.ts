import type { Response } from 'express';
import { backendOf, poolHost } from './backend.js';
import { badRequest } from './errors.js';
import type { VolumeRecord } from './records.js';
import { versionAtLeast } from './request.js';
import type { CinderService } from './service.js';
import { completeLater } from './transitions.js';
import { checkBoolean } from './validation.js';

/** `common.get_cluster_host`: exactly one of host and cluster (3.16), else only host. */
function destinationOf(res: Response, args: Record<string, unknown>): string {
  const withCluster = versionAtLeast(res, 16);
  const host = typeof args.host === 'string' && args.host ? args.host : undefined;
  const cluster = withCluster && typeof args.cluster === 'string' && args.cluster ? args.cluster : undefined;
  if (Boolean(host) === Boolean(cluster)) {
    throw badRequest(
      `Invalid input received: ${withCluster ? 'One and only one of cluster and host must be set.' : 'Host field is missing.'}`,
    );
  }
  // The emulated backends are in no cluster, so a cluster names no service.
  if (!host) throw badRequest(`Invalid host: No available service named '${String(cluster)}'`);
  return host;
}

/**
 * `os-migrate_volume` (admin, volume/api.py `migrate_volume`): an available or in-use volume with
 * no snapshots moves to another pool, of an enabled cinder-volume service that is up. `migration_status` goes starting → migrating →
 * success (or error) while the status stays, unless `lock_volume` holds it in `maintenance`.
 */
export function migrateVolume(
  service: CinderService,
  res: Response,
  volume: VolumeRecord,
  args: Record<string, unknown>,
): void {
  const { state, ctx } = service;
  const host = destinationOf(res, args);
  if ('force_host_copy' in args) checkBoolean('force_host_copy', args.force_host_copy);
  const lock = 'lock_volume' in args ? checkBoolean('lock_volume', args.lock_volume) : false;
  // volume/api.py: the service must be up and enabled, at backend level; then one conditional
  // update checks everything else and refuses with one message.
  const backend = backendOf(host);
  const volumeService = [...state.services.values()].find(
    (s) => s.binary === 'cinder-volume' && backend && s.host === backend.serviceHost && !s.disabled,
  );
  if (!backend || !volumeService || (host.includes('#') && host.split('#')[1] !== backend.pool))
    throw badRequest(`Invalid host: No available service named '${host}'`);
  const movable =
    ['available', 'in-use'].includes(volume.status) &&
    !['migrating', 'starting', 'completing'].includes(volume.migrationStatus ?? '') &&
    state.snapshotsOf(volume.id).length === 0 &&
    !volume.groupId &&
    volume.host !== host;
  if (!movable) {
    throw badRequest(
      `Invalid volume: Volume ${volume.id} status must be available or in-use, must not be migrating, have snapshots, be replicated, be part of a group and destination host/cluster must be different than the current one`,
    );
  }

  const before = volume.status;
  volume.migrationStatus = 'starting';
  if (lock && volume.status === 'available') state.setStatus(volume, 'maintenance');
  else volume.updatedAt = new Date();
  ctx.persist();
  ctx.scheduler.after(ctx.durations.retype / 3, () => {
    if (volume.migrationStatus === 'starting') volume.migrationStatus = 'migrating';
    volume.updatedAt = new Date();
  });
  completeLater(service, {
    operation: 'volume.migrate',
    durationMs: ctx.durations.retype,
    projectId: volume.projectId,
    requestId: String(res.locals.requestId),
    succeed: () => {
      volume.host = poolHost(backend);
      volume.migrationStatus = 'success';
      state.setStatus(volume, before);
    },
    fail: () => {
      volume.migrationStatus = 'error';
      state.setStatus(volume, before);
    },
    failure: {
      resourceType: 'VOLUME',
      resourceUuid: volume.id,
      eventId: 'VOLUME_VOLUME_001_005',
      userMessage: 'migrate volume:An unknown error occurred.',
    },
  });
}
