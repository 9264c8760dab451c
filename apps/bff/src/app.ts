import express from 'express';
import type { Logger } from 'pino';
import { auditEntry } from './audit/entry.js';
import { MemoryAuditLog, type AuditLog } from './audit/audit-log.js';
import { describeCinderCall } from './audit/describe-call.js';
import { auditRouter } from './audit/router.js';
import { capabilitiesRouter } from './capabilities.js';
import { fetchDetailList } from './live/fetch-list.js';
import { LiveRelay } from './live/relay.js';
import { eventsRouter } from './live/router.js';
import type { Config } from './config.js';
import { errorHandler, HttpError, sendEnvelope } from './errors.js';
import { Metrics } from './metrics.js';
import { keystoneV3Base } from './keystone/auth-url.js';
import { keystoneClient } from './keystone/client.js';
import { createLogger, httpLogger } from './logger.js';
import { chooseMicroversion } from './proxy/headers.js';
import { upstreamProxy } from './proxy/upstream-proxy.js';
import { validateCinderBody } from './proxy/validate-body.js';
import { csrfProtection } from './security/csrf.js';
import { securityHeaders } from './security/headers.js';
import { currentSession, loadSession, requireSession } from './session/middleware.js';
import { sessionRouter } from './session/router.js';
import { RedisSessionStore } from './session/redis-store.js';
import { MemorySessionStore, type SessionStore } from './session/store.js';
import { TokenCipher } from './session/token-cipher.js';
import { spaRouter } from './static.js';

/** Cinder refuses bodies over this size (oslo sizelimit), so larger ones are refused here first. */
const CINDER_MAX_BODY = 114_688;

/** Live relay pacing past the configurable intervals: history kept for reconnects, and when an operation counts as long. */
const LIVE_REPLAY_EVENTS = 500;
const LIVE_SETTLE_AFTER_MS = 60_000;

export interface AppDeps {
  store?: SessionStore;
  audit?: AuditLog;
  logger?: Logger;
}

/** Composes the BFF. `index.ts`/`main.ts` only listen, so tests drive this in-process. */
export function createApp(
  config: Config,
  deps: AppDeps = {},
): { app: express.Express; store: SessionStore; relay: LiveRelay } {
  const store =
    deps.store ??
    (config.REDIS_URL
      ? RedisSessionStore.connect(config.REDIS_URL, new TokenCipher(config.SESSION_SECRET!))
      : new MemorySessionStore());
  const audit = deps.audit ?? new MemoryAuditLog();
  const logger = deps.logger ?? createLogger(config.LOG_LEVEL);
  const keystone = keystoneClient(keystoneV3Base(config.OS_AUTH_URL), config.UPSTREAM_TIMEOUT_MS);
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  const relay = new LiveRelay({
    fastMs: config.LIVE_FAST_MS,
    slowMs: config.LIVE_SLOW_MS,
    patientMs: config.LIVE_PATIENT_MS,
    settleAfterMs: LIVE_SETTLE_AFTER_MS,
    replay: LIVE_REPLAY_EVENTS,
    fetchList: (session, kind) => fetchDetailList(session, kind, config.UPSTREAM_TIMEOUT_MS),
  });

  const metrics = new Metrics({ livePollers: () => relay.activeScopes, sseClients: () => relay.subscriberCount });
  const keystoneBase = keystoneV3Base(config.OS_AUTH_URL);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(httpLogger(logger));
  app.use((req, res, next) => {
    res.locals.requestId = req.id;
    next();
  });
  app.use(securityHeaders);
  app.use(metrics.countRequests());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready when Keystone answers: without it nobody can sign in.
  app.get('/readyz', async (_req, res) => {
    const ok = await fetch(`${keystoneBase}/`, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) res.json({ status: 'ready' });
    else
      sendEnvelope(res, {
        error: {
          status: 503,
          code: 'keystoneUnavailable',
          message: 'Keystone (identity) cannot be reached.',
          upstream: 'keystone',
        },
      });
  });
  app.use('/metrics', metrics.router());

  const api = express.Router();
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(loadSession(store, idleMs));
  api.use(csrfProtection({ exempt: (method, path) => method === 'POST' && path === '/session' }));
  api.use('/session', sessionRouter({ config, store, keystone, audit }));
  api.use('/audit', auditRouter(audit));
  api.use('/capabilities', capabilitiesRouter());
  api.use('/events', eventsRouter(relay, store));
  api.use(
    '/glance',
    requireSession,
    (_req, res, next) => {
      if (!currentSession(res)!.record.imageUrl) {
        throw new HttpError(
          404,
          'noImageService',
          "The cloud's catalog has no image service (Glance) for this region.",
        );
      }
      next();
    },
    // Reads only: the console lists and shows images; uploads go through Cinder's upload action.
    (req, _res, next) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new HttpError(405, 'methodNotAllowed', 'Only image reads go through the console.');
      }
      next();
    },
    ...upstreamProxy({
      service: 'glance',
      endpointOf: (session) => session.record.imageUrl!,
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
      maxBodyBytes: 0,
    }),
  );
  api.use(
    '/cinder',
    requireSession,
    ...upstreamProxy({
      service: 'cinder',
      endpointOf: (session) => session.record.volumeApi.url,
      decorate: (req, session) => ({
        'OpenStack-API-Version': chooseMicroversion(
          req.get('OpenStack-API-Version'),
          session.record.volumeApi.microversion,
        ),
      }),
      timeoutMs: config.UPSTREAM_TIMEOUT_MS,
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
  );
  api.use(() => {
    throw new HttpError(404, 'notFound', 'There is no such API route.');
  });
  app.use('/api', api);

  if (config.STATIC_DIR) app.use(spaRouter(config.STATIC_DIR));
  app.use(() => {
    throw new HttpError(404, 'notFound', 'Not found.');
  });
  app.use(errorHandler);
  return { app, store, relay };
}
