import type { Request, Response } from 'express';
import { notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { findVolume } from './lookups.js';
import { guardVolumeMetadata } from './metadata-routes.js';
import { param, requireMember } from './request.js';
import type { CinderService } from './service.js';
import { checkMetadataObject, checkNoExtraKeys, invalidField, pyRepr } from './validation.js';

/** The Glance properties a volume carries (`volume_image_metadata`), as volume actions. */
export const IMAGE_METADATA_ACTIONS = ['os-set_image_metadata', 'os-unset_image_metadata', 'os-show_image_metadata'];

/** The action's own object, checked as its jsonschema does (before the volume is looked up). */
function actionObject(name: string, value: unknown, required: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidField(name, value, `${pyRepr(value)} is not of type 'object'`);
  }
  const args = value as Record<string, unknown>;
  if (!(required in args)) throw invalidField(name, args, `'${required}' is a required property`);
  checkNoExtraKeys(name, args, [required]);
  return args;
}

/** `key`: a string of 1 to 255 characters. */
function checkKey(value: unknown): string {
  if (typeof value !== 'string') throw invalidField('key', value, `${pyRepr(value)} is not of type 'string'`);
  if (value.length === 0) throw invalidField('key', value, `${pyRepr(value)} is too short`);
  if ([...value].length > 255) throw invalidField('key', value, `${pyRepr(value)} is too long`);
  return value;
}

/**
 * `api/contrib/volume_image_metadata.py`: `os-set_image_metadata` merges properties and answers
 * 200 with all of them, `os-unset_image_metadata` removes one (200, empty; 404 for an unknown key),
 * `os-show_image_metadata` reads them (404 when the volume has none). Writes obey the volume
 * metadata rules: both policies, and no change in `maintenance` or `uploading`.
 */
export function imageMetadataAction(service: CinderService, req: Request, res: Response, name: string): void {
  const raw = (req.body as Record<string, unknown>)[name];
  const glanceNotFound = (id: string) => notFound(`Glance metadata for volume/snapshot ${id} cannot be found.`);
  const send = (body: unknown) => {
    markCinderResponse(res);
    if (body === undefined) res.status(200).end();
    else res.status(200).json(body);
  };

  if (name === 'os-show_image_metadata') {
    const volume = findVolume(service, res, param(req, 'id'));
    if (!volume.imageMetadata || Object.keys(volume.imageMetadata).length === 0) throw glanceNotFound(volume.id);
    send({ metadata: volume.imageMetadata });
    return;
  }

  if (name === 'os-set_image_metadata') {
    const args = actionObject(name, raw, 'metadata');
    const metadata = checkMetadataObject('metadata', args.metadata);
    const volume = findVolume(service, res, param(req, 'id'));
    requireMember(res, 'volume_extension:volume_image_metadata:set');
    requireMember(res, 'volume:update_volume_metadata');
    guardVolumeMetadata(volume, 'update');
    volume.imageMetadata = { ...volume.imageMetadata, ...metadata };
    service.ctx.persist();
    send({ metadata: volume.imageMetadata });
    return;
  }

  const key = checkKey(actionObject(name, raw, 'key').key);
  const volume = findVolume(service, res, param(req, 'id'));
  requireMember(res, 'volume_extension:volume_image_metadata:remove');
  if (!volume.imageMetadata || !Object.hasOwn(volume.imageMetadata, key)) throw glanceNotFound(volume.id);
  requireMember(res, 'volume:delete_volume_metadata');
  guardVolumeMetadata(volume, 'delete');
  const rest = Object.fromEntries(Object.entries(volume.imageMetadata).filter(([k]) => k !== key));
  volume.imageMetadata = Object.keys(rest).length > 0 ? rest : null;
  service.ctx.persist();
  send(undefined);
}
