import type { RequestHandler } from 'express';
import type { AuditLog } from '../audit/audit-log.js';
import { describeCinderCall } from '../audit/describe-call.js';
import { auditEntry } from '../audit/entry.js';
import type { Config } from '../config.js';
import { HttpError } from '../errors.js';
import type { LiveRelay } from '../live/relay.js';
import type { Metrics } from '../metrics.js';
import { currentSession, requireSession } from '../session/middleware.js';
import { upstreamAgents } from '../tls.js';
import { chooseMicroversion } from './headers.js';
import { upstreamProxy } from './upstream-proxy.js';
import { validateCinderBody } from './validate-body.js';

/** Cinder refuses bodies over this size (oslo sizelimit), so larger ones are refused here first. */
const CINDER_MAX_BODY = 114_688;

/**
 * Cinder calls that live beside the project, not below it: `/v3/default-types` (3.62) answers
 * only there (`/v3/{project}/default-types` is a 404 on a real cloud).
 */
const PROJECTLESS = /^\/default-types(?:\/|$)/;

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
}): RequestHandler[] {
  const { config, relay, audit, metrics } = deps;
  return [
    requireSession,
    ...upstreamProxy({
      service: 'cinder',
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
      observe: (status, seconds) => metrics.upstream.observe({ service: 'cinder', status: String(status) }, seconds),
      onMutation: (req, session, outcome) => {
        if (outcome.status < 400) relay.kick(session.record);
        const { action, target } = describeCinderCall(req.method, req.url, req.body);
        void audit.record(auditEntry(session.record, { action, target, ...outcome }));
        req.log?.info({ audit: { action, target, status: outcome.status } }, 'mutation');
      },
    }),
  ];
}

/** `/api/glance/*`: reads only. The console lists and shows images; uploads go through Cinder's upload action. */
export function glanceRoutes(deps: { config: Config; metrics: Metrics }): RequestHandler[] {
  const { config, metrics } = deps;
  return [
    requireSession,
    (req, res, next) => {
      if (!currentSession(res)!.record.imageUrl) {
        throw new HttpError(
          404,
          'noImageService',
          "The cloud's catalog has no image service (Glance) for this region.",
        );
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new HttpError(405, 'methodNotAllowed', 'Only image reads go through the console.');
      }
      next();
    },
    ...upstreamProxy({
      service: 'glance',
      endpointOf: (session) => session.record.imageUrl!,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      agents: upstreamAgents(config),
      maxBodyBytes: 0,
      observe: (status, seconds) => metrics.upstream.observe({ service: 'glance', status: String(status) }, seconds),
    }),
  ];
}
