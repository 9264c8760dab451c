import { randomUUID } from 'node:crypto';
import type express from 'express';
import type { Request, Response } from 'express';
import { jsonBody } from '../http/json-body.js';
import { cinderTime } from '../http/time.js';
import { badRequest, CinderFault, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import type { TypeEncryptionRecord, VolumeTypeRecord } from './records.js';
import { bodyObject, requireAdmin } from './request.js';
import type { CinderService } from './service.js';
import { invalidField, pyRepr } from './validation.js';

const SERVER_ERRED = 'The server has either erred or is incapable of performing the requested operation.';
const CONTROL_LOCATIONS = ['front-end', 'back-end'] as const;
/** The columns of Cinder's `encryption` table that a body may set; other keys are echoed, never stored. */
const COLUMNS = { provider: 'provider', cipher: 'cipher', key_size: 'keySize', control_location: 'controlLocation' };

/** The `volume_type_encryption` jsonschema: `provider` and `control_location` required on create only. */
function checkSchema(body: Record<string, unknown>, creating: boolean): void {
  for (const field of creating ? ['provider', 'control_location'] : []) {
    if (!(field in body)) throw invalidField('encryption', body, `${pyRepr(field)} is a required property`);
  }
  const { provider, cipher, key_size: keySize, control_location: location } = body;
  if (provider !== undefined && typeof provider !== 'string')
    throw invalidField('provider', provider, `${pyRepr(provider)} is not of type 'string'`);
  if (typeof provider === 'string' && provider.length > 255)
    throw invalidField('provider', provider, `${pyRepr(provider)} is too long`);
  if (cipher !== undefined && cipher !== null && typeof cipher !== 'string')
    throw invalidField('cipher', cipher, `${pyRepr(cipher)} is not of type 'string', 'null'`);
  if (location !== undefined && !CONTROL_LOCATIONS.includes(location as never))
    throw invalidField('control_location', location, `${pyRepr(location)} is not one of ${pyRepr(CONTROL_LOCATIONS)}`);
  if (typeof keySize === 'number' && keySize < 0)
    throw invalidField('key_size', keySize, `${keySize} is less than the minimum of 0`);
}

/** `utils.validate_integer`, which runs after the schema: a digit string becomes a number. */
function keySizeOf(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return value;
  const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number))
    throw badRequest('Invalid input received: key_size must be an integer.');
  if (number < 0) throw badRequest('Invalid input received: key_size must be >= 0.');
  return number;
}

/** How Cinder's index shows the row: every column, `deleted` flags included. */
function encryptionView(type: VolumeTypeRecord, e: TypeEncryptionRecord) {
  return {
    created_at: cinderTime(e.createdAt),
    updated_at: e.updatedAt ? cinderTime(e.updatedAt) : null,
    deleted_at: null,
    deleted: false,
    encryption_id: e.encryptionId,
    cipher: e.cipher,
    key_size: e.keySize,
    provider: e.provider,
    control_location: e.controlLocation,
    volume_type_id: type.id,
  };
}

/**
 * `/types/{id}/encryption[/{key_or_id}]`, admin only. Cinder refuses every change while a volume of
 * the type exists, ignores the encryption id in the path of PUT and DELETE (a type has one spec),
 * and accepts keys beyond its columns: they are echoed in the answer but not stored.
 */
export function addTypeEncryptionRoutes(router: express.Router, service: CinderService): void {
  const { state, ctx } = service;
  const send = (res: Response, body: unknown) => {
    markCinderResponse(res);
    res.json(body);
  };
  const existingType = (id: string) => {
    const type = state.volumeTypes.get(id);
    if (!type) throw notFound(`Volume type ${id} could not be found.`);
    return type;
  };
  const noEncryption = (id: string) => notFound(`Volume type encryption for type ${id} does not exist.`);
  const checkNotInUse = (typeId: string, verb: 'create' | 'update' | 'delete') => {
    if (state.typeInUse(typeId)) throw badRequest(`Cannot ${verb} encryption specs. Volume type in use.`);
  };
  const encryptionBody = (req: Request, creating: boolean) => {
    const body = bodyObject(req, 'encryption');
    checkSchema(body, creating);
    return body;
  };

  router.get('/types/:id/encryption', (req, res) => {
    requireAdmin(res, 'volume_extension:volume_type_encryption:get');
    const type = existingType(req.params.id);
    send(res, type.encryption ? encryptionView(type, type.encryption) : {});
  });

  router.get('/types/:id/encryption/:key', (req, res) => {
    requireAdmin(res, 'volume_extension:volume_type_encryption:get');
    const type = existingType(req.params.id);
    const view: Record<string, unknown> = type.encryption ? encryptionView(type, type.encryption) : {};
    if (!(req.params.key in view)) throw noEncryption(type.id);
    send(res, { [req.params.key]: view[req.params.key] });
  });

  router.post('/types/:id/encryption', jsonBody, (req, res) => {
    const body = encryptionBody(req, true);
    requireAdmin(res, 'volume_extension:volume_type_encryption:create');
    const keySize = keySizeOf(body.key_size);
    checkNotInUse(req.params.id, 'create');
    const type = existingType(req.params.id);
    if (type.encryption) throw badRequest(`Volume type encryption for type ${type.id} already exists.`);
    type.encryption = {
      encryptionId: randomUUID(),
      provider: body.provider as string,
      cipher: (body.cipher as string | null | undefined) ?? null,
      keySize: keySize ?? null,
      controlLocation: body.control_location as TypeEncryptionRecord['controlLocation'],
      createdAt: new Date(),
      updatedAt: null,
    };
    ctx.persist();
    send(res, {
      encryption: {
        ...body,
        ...(keySize !== undefined ? { key_size: keySize } : {}),
        volume_type_id: type.id,
        encryption_id: type.encryption.encryptionId,
      },
    });
  });

  router.put('/types/:id/encryption/:encryptionId', jsonBody, (req, res) => {
    const body = encryptionBody(req, false);
    requireAdmin(res, 'volume_extension:volume_type_encryption:update');
    const keySize = keySizeOf(body.key_size);
    const type = existingType(req.params.id);
    checkNotInUse(type.id, 'update');
    const encryption = type.encryption;
    if (!encryption) throw noEncryption(type.id);
    // The database update names each key as a column: an unknown one fails inside Cinder.
    const unknown = Object.keys(body).filter((key) => !(key in COLUMNS));
    if (unknown.length > 0) throw new CinderFault(500, SERVER_ERRED);
    if (body.provider !== undefined) encryption.provider = body.provider as string;
    if (body.cipher !== undefined) encryption.cipher = body.cipher as string | null;
    if (keySize !== undefined) encryption.keySize = keySize;
    if (body.control_location !== undefined)
      encryption.controlLocation = body.control_location as TypeEncryptionRecord['controlLocation'];
    encryption.updatedAt = new Date();
    ctx.persist();
    send(res, { encryption: { ...body, ...(keySize !== undefined ? { key_size: keySize } : {}) } });
  });

  router.delete('/types/:id/encryption/:encryptionId', (req, res) => {
    requireAdmin(res, 'volume_extension:volume_type_encryption:delete');
    checkNotInUse(req.params.id, 'delete');
    const type = state.volumeTypes.get(req.params.id);
    if (!type?.encryption) throw noEncryption(req.params.id);
    delete type.encryption;
    ctx.persist();
    res.status(202).end();
  });
}
