import express, { type Request, type Response } from 'express';
import type { EmulatorContext } from '../context.js';
import { jsonBody } from '../http/json-body.js';
import { authRequestSchema } from './auth-request.js';
import { authenticate } from './authenticate.js';
import { keystoneError, unauthorized } from './errors.js';
import { buildCatalog } from './catalog.js';
import { federationRouter } from './federation.js';
import { renderProject, renderReceipt, renderToken } from './views.js';
import { applicationCredentialsRouter } from './admin/application-credentials.js';
import { credentialsRouter } from './admin/credentials.js';
import { domainsRouter } from './admin/domains.js';
import { grantsRouter } from './admin/grants.js';
import { groupsRouter } from './admin/groups.js';
import { projectsRouter } from './admin/projects.js';
import { rolesRouter } from './admin/roles.js';
import { usersRouter } from './admin/users.js';

function versionDocument(ctx: EmulatorContext) {
  return {
    id: 'v3.14',
    status: 'stable',
    updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `${ctx.identityUrl}/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  };
}

/** Keystone v3 under `/identity`, as devstack mounts it. */
export function keystoneRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.setHeader('Vary', 'X-Auth-Token');
    // Injected outage: Keystone answers nothing useful, as when its WSGI server is down behind a proxy.
    if (ctx.faults.keystoneDown) {
      res
        .status(503)
        .type('text/html')
        .send(
          '<html><body><h1>503 Service Unavailable</h1>No server is available to handle this request.</body></html>',
        );
      return;
    }
    next();
  });

  router.get('/', (_req, res) => {
    res.status(300).json({ versions: { values: [versionDocument(ctx)] } });
  });
  router.get(['/v3', '/v3/'], (_req, res) => {
    res.json({ version: versionDocument(ctx) });
  });

  router.post('/v3/auth/tokens', jsonBody, (req: Request, res: Response) => {
    const parsed = authRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      keystoneError(res, 400, `Invalid input for field 'auth': ${parsed.error.issues[0]?.message ?? 'malformed'}`);
      return;
    }
    const outcome = authenticate(ctx, parsed.data, req.get('Openstack-Auth-Receipt'));
    if (!outcome.ok && 'receipt' in outcome) {
      res.setHeader('Openstack-Auth-Receipt', outcome.receipt.id);
      res.status(401).json(renderReceipt(ctx, outcome.receipt.receipt, outcome.rules));
      return;
    }
    if (!outcome.ok) {
      if (outcome.status === 401) unauthorized(res, ctx);
      else keystoneError(res, outcome.status, outcome.message ?? 'Bad Request');
      return;
    }
    const { id, token } = ctx.tokens.issue(outcome);
    res.setHeader('X-Subject-Token', id);
    res.status(201).json(renderToken(ctx, token, !('nocatalog' in req.query)));
  });

  /** The caller's token must be valid for every other identity call. */
  const requireToken = (req: Request, res: Response, next: () => void): void => {
    const token = ctx.tokens.validate(req.get('X-Auth-Token'));
    if (!token) return unauthorized(res, ctx);
    res.locals.token = token;
    next();
  };

  router.get('/v3/auth/tokens', requireToken, (req, res) => {
    const subject = req.get('X-Subject-Token');
    const token = ctx.tokens.validate(subject);
    if (!subject || !token) {
      keystoneError(res, 404, 'Could not recognize Fernet token');
      return;
    }
    res.setHeader('X-Subject-Token', subject);
    res.json(renderToken(ctx, token, !('nocatalog' in req.query)));
  });

  router.delete('/v3/auth/tokens', requireToken, (req, res) => {
    const subject = req.get('X-Subject-Token');
    if (!subject || !ctx.tokens.revoke(subject)) {
      keystoneError(res, 404, 'Could not recognize Fernet token');
      return;
    }
    res.status(204).end();
  });

  router.get('/v3/auth/projects', requireToken, (_req, res) => {
    const projects = ctx.identity.projectsOf(res.locals.token.userId).map((p) => renderProject(ctx, p));
    res.json({ projects, links: { next: null, self: `${ctx.identityUrl}/v3/auth/projects`, previous: null } });
  });

  // WebSSO needs no token: it is how a federated user gets the first one.
  router.use(federationRouter(ctx));

  // Keystone's identity admin API and application credentials, each behind a valid token.
  const admin = [domainsRouter, projectsRouter, usersRouter, groupsRouter, rolesRouter, grantsRouter];
  router.use(
    '/v3',
    requireToken,
    jsonBody,
    ...[...admin, applicationCredentialsRouter, credentialsRouter].map((mount) => mount(ctx)),
  );

  router.get('/v3/auth/catalog', requireToken, (_req, res) => {
    const token = res.locals.token as { projectId?: string };
    res.json({ catalog: buildCatalog(ctx, token.projectId), links: { self: `${ctx.identityUrl}/v3/auth/catalog` } });
  });

  // Keystone's flask app answers an unreadable body with its own 400.
  router.use((err: { type?: string }, _req: Request, res: Response, next: (err?: unknown) => void) => {
    if (err.type === 'entity.parse.failed') return keystoneError(res, 400, 'Expecting value: line 1 column 1 (char 0)');
    if (err.type === 'entity.too.large') return keystoneError(res, 413, 'Request is too large.');
    next(err);
  });

  return router;
}
