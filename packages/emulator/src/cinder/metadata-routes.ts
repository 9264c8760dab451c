import type express from 'express';
import type { Request, Response } from 'express';
import { jsonBody } from '../http/json-body.js';
import { badRequest, notFound } from './errors.js';
import { markCinderResponse } from './faults.js';
import { param, requireMember } from './request.js';
import { checkMetadata } from './validation.js';

interface WithMetadata {
  id: string;
  status: string;
  metadata: Record<string, string>;
  updatedAt: Date | null;
}

export interface MetadataSpec<T extends WithMetadata> {
  /** `volumes` or `snapshots`. */
  collection: string;
  /** `Volume` or `Snapshot`, for messages. */
  label: string;
  find: (res: Response, id: string) => T;
  /** Throws when the resource's status forbids metadata changes (`delete` tells which kind). */
  guard?: (resource: T, kind: 'update' | 'delete') => void;
  persist: () => void;
}

function metadataBody(req: Request, key: 'metadata' | 'meta'): Record<string, string> {
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || !(key in body)) throw badRequest('Malformed request body');
  return checkMetadata(key, body[key]);
}

/**
 * The metadata sub-resource Cinder gives volumes and snapshots: POST merges, PUT replaces,
 * `/metadata/{key}` reads, sets (exactly one key, equal to the URL's) or deletes one key.
 */
export function addMetadataRoutes<T extends WithMetadata>(router: express.Router, spec: MetadataSpec<T>): void {
  const base = `/${spec.collection}/:id/metadata`;
  const send = (res: Response, body: unknown) => {
    markCinderResponse(res);
    res.json(body);
  };
  const change = (res: Response, resource: T, kind: 'update' | 'delete', apply: () => void) => {
    requireMember(res, `volume:${kind}_${spec.collection === 'volumes' ? 'volume' : 'snapshot'}_metadata`);
    spec.guard?.(resource, kind);
    apply();
    resource.updatedAt = new Date();
    spec.persist();
  };

  router.get(base, (req, res) => send(res, { metadata: spec.find(res, param(req, 'id')).metadata }));

  router.post(base, jsonBody, (req, res) => {
    const resource = spec.find(res, param(req, 'id'));
    const metadata = metadataBody(req, 'metadata');
    change(res, resource, 'update', () => Object.assign(resource.metadata, metadata));
    send(res, { metadata: resource.metadata });
  });

  router.put(base, jsonBody, (req, res) => {
    const resource = spec.find(res, param(req, 'id'));
    const metadata = metadataBody(req, 'metadata');
    change(res, resource, 'update', () => (resource.metadata = metadata));
    send(res, { metadata });
  });

  router.get(`${base}/:key`, (req, res) => {
    const resource = spec.find(res, param(req, 'id'));
    const key = param(req, 'key');
    if (!(key in resource.metadata)) throw notFound(`${spec.label} ${resource.id} has no metadata with key ${key}.`);
    send(res, { meta: { [key]: resource.metadata[key] } });
  });

  router.put(`${base}/:key`, jsonBody, (req, res) => {
    const resource = spec.find(res, param(req, 'id'));
    const meta = metadataBody(req, 'meta');
    const keys = Object.keys(meta);
    if (keys.length > 1) throw badRequest('Request body contains too many items');
    if (keys[0] !== param(req, 'key')) throw badRequest('Request body and URI mismatch');
    change(res, resource, 'update', () => Object.assign(resource.metadata, meta));
    send(res, { meta });
  });

  router.delete(`${base}/:key`, (req, res) => {
    const resource = spec.find(res, param(req, 'id'));
    const key = param(req, 'key');
    if (!(key in resource.metadata)) throw notFound(`${spec.label} ${resource.id} has no metadata with key ${key}.`);
    change(res, resource, 'delete', () => delete resource.metadata[key]);
    markCinderResponse(res);
    res.status(200).end();
  });
}
