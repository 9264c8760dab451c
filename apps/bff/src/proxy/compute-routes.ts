import { volumeAttachRequestSchema } from '@cinder-console/cinder';
import type { RequestHandler } from 'express';
import type { AuditLog } from '../audit/audit-log.js';
import { auditEntry } from '../audit/entry.js';
import type { Config } from '../config.js';
import { HttpError, validationError } from '../errors.js';
import type { LiveRelay } from '../live/relay.js';
import type { Metrics } from '../metrics.js';
import { requireSession } from '../session/middleware.js';
import type { SessionStore } from '../session/store.js';
import { upstreamAgents } from '../tls.js';
import { endSessionOnRefusal, requireEndpoint } from './routes.js';
import { upstreamProxy } from './upstream-proxy.js';

/** Nova's own request size limit is far larger; an attach body is a few hundred bytes. */
const COMPUTE_MAX_BODY = 4096;

const ID = '[^/]+';
/** The only Nova calls the console makes: server reads, and attach/detach of a volume. */
const ALLOWED: Array<{ method: string; path: RegExp }> = [
  { method: 'GET', path: /^\/servers(?:\/detail)?$/ },
  { method: 'GET', path: new RegExp(`^/servers/${ID}$`) },
  { method: 'GET', path: new RegExp(`^/servers/${ID}/os-volume_attachments(?:/${ID})?$`) },
  { method: 'POST', path: new RegExp(`^/servers/${ID}/os-volume_attachments$`) },
  { method: 'DELETE', path: new RegExp(`^/servers/${ID}/os-volume_attachments/${ID}$`) },
];

/** Refuses every compute call outside the list, before anything goes upstream. */
const allowListed: RequestHandler = (req, _res, next) => {
  const path = req.path;
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  if (ALLOWED.some((rule) => rule.method === method && rule.path.test(path))) return next();
  if (ALLOWED.some((rule) => rule.path.test(path))) {
    throw new HttpError(405, 'methodNotAllowed', `${req.method} is not allowed on this compute path.`);
  }
  throw new HttpError(404, 'notFound', 'The console reads servers and attaches volumes; nothing else goes to Nova.');
};

const validateAttach: RequestHandler = (req, _res, next) => {
  if (req.method !== 'POST') return next();
  const parsed = volumeAttachRequestSchema.safeParse(req.body);
  if (!parsed.success) throw validationError(parsed.error);
  next();
};

/** `volume.attach` / `volume.detach` on the volume, for the audit trail. */
function describeComputeCall(method: string, path: string, body: unknown) {
  const segments = path.split('?')[0]!.split('/').filter(Boolean);
  const server = segments[1] ?? null;
  const volumeId =
    method === 'POST'
      ? ((body as { volumeAttachment?: { volumeId?: string } } | undefined)?.volumeAttachment?.volumeId ?? null)
      : (segments[3] ?? null);
  return {
    action: method === 'POST' ? 'volume.attach' : 'volume.detach',
    target: { kind: 'volume', id: volumeId },
    server,
  };
}

/**
 * `/api/nova/*`: the session's compute service (Nova), reads of servers and the attach and detach
 * of volumes, with the same path guard, header allow-lists and error envelope as Cinder and
 * Glance. No microversion is sent: 2.1 has everything the console reads. A change makes the live
 * relay look at the project at once, so the volume's attaching/detaching shows without a refetch.
 */
export function computeRoutes(deps: {
  config: Config;
  relay: LiveRelay;
  audit: AuditLog;
  metrics: Metrics;
  store: SessionStore;
}): RequestHandler[] {
  const { config, relay, audit, metrics, store } = deps;
  return [
    requireSession,
    requireEndpoint(
      (record) => record.computeUrl,
      'noComputeService',
      "The cloud's catalog has no compute service (Nova) for this region.",
    ),
    allowListed,
    ...upstreamProxy({
      service: 'nova',
      // The allow-list above narrows each path further; these are all that any path may use.
      methods: ['GET', 'HEAD', 'POST', 'DELETE'],
      endpointOf: (session) => session.record.computeUrl!,
      // a browser's microversion header is not forwarded: the console speaks 2.1
      decorate: () => ({ 'OpenStack-API-Version': undefined, 'X-OpenStack-Nova-API-Version': undefined }),
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      agents: upstreamAgents(config),
      maxBodyBytes: COMPUTE_MAX_BODY,
      validate: validateAttach,
      onTokenRefused: endSessionOnRefusal(store),
      observe: (status, seconds) => metrics.upstream.observe({ service: 'nova', status: String(status) }, seconds),
      onMutation: (req, session, outcome) => {
        if (outcome.status < 400) relay.kick(session.record);
        const { action, target, server } = describeComputeCall(req.method, req.url, req.body);
        void audit.record(
          auditEntry(session.record, { action, target, status: outcome.status, requestId: outcome.requestId }),
        );
        req.log?.info({ audit: { action, target, server, status: outcome.status } }, 'mutation');
      },
    }),
  ];
}
