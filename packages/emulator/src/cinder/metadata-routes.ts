import { createHash } from 'node:crypto';
import type express from 'express';
import type { Request, Response } from 'express';
import { jsonBody } from '../http/json-body.js';
import { badRequest, CinderFault, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { checkBodyKeys, param, requireMember, versionAtLeast } from './request.js';
import { checkMetadataObject, invalidField, pyRepr } from './validation.js';

interface WithMetadata {
  id: string;
  status: string;
  metadata: Record<string, string>;
  updatedAt: Date | null;
}

export interface MetadataSpec<T extends WithMetadata> {
  /**
   * `volumes` (`api/v3/volume_metadata.py`: jsonschema bodies, ETags from 3.15, a status guard) or
   * `snapshots` (`api/v3/snapshot_metadata.py`: the older `assert_valid_body` checks and
   * `utils.check_metadata_properties`, with their own texts).
   */
  collection: 'volumes' | 'snapshots';
  /** `Volume` or `Snapshot`, for messages. */
  label: string;
  find: (res: Response, id: string) => T;
  /** Throws when the resource's status forbids metadata changes (`delete` tells which kind). */
  guard?: (resource: T, kind: 'update' | 'delete') => void;
  persist: () => void;
}

/** Python's `json.dumps` of `{"metadata": {...}}` (separators `, ` and `: `, non-ASCII escaped). */
function pythonJson(metadata: Record<string, string>): string {
  const str = (s: string) =>
    JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const items = Object.entries(metadata).map(([k, v]) => `${str(k)}: ${str(v)}`);
  return `{"metadata": {${items.join(', ')}}}`;
}

/** The 3.15 ETag of a volume's metadata: the MD5 of the JSON Cinder would send. */
function etagOf(metadata: Record<string, string>): string {
  return createHash('md5').update(pythonJson(metadata)).digest('hex');
}

/** `If-Match` as webob reads it: a list of entity tags, quoted or not. */
function ifMatchTags(req: Request): string[] | undefined {
  const header = req.get('If-Match');
  if (!header) return undefined;
  return header.split(',').map((tag) =>
    tag
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1'),
  );
}

const codePoints = (s: string) => [...s].length;

/** What a bare `webob.Response` is sent as (Express would lower-case the charset). */
const WEBOB_DEFAULT_TYPE = 'text/html; charset=UTF-8';

/** `parameter_types.extra_specs` with exactly one property: the `meta` of a single-key PUT. */
function checkSingleMeta(value: unknown): Record<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const count = Object.keys(value).length;
    if (count === 0) throw invalidField('meta', value, `${pyRepr(value)} does not have enough properties`);
    if (count > 1) throw invalidField('meta', value, `${pyRepr(value)} has too many properties`);
  }
  return checkMetadataObject('meta', value);
}

/** The jsonschema body of the volume calls: `{"<key>": {...}}` and nothing else. */
function schemaBody(req: Request, key: 'metadata' | 'meta'): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`${pyRepr(body)} is not of type 'object'`);
  }
  if (!(key in body)) throw badRequest(`'${key}' is a required property`);
  checkBodyKeys(req, [key]);
  return key === 'meta' ? checkSingleMeta(body[key]) : checkMetadataObject(key, body[key]);
}

/** `Controller.assert_valid_body`, which the snapshot calls use instead of a schema. */
function legacyBody(req: Request, key: 'metadata' | 'meta'): Record<string, unknown> {
  const body = req.body as Record<string, unknown> | undefined;
  const value = body && typeof body === 'object' ? body[key] : undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(`Missing required element '${key}' in request body.`);
  }
  return value as Record<string, unknown>;
}

/**
 * `utils.check_metadata_properties`: 400 `Invalid metadata` for a value that is not a string or
 * an empty key, 413 `Invalid metadata size` (without `retryAfter`) for anything over 255 characters.
 */
function checkMetadataProperties(metadata: Record<string, unknown>): Record<string, string> {
  for (const [key, value] of Object.entries(metadata)) {
    if (key.length === 0) {
      throw badRequest('Invalid metadata: Invalid input received: Metadata key:  has 0 characters, less than 1.');
    }
    if (typeof value !== 'string') {
      throw badRequest(
        `Invalid metadata: Invalid input received: Value for metadata key: ${key} is not a string or unicode`,
      );
    }
    if (codePoints(key) > 255) {
      throw new CinderFault(
        413,
        `Invalid metadata size: Metadata property key ${key} greater than 255 characters.`,
        false,
      );
    }
    if (codePoints(value) > 255) {
      throw new CinderFault(
        413,
        `Invalid metadata size: Metadata property key ${key} value greater than 255 characters.`,
        false,
      );
    }
  }
  return metadata as Record<string, string>;
}

/**
 * The metadata sub-resource Cinder gives volumes and snapshots: POST merges, PUT replaces,
 * `/metadata/{key}` reads, sets (exactly one key, equal to the URL's) or deletes one key. Volumes
 * and snapshots differ in validation, policy names and texts, as their controllers do.
 */
export function addMetadataRoutes<T extends WithMetadata>(router: express.Router, spec: MetadataSpec<T>): void {
  const base = `/${spec.collection}/:id/metadata`;
  const volumes = spec.collection === 'volumes';
  const send = (res: Response, body: unknown) => {
    markCinderResponse(res);
    res.json(body);
  };
  const keyNotFound = (resource: T, key: string) =>
    notFound(`${spec.label} ${resource.id} has no metadata with key ${key}.`);
  /** Policy, then the status guard, then the write (`volume/api.py` order). */
  const change = (res: Response, resource: T, rule: string, kind: 'update' | 'delete', apply: () => void) => {
    requireMember(res, rule);
    spec.guard?.(resource, kind);
    apply();
    resource.updatedAt = new Date();
    spec.persist();
  };
  const updateRule = volumes ? 'volume:update_volume_metadata' : 'volume:update_snapshot_metadata';
  const createRule = volumes ? 'volume:create_volume_metadata' : 'volume:update_snapshot_metadata';
  const deleteRule = volumes ? 'volume:delete_volume_metadata' : 'volume:delete_snapshot_metadata';
  /** Volumes from 3.15: a PUT with `If-Match` naming another ETag is refused with a bare 412. */
  const etagMismatch = (req: Request, res: Response): boolean => {
    if (!volumes || !versionAtLeast(res, 15)) return false;
    const tags = ifMatchTags(req);
    if (!tags) return false;
    const current = etagOf(spec.find(res, param(req, 'id')).metadata);
    if (tags.includes(current) || tags.includes('*')) return false;
    markCinderResponse(res);
    res.status(412).setHeader('Content-Type', WEBOB_DEFAULT_TYPE);
    res.end();
    return true;
  };

  router.get(base, (req, res) => {
    const { metadata } = spec.find(res, param(req, 'id'));
    if (volumes && versionAtLeast(res, 15)) {
      // From 3.15 the controller builds a bare webob Response: an ETag, and webob's default content type.
      markCinderResponse(res);
      res.setHeader('Etag', etagOf(metadata));
      res.setHeader('Content-Type', WEBOB_DEFAULT_TYPE);
      res.end(pythonJson(metadata));
      return;
    }
    send(res, { metadata });
  });

  router.post(base, jsonBody, (req, res) => {
    if (volumes) {
      const metadata = schemaBody(req, 'metadata');
      const resource = spec.find(res, param(req, 'id'));
      change(res, resource, createRule, 'update', () => Object.assign(resource.metadata, metadata));
      send(res, { metadata: resource.metadata });
      return;
    }
    const metadata = legacyBody(req, 'metadata');
    const resource = spec.find(res, param(req, 'id'));
    requireMember(res, createRule);
    const merged = checkMetadataProperties({ ...resource.metadata, ...metadata });
    change(res, resource, createRule, 'update', () => (resource.metadata = merged));
    send(res, { metadata: merged });
  });

  router.put(base, jsonBody, (req, res) => {
    if (volumes) {
      const metadata = schemaBody(req, 'metadata');
      if (etagMismatch(req, res)) return;
      const resource = spec.find(res, param(req, 'id'));
      change(res, resource, updateRule, 'update', () => (resource.metadata = metadata));
      send(res, { metadata });
      return;
    }
    const metadata = legacyBody(req, 'metadata');
    const resource = spec.find(res, param(req, 'id'));
    requireMember(res, updateRule);
    const replaced = checkMetadataProperties({ ...metadata });
    change(res, resource, updateRule, 'update', () => (resource.metadata = replaced));
    send(res, { metadata: replaced });
  });

  router.get(`${base}/:key`, (req, res) => {
    const resource = spec.find(res, param(req, 'id'));
    const key = param(req, 'key');
    if (!Object.hasOwn(resource.metadata, key)) throw keyNotFound(resource, key);
    send(res, { meta: { [key]: resource.metadata[key] } });
  });

  router.put(`${base}/:key`, jsonBody, (req, res) => {
    const key = param(req, 'key');
    const meta = volumes ? schemaBody(req, 'meta') : legacyBody(req, 'meta');
    if (etagMismatch(req, res)) return;
    if (!Object.hasOwn(meta, key)) throw badRequest('Request body and URI mismatch');
    if (Object.keys(meta).length > 1) throw badRequest('Request body contains too many items');
    const resource = spec.find(res, param(req, 'id'));
    if (!volumes) {
      requireMember(res, updateRule);
      checkMetadataProperties({ ...resource.metadata, ...meta });
    }
    change(res, resource, updateRule, 'update', () => Object.assign(resource.metadata, meta));
    send(res, { meta });
  });

  router.delete(`${base}/:key`, (req, res) => {
    const resource = spec.find(res, param(req, 'id'));
    const key = param(req, 'key');
    if (!Object.hasOwn(resource.metadata, key)) throw keyNotFound(resource, key);
    change(res, resource, deleteRule, 'delete', () => delete resource.metadata[key]);
    markCinderResponse(res);
    res.status(200).end();
  });
}

/** `volume/api.py`: no metadata writes while a volume is in `maintenance` or `uploading`. */
export function guardVolumeMetadata(volume: { status: string }, kind: 'update' | 'delete'): void {
  if (['maintenance', 'uploading'].includes(volume.status)) {
    const verb = kind === 'delete' ? 'Deleting' : 'Updating';
    throw badRequest(`Invalid volume: ${verb} volume metadata is not allowed for volumes in ${volume.status} status.`);
  }
}
