import type { Response } from 'express';
import { cinderTime } from '../http/time.js';
import type { SnapshotRecord } from './records.js';
import { versionAtLeast } from './request.js';

/** The 3.0 snapshot view, which is also the summary (`api/views/snapshots.py`). */
function base(snapshot: SnapshotRecord) {
  return {
    id: snapshot.id,
    created_at: cinderTime(snapshot.createdAt),
    updated_at: snapshot.updatedAt ? cinderTime(snapshot.updatedAt) : null,
    name: snapshot.name,
    description: snapshot.description,
    volume_id: snapshot.volumeId,
    status: snapshot.status,
    size: snapshot.size,
    metadata: snapshot.metadata,
  };
}

export const snapshotSummary = base;

/** The detail view: microversioned fields, and the extended attributes on show and detail lists. */
export function snapshotDetail(res: Response, snapshot: SnapshotRecord, options: { extended: boolean }) {
  const detail: Record<string, unknown> = base(snapshot);
  if (versionAtLeast(res, 14)) detail.group_snapshot_id = snapshot.groupSnapshotId ?? null;
  if (versionAtLeast(res, 41)) detail.user_id = snapshot.userId;
  if (versionAtLeast(res, 65)) detail.consumes_quota = true;
  if (options.extended) {
    detail['os-extended-snapshot-attributes:project_id'] = snapshot.projectId;
    detail['os-extended-snapshot-attributes:progress'] = snapshot.progress;
  }
  return detail;
}
