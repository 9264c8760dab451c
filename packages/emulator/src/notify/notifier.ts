import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { BACKEND } from '../cinder/backend.js';
import type { ProgressInfo } from '../cinder/backup-chunks.js';
import type { CinderCaller } from '../cinder/caller.js';
import type { BackupRecord, SnapshotRecord, VolumeRecord } from '../cinder/records.js';
import type { CinderService } from '../cinder/service.js';
import type { OsloMessage } from './publisher.js';
import { backupUsage, pyIsoformat, pyUtcnow, snapshotUsage, volumeUsage } from './usage.js';

/** Which Cinder service sends: the publisher id is `<kind>.<host>` of that service, as in Zed. */
export type Sender =
  /** cinder-api (`CONF.host`): update, delete of a volume no backend holds, attachment complete/delete. */
  | 'api'
  /** cinder-volume (`host@backend`): delete, resize, retype, revert, attach/detach start, snapshots. */
  | 'volume'
  /** The volume's own host (`host@backend#pool`): the create flow's `host=volume.host`. */
  | 'pool';

/** The caller's request context as oslo.messaging packs it (`_context_<key>`), after `_sanitize_context`. */
function packedContext(caller: CinderCaller, requestId: string): Record<`_context_${string}`, unknown> {
  const context: Record<string, unknown> = {
    user: caller.userId,
    project_id: caller.projectId,
    system_scope: null,
    project: caller.projectId,
    domain: null,
    user_domain: null,
    project_domain: null,
    is_admin: caller.isAdmin,
    read_only: false,
    show_deleted: false,
    auth_token: null,
    request_id: requestId,
    global_request_id: null,
    resource_uuid: null,
    roles: caller.roles,
    user_identity: `${caller.userId} ${caller.projectId} - - -`,
    is_admin_project: true,
    user_id: caller.userId,
    project_name: null,
    domain_id: null,
    read_deleted: 'no',
    remote_address: null,
    timestamp: pyIsoformat(new Date()),
    quota_class: null,
    service_catalog: [],
    message_resource_id: null,
    message_resource_type: null,
    message_action: null,
  };
  return Object.fromEntries(Object.entries(context).map(([k, v]) => [`_context_${k}`, v]));
}

/**
 * What one request's operation tells the bus, now and when it completes later: Cinder's
 * `notify_about_volume_usage`, `notify_about_snapshot_usage`, `notify_about_backup_usage` and the
 * scheduler's error notifications, with the caller's context. Silent when the emulator runs
 * without `--notifications-url`.
 */
export class OperationNotifier {
  constructor(
    private readonly service: CinderService,
    private readonly caller: CinderCaller,
    private readonly requestId: string,
  ) {}

  private get enabled(): boolean {
    return this.service.ctx.notifications !== undefined;
  }

  private send(
    publisherId: string,
    eventType: string,
    priority: OsloMessage['priority'],
    payload: Record<string, unknown>,
  ): void {
    this.service.ctx.notifications?.publish({
      message_id: randomUUID(),
      publisher_id: publisherId,
      event_type: eventType,
      priority,
      payload,
      timestamp: pyUtcnow(),
      ...packedContext(this.caller, this.requestId),
      _unique_id: randomUUID().replaceAll('-', ''),
    });
  }

  private host(sender: Sender, volume?: VolumeRecord): string {
    if (sender === 'api') return BACKEND.nodeHost;
    if (sender === 'pool' && volume?.host) return volume.host;
    return BACKEND.serviceHost;
  }

  /** `volume.<suffix>`: `create.start`, `resize.end`, `retype`, … */
  volume(volume: VolumeRecord, suffix: string, sender: Sender, extra?: Record<string, unknown>): void {
    if (!this.enabled) return;
    this.send(`volume.${this.host(sender, volume)}`, `volume.${suffix}`, 'INFO', volumeUsage(volume, extra));
  }

  /** `snapshot.<suffix>`: `create.start`, `delete.end`, `update.start`, `revert.end`, … */
  snapshot(snapshot: SnapshotRecord, suffix: string, sender: Exclude<Sender, 'pool'>): void {
    if (!this.enabled) return;
    const payload = snapshotUsage(this.service.state, snapshot);
    this.send(`snapshot.${this.host(sender)}`, `snapshot.${suffix}`, 'INFO', payload);
  }

  /** `backup.<suffix>` from cinder-backup, whose host is the node's. */
  backup(backup: BackupRecord, suffix: string): void {
    if (!this.enabled) return;
    const payload = backupUsage(this.service.state, backup, BACKEND.nodeHost);
    this.send(`backup.${BACKEND.nodeHost}`, `backup.${suffix}`, 'INFO', payload);
  }

  /** `backup.createprogress` from the chunked driver: the backup's usage and the `object_meta` so far. */
  backupProgress(backup: BackupRecord, progress: ProgressInfo): void {
    if (!this.enabled) return;
    const payload = backupUsage(this.service.state, backup, BACKEND.nodeHost, progress);
    this.send(`backup.${BACKEND.nodeHost}`, 'backup.createprogress', 'INFO', payload);
  }

  /**
   * The scheduler's failure (`_set_volume_state_and_notify`, the create flow's `_notify_failure`):
   * `scheduler.<method>` at priority ERROR, so on `notifications.error`. Cinder Zed sends no
   * `volume.*.error` events; a consumer learns of a failed create or extend from this one.
   */
  schedulerError(method: string, volume: VolumeRecord, reason: string): void {
    if (!this.enabled) return;
    this.send(`scheduler.${BACKEND.nodeHost}`, `scheduler.${method}`, 'ERROR', {
      request_spec: { volume_id: volume.id },
      volume_properties: { size: volume.size, project_id: volume.projectId, user_id: volume.userId },
      volume_id: volume.id,
      state: { status: 'error' },
      method,
      reason,
    });
  }
}

/** The notifier for the operation `res` is serving. */
export function notifierFor(service: CinderService, res: Response): OperationNotifier {
  return new OperationNotifier(service, res.locals.caller as CinderCaller, String(res.locals.requestId));
}
