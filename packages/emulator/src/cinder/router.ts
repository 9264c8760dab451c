import express, { type RequestHandler } from 'express';
import type { EmulatorContext } from '../context.js';
import { backupRecordsRouter } from './backup-records.js';
import { backupsRouter } from './backups.js';
import { authenticateCaller, projectFromPath } from './caller.js';
import { defaultTypesRouter } from './default-types.js';
import { cinderErrorHandler } from './errors.js';
import { cinderFault, markCinderResponse, webobNotFound } from './faults.js';
import { formatVersion, MAX_VERSION, MIN_VERSION, negotiateMicroversion } from './microversion.js';
import { miscRouter } from './misc.js';
import { backendStatsRouter } from './backend-stats.js';
import { limitsRouter } from './limits.js';
import { manageableRouter } from './manageable.js';
import { servicesRouter } from './services.js';
import { groupSnapshotsRouter } from './group-snapshots.js';
import { groupTypesRouter } from './group-types.js';
import { groupsRouter } from './groups.js';
import { qosSpecsRouter } from './qos-specs.js';
import { quotasRouter } from './quotas.js';
import type { CinderService } from './service.js';
import { snapshotsRouter } from './snapshots.js';
import { transfersRouter } from './transfers.js';
import { typesRouter } from './types.js';
import { vendorRollbackRouter } from './vendor-rollback.js';
import { volumeActionsRouter } from './volume-actions.js';
import { volumesRouter } from './volumes.js';
import { addMetadataRoutes, guardVolumeMetadata } from './metadata-routes.js';
import { findVolume } from './lookups.js';

function versionsDocument(service: CinderService) {
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
          { rel: 'self', href: `${service.ctx.publicUrl}${service.basePath}/v3/` },
        ],
        'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=3' }],
      },
    ],
  };
}

/** The versions document of a cloud that serves only v2 (Cinder before v3, or a vendor's v2 API). */
function v2VersionsDocument(service: CinderService) {
  return {
    versions: [
      {
        id: 'v2.0',
        status: 'CURRENT',
        version: '',
        min_version: '',
        updated: '2017-02-25T12:00:00Z',
        links: [
          { rel: 'describedby', type: 'text/html', href: 'https://docs.openstack.org/' },
          { rel: 'self', href: `${service.ctx.publicUrl}${service.basePath}/v2/` },
        ],
        'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.volume+json;version=2' }],
      },
    ],
  };
}

/** Cinder answers a body that is not JSON with 415 before reading it. */
const requireJson: RequestHandler = (req, res, next) => {
  const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
  if ((req.method === 'POST' || req.method === 'PUT') && hasBody && !req.is(['application/json', '+json'])) {
    return cinderFault(res, 415, 'Unsupported Content-Type');
  }
  next();
};

/** Every resource router of one API version, in routing order. */
function resources(service: CinderService, vendor: boolean): express.Router {
  const router = express.Router();
  router.use(requireJson);
  // Cinder's routes are strict about a trailing slash: `GET /volumes/` is webob's bare 404, not the list.
  router.use((req, res, next) => (req.path.length > 1 && req.path.endsWith('/') ? webobNotFound(res) : next()));
  router.get('/', (_req, res) => {
    markCinderResponse(res);
    res.json(versionsDocument(service));
  });
  router.use(manageableRouter(service));
  router.use(volumesRouter(service));
  router.use(volumeActionsRouter(service));
  addMetadataRoutes(router, {
    collection: 'volumes',
    label: 'Volume',
    find: (res, id) => findVolume(service, res, id),
    guard: guardVolumeMetadata,
    persist: () => service.ctx.persist(),
  });
  router.use(snapshotsRouter(service));
  router.use(backupRecordsRouter(service));
  router.use(backupsRouter(service));
  router.use(typesRouter(service));
  router.use(defaultTypesRouter(service));
  router.use(qosSpecsRouter(service));
  router.use(quotasRouter(service));
  router.use(transfersRouter(service));
  router.use(miscRouter(service));
  router.use(servicesRouter(service));
  router.use(groupTypesRouter(service));
  router.use(groupSnapshotsRouter(service));
  router.use(groupsRouter(service));
  router.use(backendStatsRouter(service));
  router.use(limitsRouter(service));
  if (vendor) router.use(vendorRollbackRouter(service));
  // Unknown paths and methods: oslo's router gives a bare webob 404, never 405.
  router.use((_req, res) => webobNotFound(res));
  router.use(cinderErrorHandler);
  return router;
}

/** The v2 API of older clouds: the 3.0 resources, no microversion negotiation, no version headers. */
const legacyVersion: RequestHandler = (_req, res, next) => {
  res.locals.microversion = MIN_VERSION;
  res.locals.legacy = true;
  next();
};

/**
 * One region's Cinder, as devstack mounts it. The pipeline order is Cinder's: the versions
 * document needs no token; everything under `/v3` passes keystonemiddleware, then microversion
 * negotiation, then the project check, then the resource routes.
 */
function cinderRouter(service: CinderService): express.Router {
  const { ctx } = service;
  const router = express.Router();
  const vendor = ctx.profile === 'huawei-evs';

  if (ctx.v2Only) {
    // A v2-only cloud: its versions document knows only v2.0 and sends no microversion headers.
    router.get('/', (_req, res) => res.status(300).json(v2VersionsDocument(service)));
  } else {
    router.get('/', negotiateMicroversion, (_req, res) => {
      markCinderResponse(res);
      res.status(300).json(versionsDocument(service));
    });
    const v3 = express.Router();
    v3.use(authenticateCaller(ctx), negotiateMicroversion, projectFromPath, resources(service, vendor));
    router.use('/v3', v3);
  }

  if (ctx.v2 || vendor) {
    const v2 = express.Router();
    v2.use(authenticateCaller(ctx), legacyVersion, projectFromPath, resources(service, vendor));
    router.use('/v2', v2);
  }

  // Zed has no v2 API and no other paths: the versions app answers with a bare 404.
  router.use((_req, res) => webobNotFound(res));
  return router;
}

/** Mounts every region's Cinder at its base path. */
export function mountCinder(app: express.Express, ctx: EmulatorContext): void {
  for (const [region, state] of ctx.regions) {
    const service: CinderService = { ctx, state, region, basePath: ctx.volumeBasePath(region) };
    app.use(service.basePath, cinderRouter(service));
  }
}
