import express from 'express';
import { cinderTime } from '../http/time.js';
import { backendOf, BACKENDS, poolCapabilities, poolHost } from './backend.js';
import { notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { requireAdmin } from './request.js';
import { hostMatches } from './services.js';
import type { CinderService } from './service.js';

/** The properties every driver reports through `init_capabilities` (volume/driver.py). */
const DRIVER_PROPERTIES = {
  thin_provisioning: { title: 'Thin Provisioning', description: 'Sets thin provisioning.', type: 'boolean' },
  compression: { title: 'Compression', description: 'Enables compression.', type: 'boolean' },
  qos: { title: 'QoS', description: 'Enables QoS.', type: 'boolean' },
  replication_enabled: { title: 'Replication', description: 'Enables replication.', type: 'boolean' },
};

/**
 * What the scheduler knows of the backend (admin only): `/scheduler-stats/get_pools`,
 * `/capabilities/{host}` and the legacy `/os-hosts` listing with per-project usage.
 */
export function backendStatsRouter(service: CinderService): express.Router {
  const { state } = service;
  const router = express.Router();
  router.get('/scheduler-stats/get_pools', (req, res) => {
    requireAdmin(res, 'scheduler_extension:scheduler_stats:get_pools');
    const detail = String(req.query.detail ?? '').toLowerCase() === 'true';
    const name = typeof req.query.name === 'string' ? req.query.name : undefined;
    const pools = BACKENDS.filter((backend) => !name || name === poolHost(backend));
    markCinderResponse(res);
    res.json({
      pools: pools.map((backend) =>
        detail
          ? { name: poolHost(backend), capabilities: poolCapabilities(state, backend) }
          : { name: poolHost(backend) },
      ),
    });
  });

  router.get('/capabilities/:host', (req, res) => {
    requireAdmin(res, 'volume_extension:capabilities');
    const backend = backendOf(req.params.host);
    if (!backend || backend.serviceHost !== req.params.host) throw notFound(`Can't find service: ${req.params.host}`);
    const capabilities = poolCapabilities(state, backend);
    markCinderResponse(res);
    res.json({
      namespace: `OS::Storage::Capabilities::${backend.serviceHost}`,
      vendor_name: capabilities.vendor_name,
      volume_backend_name: capabilities.volume_backend_name,
      pool_name: null,
      driver_version: capabilities.driver_version,
      storage_protocol: capabilities.storage_protocol,
      display_name: null,
      description: null,
      visibility: null,
      replication_targets: [],
      properties: DRIVER_PROPERTIES,
    });
  });

  router.get('/os-hosts', (_req, res) => {
    requireAdmin(res, 'volume_extension:hosts');
    markCinderResponse(res);
    res.json({
      hosts: [...state.services.values()].map((s) => ({
        host_name: s.host,
        service: s.binary,
        zone: s.zone,
        'service-status': 'available',
        'service-state': s.disabled ? 'disabled' : 'enabled',
        'last-update': cinderTime(new Date()),
      })),
    });
  });

  router.get('/os-hosts/:host', (req, res) => {
    requireAdmin(res, 'volume_extension:hosts');
    const host = req.params.host;
    const volumeService = [...state.services.values()].find((s) => s.binary === 'cinder-volume' && s.host === host);
    if (!volumeService) throw notFound(`Service cinder-volume could not be found on host ${host}.`);
    const volumes = [...state.volumes.values()].filter((v) => v.host && hostMatches(v.host, host));
    const usage = (projectId?: string) => {
      const mine = volumes.filter((v) => projectId === undefined || v.projectId === projectId);
      const ids = new Set(mine.map((v) => v.id));
      const snapshots = [...state.snapshots.values()].filter((s) => ids.has(s.volumeId));
      return {
        resource: {
          host,
          project: projectId ?? '(total)',
          volume_count: String(mine.length),
          total_volume_gb: String(mine.reduce((sum, v) => sum + v.size, 0)),
          snapshot_count: String(snapshots.length),
          total_snapshot_gb: String(snapshots.reduce((sum, s) => sum + s.size, 0)),
        },
      };
    };
    const projects = [...new Set(volumes.map((v) => v.projectId))];
    markCinderResponse(res);
    res.json({ host: [usage(), ...projects.map((p) => usage(p))] });
  });

  return router;
}
