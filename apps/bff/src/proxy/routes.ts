import type { Request, RequestHandler, Response } from 'express';
import type { AuditLog } from '../audit/audit-log.js';
import { describeCinderCall } from '../audit/describe-call.js';
import { auditEntry } from '../audit/entry.js';
import { ownerOfTarget } from '../audit/owner.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import type { LiveRelay } from '../live/relay.js';
import type { Metrics } from '../metrics.js';
import { currentCloud } from '../cloud/directory.js';
import { clearCookie } from '../session/cookie.js';
import { currentSession, requireSession, type LoadedSession } from '../session/middleware.js';
import type { SessionStore } from '../session/store.js';
import { upstreamAgents } from '../tls.js';
import { chooseMicroversion } from './headers.js';
import { rewriteLinks } from './links.js';
import { upstreamProxy } from './upstream-proxy.js';
import { validateCinderBody } from './validate-body.js';

/** What the console asks of Cinder and Glance; anything else is answered 405 by the BFF. */
const CINDER_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'] as const;
const GLANCE_METHODS = ['GET', 'HEAD'] as const;

/** Where the owner of an admin's target is kept between the look-up and the audit entry. */
const OWNER = 'auditOwner';

/** Cinder refuses bodies over this size (oslo sizelimit), so larger ones are refused here first. */
const CINDER_MAX_BODY = 114_688;

/**
 * Cinder calls that live beside the project, not below it: `/v3/default-types` (3.62) answers
 * only there (`/v3/{project}/default-types` is a 404 on a real cloud).
 */
const PROJECTLESS = /^\/default-types(?:\/|$)/;

/**
 * The cloud refused the session's token (revoked, or expired in Keystone): the session is over.
 * Ending it here makes the next request, and the browser's session check, say so plainly
 * instead of relaying the same refusal until the idle limit.
 */
/**
 * Refuses with 404 `code` a session whose catalog has no endpoint for the service (`endpointOf`
 * empty) in its region, before anything is proxied.
 */
export function requireEndpoint(
  endpointOf: (record: LoadedSession['record']) => string | undefined | null,
  code: string,
  message: string,
): RequestHandler {
  return (_req, res, next) => {
    if (!endpointOf(currentSession(res)!.record)) throw new HttpError(404, code, message);
    next();
  };
}

export function endSessionOnRefusal(store: SessionStore) {
  return async (req: Request, res: Response, session: LoadedSession): Promise<void> => {
    // A request that left before a project switch carries the token the switch revoked: the
    // session itself goes on with its new one.
    if ((await store.get(session.id))?.token !== session.record.token) return;
    await store.delete(session.id);
    clearCookie(req, res, currentCloud(res).sessionCookie);
  };
}

/** The Cinder endpoint without its trailing project id, when it has one. */
function withoutProject(endpoint: string, projectId: string): string {
  const suffix = `/${projectId}`;
  const trimmed = endpoint.replace(/\/+$/, '');
  return trimmed.endsWith(suffix) ? trimmed.slice(0, -suffix.length) : trimmed;
}

/**
 * `/api/cinder/*`: the session's Cinder at the negotiated microversion. Bodies are checked first;
 * every change is audited and makes the live relay look at the project at once.
 */
export function cinderRoutes(deps: {
  config: Config;
  relay: LiveRelay;
  audit: AuditLog;
  metrics: Metrics;
  store: SessionStore;
}): RequestHandler[] {
  const { config, relay, audit, metrics, store } = deps;
  return [
    requireSession,
    ...upstreamProxy({
      service: 'cinder',
      methods: CINDER_METHODS,
      endpointOf: (session, path) =>
        PROJECTLESS.test(path)
          ? withoutProject(session.record.volumeApi.url, session.record.project.id)
          : session.record.volumeApi.url,
      decorate: (req, session) => ({
        'OpenStack-API-Version': chooseMicroversion(
          req.get('OpenStack-API-Version'),
          session.record.volumeApi.microversion,
        ),
      }),
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      agents: upstreamAgents(config),
      maxBodyBytes: CINDER_MAX_BODY,
      validate: validateCinderBody,
      // The console's own address as the browser reached it (through a trusted proxy: its scheme and host).
      rewriteJson: (body, req, session) =>
        rewriteLinks(body, session.record.project.id, `${req.protocol}://${req.get('host')}/api/cinder`),
      prepare: async (req, res, next) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') {
          const { target } = describeCinderCall(req.method, req.url, req.body);
          res.locals[OWNER] = await ownerOfTarget(currentSession(res)!, target, config.UPSTREAM_TIMEOUT_MS);
        }
        next();
      },
      onTokenRefused: endSessionOnRefusal(store),
      observe: (status, seconds) => metrics.upstream.observe({ service: 'cinder', status: String(status) }, seconds),
      onMutation: (req, session, outcome) => {
        if (outcome.status < 400) relay.kick(session.record);
        const { action, target: called } = describeCinderCall(req.method, req.url, req.body);
        // A create names its resource only in the answer: the trail links to what was made.
        const target = called.id === null && outcome.createdId ? { ...called, id: outcome.createdId } : called;
        const ownerId = req.res?.locals[OWNER] as string | undefined;
        void audit.record(
          auditEntry(session.record, { action, target, status: outcome.status, requestId: outcome.requestId, ownerId }),
        );
        req.log?.info({ audit: { action, target, status: outcome.status } }, 'mutation');
      },
    }),
  ];
}

/** `/api/glance/*`: reads only. The console lists and shows images; uploads go through Cinder's upload action. */
export function glanceRoutes(deps: { config: Config; metrics: Metrics; store: SessionStore }): RequestHandler[] {
  const { config, metrics, store } = deps;
  return [
    requireSession,
    requireEndpoint(
      (record) => record.imageUrl,
      'noImageService',
      "The cloud's catalog has no image service (Glance) for this region.",
    ),
    ...upstreamProxy({
      service: 'glance',
      methods: GLANCE_METHODS,
      endpointOf: (session) => session.record.imageUrl!,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      agents: upstreamAgents(config),
      maxBodyBytes: 0,
      onTokenRefused: endSessionOnRefusal(store),
      observe: (status, seconds) => metrics.upstream.observe({ service: 'glance', status: String(status) }, seconds),
    }),
  ];
}
