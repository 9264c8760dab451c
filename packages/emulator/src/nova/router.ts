import express from 'express';
import { authenticateCaller } from '../cinder/caller.js';
import type { EmulatorContext } from '../context.js';
import { novaFault } from './faults.js';
import { MAX_VERSION, MIN_VERSION, negotiateComputeVersion } from './microversion.js';
import { serversRouter } from './servers.js';
import { volumeAttachmentsRouter } from './volume-attachments.js';

/**
 * A subset of Nova's compute API v2.1 under `/compute/v2.1` (devstack's layout): servers (list,
 * detail, show) and their `os-volume_attachments`. The version document needs no token;
 * everything else passes keystonemiddleware, then microversion negotiation.
 */
export function novaRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const versionDocument = () => ({
    id: 'v2.1',
    status: 'CURRENT',
    version: MAX_VERSION.join('.'),
    min_version: MIN_VERSION.join('.'),
    updated: '2013-07-23T11:33:21Z',
    links: [
      { rel: 'self', href: `${ctx.computeUrl}/` },
      { rel: 'describedby', type: 'text/html', href: 'http://docs.openstack.org/' },
    ],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.compute+json;version=2.1' }],
  });
  router.get('/v2.1', negotiateComputeVersion, (_req, res) => res.json({ version: versionDocument() }));
  router.get('/v2.1/', negotiateComputeVersion, (_req, res) => res.json({ version: versionDocument() }));

  const v21 = express.Router();
  v21.use(authenticateCaller(ctx), negotiateComputeVersion);
  // Nova's routes carry an optional project id segment (`/v2.1/{project_id}/servers`)
  v21.use((req, res, next) => {
    const match = /^\/([0-9a-f]{32})(\/.*)$/.exec(req.path);
    if (match) {
      if (match[1] !== res.locals.caller.projectId) {
        return novaFault(res, 400, "Project ID in URL doesn't match the project in the token");
      }
      req.url = match[2]! + (req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '');
    }
    next();
  });
  v21.use(serversRouter(ctx));
  v21.use(volumeAttachmentsRouter(ctx));
  v21.use((_req, res) => novaFault(res, 404, 'The resource could not be found.'));
  v21.use(((err, _req, res, _next) => {
    const status = (err as { status?: number }).status ?? 500;
    if (status === 400) return novaFault(res, 400, 'Malformed request body');
    if (status === 413) return novaFault(res, 413, 'Request is too large.');
    return novaFault(res, 500, 'Unexpected API Error.');
  }) as express.ErrorRequestHandler);
  router.use('/v2.1', v21);
  return router;
}
