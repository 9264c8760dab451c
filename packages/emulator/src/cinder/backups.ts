import express, { type Request, type Response } from 'express';
import { BACKUP_LIFECYCLE } from '@cinder-console/cinder';
import { allows, transitionOf } from './gates.js';
import { jsonBody } from '../http/json-body.js';
import { actionOf } from './actions.js';
import { backupDetail, backupSummary } from './backup-views.js';
import { backupDuration, createBackup } from './backup-create.js';
import { restoreBackup } from './backup-restore.js';
import { badRequest, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { listQuery, wantsAllTenants } from './list-query.js';
import { findBackup } from './lookups.js';
import { sendPage } from './pagination.js';
import type { BackupRecord } from './records.js';
import { bodyObject, callerOf, requireAdmin, requireMember, versionAtLeast } from './request.js';
import { matchesName, resourceFilters } from './resource-filters.js';
import { listingPrefix, type CinderService } from './service.js';
import { completeLater } from './transitions.js';
import { notifierFor } from '../notify/notifier.js';
import { checkMetadata, checkNoExtraKeys, checkText } from './validation.js';

/** Sort keys at every microversion (`name` joins later, see the router). */
const SORT_KEYS = ['id', 'status', 'size', 'created_at', 'updated_at', 'volume_id', 'display_name', 'project_id'];

function backupSortValue(b: BackupRecord, key: string) {
  const fields: Record<string, () => string | number | null> = {
    id: () => b.id,
    status: () => b.status,
    size: () => b.size,
    created_at: () => b.createdAt.getTime(),
    updated_at: () => b.updatedAt?.getTime() ?? null,
    volume_id: () => b.volumeId,
    display_name: () => b.name,
    name: () => b.name,
    project_id: () => b.projectId,
  };
  return fields[key]?.();
}

/** Backup routes: list, show, create, update, delete, restore and the admin actions. */
export function backupsRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  const hasDependents = (backup: BackupRecord) => [...state.backups.values()].some((b) => b.parentId === backup.id);

  const list = (detailed: boolean) => (req: Request, res: Response) => {
    const caller = callerOf(res);
    const all = wantsAllTenants(req, res);
    const candidates = [...state.backups.values()].filter((b) => all || b.projectId === caller.projectId);
    const page = listQuery(req, res, candidates, {
      allowedFilters: resourceFilters(ctx, 'backup'),
      matches: (b, key, value) => {
        const byName = matchesName(b.name, key, value);
        if (byName !== undefined) return byName;
        if (key === 'status') return b.status === value;
        if (key === 'volume_id') return b.volumeId === value;
        if (key === 'project_id') return b.projectId === value;
        return undefined;
      },
      sortKeys: (r) => [...SORT_KEYS, ...(versionAtLeast(r, 37) ? ['name'] : [])],
      sortValue: (b, key) => backupSortValue(b, key),
      markerNotFound: (marker) => `Backup ${marker} could not be found.`,
    });
    sendPage(
      req,
      res,
      'backups',
      page,
      (b) => (detailed ? backupDetail(service, res, b, hasDependents(b)) : backupSummary(service, b)),
      listingPrefix(service, caller.urlProjectId),
    );
  };
  router.get('/backups', list(false));
  router.get('/backups/detail', list(true));

  router.get('/backups/:id', (req, res) => {
    const backup = findBackup(service, res, req.params.id);
    markCinderResponse(res);
    res.json({ backup: backupDetail(service, res, backup, hasDependents(backup)) });
  });

  router.post('/backups', jsonBody, (req, res) => {
    const backup = createBackup(service, req, res);
    ctx.persist();
    markCinderResponse(res);
    res.status(202).json({ backup: backupSummary(service, backup) });
  });

  router.put('/backups/:id', jsonBody, (req, res) => {
    if (!versionAtLeast(res, 9)) throw notFound('The resource could not be found.');
    requireMember(res, 'backup:update');
    const backup = findBackup(service, res, req.params.id);
    const body = bodyObject(req, 'backup');
    checkNoExtraKeys(
      'backup',
      body,
      versionAtLeast(res, 43) ? ['name', 'description', 'metadata'] : ['name', 'description'],
    );
    if ('name' in body) backup.name = checkText('name', body.name);
    if ('description' in body) backup.description = checkText('description', body.description);
    if ('metadata' in body) backup.metadata = checkMetadata('metadata', body.metadata);
    backup.updatedAt = new Date();
    ctx.persist();
    markCinderResponse(res);
    res.json({ backup: backupSummary(service, backup) });
  });

  router.delete('/backups/:id', (req, res) => {
    requireMember(res, 'backup:delete');
    const backup = findBackup(service, res, req.params.id);
    if (!allows(BACKUP_LIFECYCLE.delete, backup.status))
      throw badRequest('Invalid backup: Backup status must be available or error');
    if (hasDependents(backup)) throw badRequest('Invalid backup: Incremental backups exist for this backup.');
    deleteBackup(service, res, backup);
    res.status(202).end();
  });

  router.post('/backups/:id/restore', jsonBody, async (req, res) => {
    requireMember(res, 'backup:restore');
    const backup = findBackup(service, res, req.params.id);
    const raw = (req.body as Record<string, unknown> | undefined)?.restore;
    const restore = await restoreBackup(
      service,
      res,
      backup,
      raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {},
    );
    markCinderResponse(res);
    res.status(202).json({ restore });
  });

  router.post('/backups/:id/action', jsonBody, (req, res) => {
    const { name, args } = actionOf(req, ['os-reset_status', 'os-force_delete']);
    const backup = findBackup(service, res, req.params.id);
    requireAdmin(res, `volume_extension:backup_admin_actions:${name.replace('os-', '')}`);
    if (name === 'os-force_delete') {
      deleteBackup(service, res, backup);
    } else {
      const status = String(args.status ?? '');
      if (!['available', 'error'].includes(status)) {
        throw badRequest(`Backup status: ${status} is invalid, valid statuses are: ['available', 'error'].`);
      }
      state.setStatus(backup, status);
      ctx.persist();
    }
    res.status(202).end();
  });
  return router;
}

function deleteBackup(service: CinderService, res: Response, backup: BackupRecord): void {
  const { state, ctx } = service;
  const steps = transitionOf(BACKUP_LIFECYCLE.delete, backup.status);
  state.setStatus(backup, steps.during);
  const notify = notifierFor(service, res);
  notify.backup(backup, 'delete.start');
  ctx.persist();
  completeLater(service, {
    operation: 'backup.delete',
    durationMs: ctx.durations.backupDelete + backupDuration(service, backup.size) / 4,
    projectId: backup.projectId,
    requestId: String(res.locals.requestId),
    succeed: () => {
      state.backups.delete(backup.id);
      notify.backup({ ...backup, status: 'deleted' }, 'delete.end');
    },
    fail: () => state.setStatus(backup, steps.failure),
    failure: {
      resourceType: 'BACKUP',
      resourceUuid: backup.id,
      eventId: 'VOLUME_BACKUP_016_001',
      userMessage: 'delete backup:An unknown error occurred.',
    },
  });
}
