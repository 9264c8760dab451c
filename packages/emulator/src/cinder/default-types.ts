import express, { type Response } from 'express';
import { jsonBody } from '../http/json-body.js';
import { badRequest, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { bodyObject, requireAdmin, versionAtLeast } from './request.js';
import type { CinderService } from './service.js';

/** `/default-types` (3.62, admin): a default volume type per project. */
export function defaultTypesRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  const gate = (res: Response, rule: string) => {
    if (!versionAtLeast(res, 62)) throw notFound('The resource could not be found.');
    requireAdmin(res, `volume_extension:default_set_or_update:${rule}`);
  };
  const view = (projectId: string, typeId: string) => ({ project_id: projectId, volume_type_id: typeId });
  const send = (res: Response, body: unknown) => {
    markCinderResponse(res);
    res.json(body);
  };

  router.put('/default-types/:project', jsonBody, (req, res) => {
    gate(res, 'create_update');
    const body = bodyObject(req, 'default_type');
    const name = body.volume_type;
    if (typeof name !== 'string' || !name)
      throw badRequest(
        "Invalid input for field/attribute default_type. Value: {}. 'volume_type' is a required property",
      );
    const type = state.findType(name);
    if (!type) throw notFound(`Volume type ${name} could not be found.`);
    state.defaultTypes.set(req.params.project, type.id);
    ctx.persist();
    send(res, { default_type: view(req.params.project, type.id) });
  });

  router.get('/default-types/:project', (req, res) => {
    gate(res, 'get');
    const typeId = state.defaultTypes.get(req.params.project);
    if (!typeId) throw notFound(`Default type for project ${req.params.project} could not be found.`);
    send(res, { default_type: view(req.params.project, typeId) });
  });

  router.get('/default-types', (_req, res) => {
    gate(res, 'get_all');
    send(res, { default_types: [...state.defaultTypes].map(([project, typeId]) => view(project, typeId)) });
  });

  router.delete('/default-types/:project', (req, res) => {
    gate(res, 'delete');
    if (!state.defaultTypes.delete(req.params.project)) {
      throw notFound(`Default type for project ${req.params.project} could not be found.`);
    }
    ctx.persist();
    res.status(204).end();
  });
  return router;
}
