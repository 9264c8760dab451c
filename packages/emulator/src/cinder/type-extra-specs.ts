import type express from 'express';
import type { Response } from 'express';
import { jsonBody } from '../http/json-body.js';
import { badRequest, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import type { VolumeTypeRecord } from './records.js';
import { requireAdmin } from './request.js';
import type { CinderService } from './service.js';
import { visibleExtraSpecs } from './type-views.js';
import { findVisibleType } from './lookups.js';
import { invalidField, pyRepr } from './validation.js';

const SPEC_KEY = /^[a-zA-Z0-9-_:.]{1,255}$/;

function checkSpecBody(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Malformed request body');
  for (const [key, value] of Object.entries(body)) {
    if (!SPEC_KEY.test(key)) {
      throw invalidField(
        'extra_specs',
        body,
        `${pyRepr(key)} does not match any of the regexes: '^[a-zA-Z0-9-_:.]{1,255}$'`,
      );
    }
    if (typeof value !== 'string') throw invalidField(key, value, `${pyRepr(value)} is not of type 'string'`);
    if (value.length > 255) throw invalidField(key, value, `${pyRepr(value)} is too long`);
  }
  return body as Record<string, string>;
}

/** Specs are frozen while any volume uses the type: Cinder refuses every change. */
function checkNotInUse(service: CinderService, type: VolumeTypeRecord): void {
  if (service.state.typeInUse(type.id)) {
    throw badRequest('Volume Type is currently in use.');
  }
}

function checkCacheable(specs: Record<string, string>): void {
  const isTrue = (value: string | undefined) => /^<is>\s*true$/i.test(value ?? '');
  if (isTrue(specs.multiattach) && isTrue(specs.cacheable))
    throw badRequest('cacheable cannot be set with multiattach.');
}

/** `/types/{id}/extra_specs[/{key}]`: read for every role, changes for admins while the type is unused. */
export function addExtraSpecRoutes(router: express.Router, service: CinderService): void {
  const { state, ctx } = service;
  const send = (res: Response, body: unknown) => {
    markCinderResponse(res);
    res.json(body);
  };
  const adminType = (res: Response, id: string, rule: string) => {
    requireAdmin(res, `volume_extension:types_extra_specs:${rule}`);
    const type = state.volumeTypes.get(id);
    if (!type) throw notFound(`Volume type ${id} could not be found.`);
    return type;
  };

  router.get('/types/:id/extra_specs', (req, res) => {
    send(res, { extra_specs: visibleExtraSpecs(res, findVisibleType(service, res, req.params.id)) });
  });

  router.post('/types/:id/extra_specs', jsonBody, (req, res) => {
    const specs = checkSpecBody((req.body as Record<string, unknown>)?.extra_specs);
    const type = adminType(res, req.params.id, 'create');
    checkNotInUse(service, type);
    checkCacheable({ ...type.extraSpecs, ...specs });
    Object.assign(type.extraSpecs, specs);
    ctx.persist();
    send(res, { extra_specs: specs });
  });

  router.get('/types/:id/extra_specs/:key', (req, res) => {
    const type = findVisibleType(service, res, req.params.id);
    const specs = visibleExtraSpecs(res, type);
    if (!(req.params.key in specs))
      throw notFound(`Volume Type ${type.id} has no extra specs with key ${req.params.key}.`);
    send(res, { [req.params.key]: specs[req.params.key] });
  });

  router.put('/types/:id/extra_specs/:key', jsonBody, (req, res) => {
    const specs = checkSpecBody(req.body);
    if (Object.keys(specs).length > 1) throw badRequest(`${pyRepr(specs)} has too many properties`);
    if (!(req.params.key in specs)) throw badRequest('Request body and URI mismatch');
    const type = adminType(res, req.params.id, 'update');
    checkNotInUse(service, type);
    checkCacheable({ ...type.extraSpecs, ...specs });
    Object.assign(type.extraSpecs, specs);
    ctx.persist();
    send(res, specs);
  });

  router.delete('/types/:id/extra_specs/:key', (req, res) => {
    const type = adminType(res, req.params.id, 'delete');
    checkNotInUse(service, type);
    if (!(req.params.key in type.extraSpecs)) {
      throw notFound(`Volume Type ${type.id} has no extra specs with key ${req.params.key}.`);
    }
    delete type.extraSpecs[req.params.key];
    ctx.persist();
    res.status(202).end();
  });
}
