import express, { type Response } from 'express';
import { jsonBody } from '../http/json-body.js';
import { badRequest, CinderFault, notFound, WebobNotFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { bodyObject, callerOf, versionAtLeast } from './request.js';
import type { CinderService } from './service.js';

/** `/default-types` (3.62, admin): a default volume type per project. */
export function defaultTypesRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  /** Routed only without a project in the URL (`/v3/default-types/{project}`); 3.62 on; admins only. */
  const gate = (res: Response) => {
    if (callerOf(res).urlProjectId) throw new WebobNotFound();
    if (!versionAtLeast(res, 62)) throw notFound('The resource could not be found.');
    if (!callerOf(res).isAdmin) throw new CinderFault(403, 'You are not authorized to perform this operation.');
  };
  const view = (projectId: string, typeId: string) => ({ project_id: projectId, volume_type_id: typeId });
  const send = (res: Response, body: unknown) => {
    markCinderResponse(res);
    res.json(body);
  };
  const missing = (project: string) => notFound(`Default type for project ${project} not found.`);

  router.put('/default-types/:project', jsonBody, (req, res) => {
    gate(res);
    const body = bodyObject(req, 'default_type');
    const name = body.volume_type;
    if (typeof name !== 'string' || !name) {
      throw badRequest(
        `Invalid input for field/attribute default_type. Value: {}. 'volume_type' is a required property`,
      );
    }
    const type = state.findType(name);
    // default_types.py turns a missing type into a 400, unlike everywhere else.
    if (!type) throw badRequest(`Volume type with name ${name} could not be found.`);
    state.defaultTypes.set(req.params.project, type.id);
    ctx.persist();
    send(res, { default_type: view(req.params.project, type.id) });
  });

  router.get('/default-types/:project', (req, res) => {
    gate(res);
    const typeId = state.defaultTypes.get(req.params.project);
    if (!typeId) throw missing(req.params.project);
    send(res, { default_type: view(req.params.project, typeId) });
  });

  router.get('/default-types', (_req, res) => {
    gate(res);
    send(res, { default_types: [...state.defaultTypes].map(([project, typeId]) => view(project, typeId)) });
  });

  router.delete('/default-types/:project', (req, res) => {
    gate(res);
    if (!state.defaultTypes.delete(req.params.project)) throw missing(req.params.project);
    ctx.persist();
    res.status(204).end();
  });
  return router;
}
