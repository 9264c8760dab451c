import express, { type Response } from 'express';
import { jsonBody } from '../http/json-body.js';
import { badRequest, conflict, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { pageParams } from './pagination.js';
import { findVisibleType } from './lookups.js';
import { bodyObject, callerOf, requireAdmin } from './request.js';
import type { CinderService } from './service.js';
import { addExtraSpecRoutes } from './type-extra-specs.js';
import { addTypeAccessRoutes } from './type-access.js';
import { addTypeEncryptionRoutes } from './type-encryption.js';
import { typeView } from './type-views.js';
import { checkBoolean, checkNoExtraKeys, checkText, invalidField, pyRepr } from './validation.js';

function checkTypeName(value: unknown): string {
  const name = checkText('name', value, { minLength: 1 });
  if (name === null) throw invalidField('name', value, "None is not of type 'string'");
  if (!name.trim()) throw badRequest("An invalid 'name' value was provided. The 'name' can not be empty.");
  return name;
}

function checkSpecs(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalidField('extra_specs', value, `${pyRepr(value)} is not of type 'object'`);
  for (const [key, item] of Object.entries(value)) {
    if (!/^[a-zA-Z0-9-_:. /]{1,255}$/.test(key)) {
      throw invalidField(
        'extra_specs',
        value,
        `${pyRepr(key)} does not match any of the regexes: '^[a-zA-Z0-9-_:. /]{1,255}$'`,
      );
    }
    if (item !== null && typeof item !== 'string')
      throw invalidField(key, item, `${pyRepr(item)} is not of type 'string', 'null'`);
  }
  return { ...(value as Record<string, string>) };
}

/** Volume types: list, show, create, update, delete, plus extra specs, access and encryption. */
export function typesRouter(service: CinderService): express.Router {
  const { state, ctx } = service;
  const router = express.Router();
  const send = (res: Response, body: unknown, status = 200) => {
    markCinderResponse(res);
    res.status(status).json(body);
  };

  router.get('/types', (req, res) => {
    const caller = callerOf(res);
    // Only admins choose: for everyone else Cinder forces public types plus their own private ones.
    const raw = caller.isAdmin ? req.query.is_public : undefined;
    let filter: boolean | null = caller.isAdmin ? true : null;
    if (raw !== undefined) {
      const text = String(raw).toLowerCase();
      if (text === 'none') filter = null;
      else if (['true', 'false', '1', '0', 't', 'f', 'yes', 'no'].includes(text))
        filter = ['true', '1', 't', 'yes'].includes(text);
      else throw badRequest(`Invalid is_public filter [${String(raw)}]`);
    }
    const page = pageParams(req);
    if ('error' in page) throw badRequest(page.error);
    let types = [...state.volumeTypes.values()].filter((t) => {
      if (!caller.isAdmin) return state.typeVisibleTo(t, caller.projectId, false);
      if (filter === null) return true;
      // Admins asking for public types also get the private ones their own project may use.
      return filter ? t.isPublic || t.access.includes(caller.projectId) : !t.isPublic;
    });
    // Cinder's default order: newest first, ties by id.
    types.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    if (page.marker) {
      const index = types.findIndex((t) => t.id === page.marker);
      if (index < 0) throw notFound(`Volume type ${page.marker} could not be found.`);
      types = types.slice(index + 1);
    }
    send(res, { volume_types: types.slice(0, page.limit).map((t) => typeView(res, t)) });
  });

  router.get('/types/:id', (req, res) => {
    const type = findVisibleType(service, res, req.params.id);
    send(res, { volume_type: typeView(res, type, { accessFlag: req.params.id !== 'default' }) });
  });

  router.post('/types', jsonBody, (req, res) => {
    const body = bodyObject(req, 'volume_type');
    checkNoExtraKeys('volume_type', body, ['name', 'description', 'extra_specs', 'os-volume-type-access:is_public']);
    const name = checkTypeName(body.name);
    const description = checkText('description', body.description);
    const extraSpecs = checkSpecs(body.extra_specs);
    const raw = body['os-volume-type-access:is_public'];
    const isPublic = raw === undefined ? true : checkBoolean('os-volume-type-access:is_public', raw);
    // Schema errors come before the policy check, as in Cinder's decorated handlers.
    requireAdmin(res, 'volume_extension:type_create');
    if (state.findType(name)?.name === name) throw conflict(`Volume Type ${name} already exists.`);
    const type = state.addVolumeType({ name, description, extraSpecs, isPublic });
    ctx.persist();
    send(res, {
      volume_type: {
        id: type.id,
        name,
        is_public: isPublic,
        extra_specs: extraSpecs,
        description,
        'os-volume-type-access:is_public': isPublic,
      },
    });
  });

  router.put('/types/:id', jsonBody, (req, res) => {
    const body = bodyObject(req, 'volume_type');
    checkNoExtraKeys('volume_type', body, ['name', 'description', 'is_public']);
    requireAdmin(res, 'volume_extension:type_update');
    const type = state.volumeTypes.get(req.params.id);
    if (!type) throw notFound(`Volume type ${req.params.id} could not be found.`);
    const { name, description, is_public: isPublic } = body;
    if ((name ?? null) === null && (description ?? null) === null && (isPublic ?? null) === null) {
      throw badRequest('Specify volume type name, description, is_public or a combination thereof.');
    }
    if (name !== undefined && name !== null) {
      if (typeof name !== 'string' || !name.trim()) throw badRequest('Volume type name can not be empty.');
      if (name !== type.name && state.findType(name)?.name === name)
        throw conflict(`Volume Type ${name} already exists.`);
      type.name = checkText('name', name)!;
    }
    if (description !== undefined && description !== null) type.description = checkText('description', description);
    if (isPublic !== undefined && isPublic !== null) type.isPublic = checkBoolean('is_public', isPublic);
    ctx.persist();
    send(res, {
      volume_type: {
        id: type.id,
        name: type.name,
        is_public: type.isPublic,
        extra_specs: type.extraSpecs,
        description: type.description,
      },
    });
  });

  router.delete('/types/:id', (req, res) => {
    requireAdmin(res, 'volume_extension:type_delete');
    const type = state.volumeTypes.get(req.params.id);
    if (!type) throw notFound(`Volume type ${req.params.id} could not be found.`);
    // volume_types.destroy checks default-ness before the database checks use.
    if (type.id === state.globalDefaultType.id || [...state.defaultTypes.values()].includes(type.id)) {
      throw badRequest(`The volume type ${type.id} is a default volume type and cannot be deleted.`);
    }
    if (state.typeInUse(type.id)) {
      throw badRequest('Target volume type is still in use.');
    }
    if (state.volumeTypes.size === 1) {
      throw badRequest(`The volume type ${type.id} is the only currently defined volume type and cannot be deleted.`);
    }
    state.volumeTypes.delete(type.id);
    ctx.persist();
    res.status(202).end();
  });

  addExtraSpecRoutes(router, service);
  addTypeAccessRoutes(router, service);
  addTypeEncryptionRoutes(router, service);
  return router;
}
