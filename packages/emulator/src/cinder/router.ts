import express from 'express';
import type { EmulatorContext } from '../context.js';
import { authenticateCaller, projectFromPath } from './caller.js';
import { markCinderResponse, webobNotFound } from './faults.js';
import { formatVersion, MAX_VERSION, MIN_VERSION, negotiateMicroversion } from './microversion.js';
import { volumesRouter } from './volumes.js';

function versionsDocument(ctx: EmulatorContext) {
  return {
    versions: [
      {
        id: 'v3.0',
        status: 'CURRENT',
        version: formatVersion(MAX_VERSION),
        min_version: formatVersion(MIN_VERSION),
        updated: '2022-08-31T00:00:00Z',
        links: [
          { rel: 'describedby', type: 'text/html', href: 'https://docs.openstack.org/' },
          { rel: 'self', href: `${ctx.publicUrl}/volume/v3/` },
        ],
        'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' }],
      },
    ],
  };
}

/**
 * Cinder under `/volume`, as devstack mounts it. The pipeline order is Cinder's: the versions
 * document needs no token, everything under `/v3` passes keystonemiddleware first, then
 * microversion negotiation, then the project check, then the resource routes.
 */
export function cinderRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();

  router.get('/', negotiateMicroversion, (_req, res) => {
    markCinderResponse(res);
    res.status(300).json(versionsDocument(ctx));
  });

  const v3 = express.Router();
  v3.use(authenticateCaller(ctx), negotiateMicroversion, projectFromPath);
  v3.get('/', (_req, res) => {
    markCinderResponse(res);
    res.json(versionsDocument(ctx));
  });
  v3.use(volumesRouter(ctx));
  router.use('/v3', v3);

  // Zed has no v2 API and no other paths: the versions app answers with a bare 404.
  router.use((_req, res) => webobNotFound(res));
  return router;
}
