import type express from 'express';
import { jsonBody } from '../http/json-body.js';
import { actionOf } from './actions.js';
import { badRequest, conflict, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { requireAdmin } from './request.js';
import type { CinderService } from './service.js';
import { invalidField, pyRepr } from './validation.js';

/** Keystone project ids: 32 hex digits, with or without dashes (oslo's `is_uuid_like`). */
const PROJECT_ID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Which projects may use a private type: list, add, remove (all admin). */
export function addTypeAccessRoutes(router: express.Router, service: CinderService): void {
  const { state, ctx } = service;

  router.get('/types/:id/os-volume-type-access', (req, res) => {
    requireAdmin(res, 'volume_extension:volume_type_access:index');
    const type = state.volumeTypes.get(req.params.id);
    if (!type) throw notFound(`Volume type ${req.params.id} could not be found.`);
    if (type.isPublic) throw notFound('Access list not available for public volume types.');
    markCinderResponse(res);
    res.json({ volume_type_access: type.access.map((project) => ({ volume_type_id: type.id, project_id: project })) });
  });

  router.post('/types/:id/action', jsonBody, (req, res) => {
    const { name, args } = actionOf(req, ['addProjectAccess', 'removeProjectAccess']);
    const project = args.project;
    if (typeof project !== 'string' || !PROJECT_ID.test(project)) {
      throw invalidField('project', project, `${pyRepr(project)} is not a 'uuid'`);
    }
    requireAdmin(res, `volume_extension:volume_type_access:${name}`);
    const type = state.volumeTypes.get(req.params.id);
    if (!type) throw notFound(`Volume type ${req.params.id} could not be found.`);
    if (type.isPublic)
      throw badRequest('Invalid volume type: Type access modification is not applicable to public volume type.');
    if (name === 'addProjectAccess') {
      if (type.access.includes(project))
        throw conflict(`Volume type access for ${type.id} / ${project} combination already exists.`);
      type.access.push(project);
    } else {
      if (!type.access.includes(project))
        throw notFound(`Volume type access not found for ${type.id} / ${project} combination.`);
      type.access = type.access.filter((p) => p !== project);
    }
    ctx.persist();
    res.status(202).end();
  });
}
