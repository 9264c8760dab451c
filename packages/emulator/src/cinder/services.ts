import express, { type Response } from 'express';
import { cinderTime } from '../http/time.js';
import { jsonBody } from '../http/json-body.js';
import type { ServiceRecord } from './backend.js';
import { badRequest, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { requireAdmin, versionAtLeast } from './request.js';
import type { CinderService } from './service.js';
import { pyRepr } from './validation.js';

/** oslo's `_filter_host`: `host` matches itself and anything below it (`host@backend`, `host@backend#pool`). */
export function hostMatches(host: string, wanted: string): boolean {
  return host === wanted || host.startsWith(`${wanted}@`) || host.startsWith(`${wanted}#`);
}

function serviceView(res: Response, service: ServiceRecord) {
  const volume = service.binary === 'cinder-volume';
  return {
    binary: service.binary,
    host: service.host,
    zone: service.zone,
    status: service.disabled ? 'disabled' : 'enabled',
    state: 'up',
    updated_at: cinderTime(new Date()),
    ...(volume && versionAtLeast(res, 49) ? { backend_state: 'up' } : {}),
    ...(versionAtLeast(res, 7) ? { cluster: null } : {}),
    disabled_reason: service.disabledReason,
    ...(volume ? { replication_status: 'disabled', active_backend_id: null, frozen: service.frozen } : {}),
  };
}

/**
 * `/os-services` (admin): list with `host` and `binary` filters, and the update actions
 * `enable`, `disable`, `disable-log-reason`, `freeze` and `thaw` (services.py).
 */
export function servicesRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();

  router.get('/os-services', (req, res) => {
    requireAdmin(res, 'volume_extension:services:index');
    const host = typeof req.query.host === 'string' ? req.query.host : undefined;
    const binary = typeof req.query.binary === 'string' ? req.query.binary : undefined;
    const rows = [...state.services.values()].filter(
      (s) => (!host || hostMatches(s.host, host)) && (!binary || s.binary === binary),
    );
    markCinderResponse(res);
    res.json({ services: rows.map((s) => serviceView(res, s)) });
  });

  router.put('/os-services/:action', jsonBody, (req, res) => {
    requireAdmin(res, 'volume_extension:services:update');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const action = req.params.action;
    const host = typeof body.host === 'string' ? body.host : undefined;
    markCinderResponse(res);
    if (action === 'freeze' || action === 'thaw') {
      const volumes = [...state.services.values()].filter(
        (s) => s.binary === 'cinder-volume' && host && hostMatches(s.host, host),
      );
      if (volumes.length === 0) throw badRequest(`No service found with host=${String(body.host)}`);
      for (const row of volumes) row.frozen = action === 'freeze';
      ctx.persist();
      return void res.status(200).end();
    }
    if (!['enable', 'disable', 'disable-log-reason'].includes(action))
      throw badRequest('Invalid input received: Unknown action');
    const binary = typeof body.binary === 'string' ? body.binary : typeof body.service === 'string' ? body.service : '';
    if (!host || !binary) throw badRequest(`${pyRepr(body)} is not valid under any of the given schemas`);
    const reason = body.disabled_reason;
    if (action === 'disable-log-reason' && 'disabled_reason' in body) {
      if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > 255)
        throw badRequest(`Invalid input for field/attribute disabled_reason. Value: ${String(reason)}.`);
    }
    const row = [...state.services.values()].find((s) => s.host === host && s.binary === binary);
    if (!row) throw notFound(`Service ${binary} could not be found on host ${host}.`);
    row.disabled = action !== 'enable';
    if (action === 'disable-log-reason') row.disabledReason = typeof reason === 'string' ? reason : null;
    if (action === 'enable') row.disabledReason = null;
    ctx.persist();
    res.json({
      ...(action === 'disable-log-reason' ? { disabled_reason: row.disabledReason } : {}),
      disabled: row.disabled,
      host,
      service: typeof body.service === 'string' ? body.service : '',
      binary: typeof body.binary === 'string' ? body.binary : '',
      status: row.disabled ? 'disabled' : 'enabled',
    });
  });

  return router;
}
