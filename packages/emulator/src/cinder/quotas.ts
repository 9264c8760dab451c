import express, { type Response } from 'express';
import { jsonBody } from '../http/json-body.js';
import { badRequest, forbidden } from './errors.js';
import { markCinderResponse } from './faults.js';
import { quotaLimits, quotaResources, quotaUsage } from './quota.js';
import { bodyObject, callerOf, requireAdmin, versionAtLeast } from './request.js';
import type { CinderService } from './service.js';
import { invalidField } from './validation.js';

/** Quota sets, quota class defaults and `/limits` (api/contrib/quotas.py, api/v3/limits.py). */
export function quotasRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  const send = (res: Response, body: unknown) => {
    markCinderResponse(res);
    res.json(body);
  };
  /** Quotas of a project are readable by its readers and by admins. */
  const canRead = (res: Response, projectId: string) => {
    const caller = callerOf(res);
    if (!caller.isAdmin && caller.projectId !== projectId) throw forbidden('volume_extension:quotas:show');
  };

  /** Validates a `quota_set` or `quota_class_set` body against the known resources. */
  const parseLimits = (body: Record<string, unknown>, field: string): Record<string, number> => {
    const entries = Object.entries(body).filter(([key]) => key !== 'id' && key !== 'tenant_id');
    if (entries.length === 0) throw invalidField(field, body, '{} does not have enough properties');
    const known = quotaResources(state);
    const bad = entries.map(([key]) => key).filter((key) => !known.includes(key));
    if (bad.length > 0) throw badRequest(`Invalid input received: Bad key(s) in quota set: ${bad.join(',')}`);
    const limits: Record<string, number> = {};
    for (const [key, raw] of entries) {
      const value = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
      if (typeof value !== 'number' || !Number.isInteger(value))
        throw badRequest(`Invalid input received: ${key} must be an integer.`);
      if (value < -1) throw badRequest(`${key} must be >= -1`);
      limits[key] = value;
    }
    return limits;
  };

  router.get('/os-quota-sets/:project', (req, res) => {
    const project = req.params.project;
    canRead(res, project);
    const limits = quotaLimits(state, project);
    const usage = req.query.usage === 'true' || req.query.usage === 'True' ? quotaUsage(state, project) : undefined;
    const quotaSet: Record<string, unknown> = { id: project };
    for (const [key, limit] of Object.entries(limits)) {
      quotaSet[key] = usage ? { limit, in_use: usage[key] ?? 0, reserved: 0 } : limit;
    }
    send(res, { quota_set: quotaSet });
  });

  router.get('/os-quota-sets/:project/defaults', (req, res) => {
    canRead(res, req.params.project);
    const defaults: Record<string, unknown> = { id: req.params.project };
    for (const resource of quotaResources(state)) defaults[resource] = state.quotaDefaults[resource] ?? -1;
    send(res, { quota_set: defaults });
  });

  router.put('/os-quota-sets/:project', jsonBody, (req, res) => {
    const body = bodyObject(req, 'quota_set');
    requireAdmin(res, 'volume_extension:quotas:update');
    const project = req.params.project;
    const limits = parseLimits(body, 'quota_set');
    const usage = quotaUsage(state, project);
    const overridden = state.quotaOverrides.get(project) ?? {};
    for (const [key, limit] of Object.entries(limits)) {
      // Cinder checks usage only for resources that already have a project-specific limit
      // (it reads the project's quotas with defaults=False), so a first override may go below use.
      if (!(key in overridden) || key === 'per_volume_gigabytes' || limit === -1) continue;
      if ((usage[key] ?? 0) > limit) {
        throw badRequest(
          `Quota ${key} limit must be equal or greater than existing resources. Current usage is ${usage[key]} and the requested limit is ${limit}.`,
        );
      }
    }
    state.quotaOverrides.set(project, { ...state.quotaOverrides.get(project), ...limits });
    ctx.persist();
    send(res, { quota_set: quotaLimits(state, project) });
  });

  router.delete('/os-quota-sets/:project', (req, res) => {
    requireAdmin(res, 'volume_extension:quotas:delete');
    state.quotaOverrides.delete(req.params.project);
    ctx.persist();
    res.status(200).end();
  });

  router.get('/os-quota-class-sets/:name', (req, res) => {
    requireAdmin(res, 'volume_extension:quota_classes');
    const body: Record<string, unknown> = { id: req.params.name };
    for (const resource of quotaResources(state)) body[resource] = state.quotaDefaults[resource] ?? -1;
    send(res, { quota_class_set: body });
  });

  router.put('/os-quota-class-sets/:name', jsonBody, (req, res) => {
    const body = bodyObject(req, 'quota_class_set');
    requireAdmin(res, 'volume_extension:quota_classes');
    const limits = parseLimits(body, 'quota_class_set');
    if (req.params.name === 'default') state.quotaDefaults = { ...state.quotaDefaults, ...limits };
    ctx.persist();
    const view: Record<string, unknown> = {};
    for (const resource of quotaResources(state)) view[resource] = state.quotaDefaults[resource] ?? -1;
    send(res, { quota_class_set: view });
  });

  router.get('/limits', (req, res) => {
    const caller = callerOf(res);
    const asked = req.query.project_id;
    const project = caller.isAdmin && versionAtLeast(res, 39) && typeof asked === 'string' ? asked : caller.projectId;
    const limits = quotaLimits(state, project);
    const usage = quotaUsage(state, project);
    send(res, {
      limits: {
        rate: [],
        absolute: {
          maxTotalVolumes: limits.volumes,
          maxTotalSnapshots: limits.snapshots,
          maxTotalVolumeGigabytes: limits.gigabytes,
          maxTotalBackups: limits.backups,
          maxTotalBackupGigabytes: limits.backup_gigabytes,
          totalVolumesUsed: usage.volumes,
          totalGigabytesUsed: usage.gigabytes,
          totalSnapshotsUsed: usage.snapshots,
          totalBackupsUsed: usage.backups,
          totalBackupGigabytesUsed: usage.backup_gigabytes,
        },
      },
    });
  });
  return router;
}
