import express from 'express';
import { EXTENSIONS } from './extensions-list.js';
import { markCinderResponse } from './faults.js';
import { quotaLimits, quotaUsage } from './quota.js';
import { callerOf } from './request.js';
import type { CinderService } from './service.js';

/** `/limits` (the caller's absolute quota limits and usage; no rate limits) and `/extensions`. */
export function limitsRouter(service: CinderService): express.Router {
  const { state } = service;
  const router = express.Router();

  router.get('/limits', (_req, res) => {
    const { projectId } = callerOf(res);
    const limits = quotaLimits(state, projectId);
    const used = quotaUsage(state, projectId);
    const inUse = (key: string) => (used as Record<string, number | undefined>)[key] ?? 0;
    markCinderResponse(res);
    res.json({
      limits: {
        rate: [],
        absolute: {
          maxTotalVolumes: limits.volumes,
          maxTotalSnapshots: limits.snapshots,
          maxTotalVolumeGigabytes: limits.gigabytes,
          maxTotalBackups: limits.backups,
          maxTotalBackupGigabytes: limits.backup_gigabytes,
          totalVolumesUsed: inUse('volumes'),
          totalGigabytesUsed: inUse('gigabytes'),
          totalSnapshotsUsed: inUse('snapshots'),
          totalBackupsUsed: inUse('backups'),
          totalBackupGigabytesUsed: inUse('backup_gigabytes'),
        },
      },
    });
  });

  router.get('/extensions', (_req, res) => {
    markCinderResponse(res);
    res.json({ extensions: EXTENSIONS });
  });

  return router;
}
