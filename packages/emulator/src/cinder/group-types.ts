import { randomUUID } from 'node:crypto';
import express, { type Response } from 'express';
import { jsonBody } from '../http/json-body.js';
import { badRequest, conflict, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import type { GroupTypeRecord } from './group-records.js';
import { bodyObject, boolQuery, callerOf, param, requireAdmin, versionAtLeast } from './request.js';
import type { CinderService } from './service.js';
import { checkText } from './validation.js';

/** Group APIs appear at 3.11 (types), 3.13 (groups) and 3.14 (group snapshots); below, the route is unknown. */
export function requireGroupVersion(res: Response, minor: number): void {
  if (!versionAtLeast(res, minor)) throw notFound('The resource could not be found.');
}

function groupTypeView(res: Response, type: GroupTypeRecord) {
  return {
    id: type.id,
    name: type.name,
    description: type.description,
    is_public: type.isPublic,
    ...(callerOf(res).isAdmin ? { group_specs: type.groupSpecs } : {}),
  };
}

/** A group type by id or name, as the caller may see it. */
export function findGroupType(service: CinderService, res: Response, ref: string): GroupTypeRecord {
  const types = [...service.state.groupTypes.values()];
  const type = types.find((t) => t.id === ref) ?? types.find((t) => t.name === ref);
  if (!type || (!type.isPublic && !callerOf(res).isAdmin)) throw notFound(`Group type ${ref} could not be found.`);
  return type;
}

function checkSpecs(value: unknown): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest(`Invalid input for field/attribute group_specs. Value: ${String(value)}.`);
  const specs: Record<string, string> = {};
  for (const [key, spec] of Object.entries(value)) {
    if (key.length === 0 || key.length > 255 || typeof spec !== 'string' || spec.length > 255)
      throw badRequest(`Invalid input for field/attribute group_specs. Value: ${JSON.stringify(value)}.`);
    specs[key] = spec;
  }
  return specs;
}

/** `/group_types` and their `group_specs` (admin writes; everyone reads the public types). */
export function groupTypesRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  const send = (res: Response, status: number, body: unknown) => {
    markCinderResponse(res);
    res.status(status).json(body);
  };

  router.get('/group_types', (req, res) => {
    requireGroupVersion(res, 11);
    // `_parse_is_public`: absent means public only, `None` means all (admins only), else a boolean.
    const raw = callerOf(res).isAdmin && typeof req.query.is_public === 'string' ? req.query.is_public : undefined;
    const isPublic = raw === undefined ? true : raw.toLowerCase() === 'none' ? undefined : boolQuery(req, 'is_public');
    const types = [...state.groupTypes.values()].filter((t) => isPublic === undefined || t.isPublic === isPublic);
    const [key = 'created_at', dir = 'asc'] =
      typeof req.query.sort === 'string'
        ? req.query.sort.split(':')
        : [String(req.query.sort_key ?? 'created_at'), String(req.query.sort_dir ?? 'asc')];
    if (key === 'name') types.sort((a, b) => a.name.localeCompare(b.name) * (dir === 'desc' ? -1 : 1));
    else if (dir === 'desc') types.reverse();
    send(res, 200, { group_types: types.map((t) => groupTypeView(res, t)) });
  });

  router.get('/group_types/default', (_req, res) => {
    requireGroupVersion(res, 11);
    throw notFound('Default group type can not be found.');
  });

  router.get('/group_types/:id', (req, res) => {
    requireGroupVersion(res, 11);
    send(res, 200, { group_type: groupTypeView(res, findGroupType(service, res, param(req, 'id'))) });
  });

  router.post('/group_types', jsonBody, (req, res) => {
    requireGroupVersion(res, 11);
    requireAdmin(res, 'group:group_types:create');
    const body = bodyObject(req, 'group_type');
    const name = checkText('name', body.name, { minLength: 1 });
    if (!name) throw badRequest("'name' is a required property");
    if ([...state.groupTypes.values()].some((t) => t.name === name))
      throw conflict(`Group Type ${name} already exists.`);
    const type: GroupTypeRecord = {
      id: randomUUID(),
      name,
      description: checkText('description', body.description ?? null),
      isPublic: body.is_public === undefined ? true : body.is_public === true || body.is_public === 'true',
      groupSpecs: body.group_specs === undefined ? {} : checkSpecs(body.group_specs),
    };
    state.groupTypes.set(type.id, type);
    ctx.persist();
    send(res, 202, { group_type: groupTypeView(res, type) });
  });

  router.put('/group_types/:id', jsonBody, (req, res) => {
    requireGroupVersion(res, 11);
    requireAdmin(res, 'group:group_types:update');
    const type = findGroupType(service, res, param(req, 'id'));
    const body = bodyObject(req, 'group_type');
    if (body.name !== undefined) {
      const name = checkText('name', body.name, { minLength: 1 });
      if (name && [...state.groupTypes.values()].some((t) => t.name === name && t.id !== type.id))
        throw conflict(`Group Type ${name} already exists.`);
      if (name) type.name = name;
    }
    if (body.description !== undefined) type.description = checkText('description', body.description);
    if (body.is_public !== undefined) type.isPublic = body.is_public === true || body.is_public === 'true';
    ctx.persist();
    send(res, 200, { group_type: groupTypeView(res, type) });
  });

  router.delete('/group_types/:id', (req, res) => {
    requireGroupVersion(res, 11);
    requireAdmin(res, 'group:group_types:delete');
    const type = findGroupType(service, res, param(req, 'id'));
    if ([...state.groups.values()].some((g) => g.groupTypeId === type.id))
      throw badRequest(`Group Type ${type.id} deletion is not allowed with groups present with the type.`);
    state.groupTypes.delete(type.id);
    ctx.persist();
    res.status(202).end();
  });

  const specsOf = (req: express.Request, res: Response) => {
    requireGroupVersion(res, 11);
    requireAdmin(res, 'group:group_types_specs');
    return findGroupType(service, res, param(req, 'id'));
  };
  const specOf = (type: GroupTypeRecord, key: string) => {
    if (!(key in type.groupSpecs)) throw notFound(`Group Type ${type.id} has no specs with key ${key}.`);
    return type.groupSpecs[key]!;
  };

  router.get('/group_types/:id/group_specs', (req, res) =>
    send(res, 200, { group_specs: specsOf(req, res).groupSpecs }),
  );

  router.post('/group_types/:id/group_specs', jsonBody, (req, res) => {
    const type = specsOf(req, res);
    const specs = checkSpecs((req.body as Record<string, unknown> | undefined)?.group_specs);
    Object.assign(type.groupSpecs, specs);
    ctx.persist();
    send(res, 202, { group_specs: specs });
  });

  router.get('/group_types/:id/group_specs/:key', (req, res) => {
    const type = specsOf(req, res);
    const key = param(req, 'key');
    send(res, 200, { [key]: specOf(type, key) });
  });

  router.put('/group_types/:id/group_specs/:key', jsonBody, (req, res) => {
    const type = specsOf(req, res);
    const key = param(req, 'key');
    const body = checkSpecs(req.body);
    if (!(key in body)) throw badRequest('Request body and URI mismatch');
    if (Object.keys(body).length > 1) throw badRequest('Request body contains too many items');
    type.groupSpecs[key] = body[key]!;
    ctx.persist();
    send(res, 200, { [key]: body[key] });
  });

  router.delete('/group_types/:id/group_specs/:key', (req, res) => {
    const type = specsOf(req, res);
    const key = param(req, 'key');
    specOf(type, key);
    delete type.groupSpecs[key];
    ctx.persist();
    res.status(202).end();
  });

  return router;
}
