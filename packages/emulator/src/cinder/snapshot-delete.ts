import { SNAPSHOT_LIFECYCLE } from '@cinder-console/cinder';
import { transitionOf } from './gates.js';
import type { Response } from 'express';
import { notFound } from './errors.js';
import type { SnapshotRecord } from './records.js';
import type { CinderService } from './service.js';
import { completeLater } from './transitions.js';
import { notifierFor } from '../notify/notifier.js';

/** Deletes a snapshot; `unmanaged` runs instead of nothing when Cinder only forgets it (`os-unmanage`). */
export function deleteSnapshot(
  service: CinderService,
  res: Response,
  snapshot: SnapshotRecord,
  unmanaged?: () => void,
): void {
  const { state, ctx } = service;
  if (!state.snapshots.has(snapshot.id)) throw notFound(`Snapshot ${snapshot.id} could not be found.`);
  const steps = transitionOf(unmanaged ? SNAPSHOT_LIFECYCLE.unmanage : SNAPSHOT_LIFECYCLE.delete, snapshot.status);
  state.setStatus(snapshot, steps.during);
  const notify = notifierFor(service, res);
  notify.snapshot(snapshot, 'delete.start', 'volume');
  ctx.persist();
  completeLater(service, {
    operation: 'snapshot.delete',
    durationMs: ctx.durations.snapshotDelete,
    projectId: snapshot.projectId,
    requestId: String(res.locals.requestId),
    succeed: () => {
      state.snapshots.delete(snapshot.id);
      notify.snapshot({ ...snapshot, status: 'deleted' }, 'delete.end', 'volume');
      unmanaged?.();
    },
    fail: () => state.setStatus(snapshot, steps.failure),
    failure: {
      resourceType: 'SNAPSHOT',
      resourceUuid: snapshot.id,
      eventId: 'VOLUME_SNAPSHOT_010_001',
      userMessage: 'delete snapshot:An unknown error occurred.',
    },
  });
}
