import express from 'express';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { MemoryAuditLog, type AuditLog } from './audit/audit-log.js';
import { RedisAuditLog } from './audit/redis-audit-log.js';
import { AuditOutcomes } from './audit/outcomes.js';
import { auditRouter } from './audit/router.js';
import { bodyDeadline } from './body-deadline.js';
import { applicationCredentialsRouter } from './identity/application-credentials.js';
import { identityRouter } from './identity/router.js';
import { totpRouter } from './identity/totp.js';
import { bootstrapper } from './bootstrap.js';
import { loadFirstPaint, type FirstPaintRenderer } from './first-paint.js';
import { capabilitiesRouter, capabilitiesService } from './capabilities.js';
import { CloudDirectory } from './cloud/directory.js';
import { cloudsRouter } from './cloud/router.js';
import { deltaModeOf, fetchList } from './live/fetch-list.js';
import { LiveRelay } from './live/relay.js';
import { eventsRouter } from './live/router.js';
import { WatchedSessionStore } from './live/session-watch.js';
import type { Config } from './config.js';
import { errorHandler, HttpError } from './errors.js';
import { healthRouter, opsRouter } from './ops.js';
import { computeRoutes } from './proxy/compute-routes.js';
import { cinderRoutes, glanceRoutes } from './proxy/routes.js';
import { Metrics } from './metrics.js';
import { createLogger, httpLogger } from './logger.js';
import { csrfProtection } from './security/csrf.js';
import { securityHeaders } from './security/headers.js';
import { loadSession } from './session/middleware.js';
import { sessionRouter } from './session/router.js';
import { webssoRouter } from './session/websso.js';
import { RedisSessionStore } from './session/redis-store.js';
import { MemorySessionStore, type SessionStore } from './session/store.js';
import { TokenCipher } from './session/token-cipher.js';
import { spaRouter } from './static.js';

/** Live relay pacing past the configurable intervals: history kept for reconnects, and when an operation counts as long. */
const LIVE_REPLAY_EVENTS = 500;
const LIVE_SETTLE_AFTER_MS = 60_000;
/** A new scope's first look reports rows changed this recently (poller.ts `recentMs`). */
const LIVE_RECENT_MS = 30_000;

export interface AppDeps {
  store?: SessionStore;
  audit?: AuditLog;
  logger?: Logger;
}

/** Composes the BFF. `index.ts`/`main.ts` only listen, so tests drive this in-process. */
export function createApp(
  config: Config,
  deps: AppDeps = {},
): {
  app: express.Express;
  /** `/metrics`, `/readyz` and `/healthz` for the metrics listener (METRICS_PORT). */
  opsApp: express.Express;
  store: SessionStore;
  relay: LiveRelay;
  audit: AuditLog;
  /**
   * Releases what the app holds besides the store, relay and audit trail: the sign-in limits'
   * Redis, the first paint's threads.
   */
  release: () => Promise<void>;
} {
  // Watched, so that a session's event streams end the moment it is signed out or switched.
  const store = new WatchedSessionStore(
    deps.store ??
      (config.REDIS_URL
        ? RedisSessionStore.connect(config.REDIS_URL, new TokenCipher(config.SESSION_SECRET!))
        : new MemorySessionStore()),
  );
  // With Redis the trail is a stream per project that all replicas write and read; alone, a ring per
  // project in memory. Asynchronous actions' entries are completed by the outcome the live relay sees.
  const retention = {
    maxEntries: config.AUDIT_MAX_ENTRIES_PER_PROJECT,
    maxAgeMs: config.AUDIT_MAX_AGE_DAYS * 24 * 3600_000,
  };
  const outcomes = new AuditOutcomes();
  const audit = outcomes.wrap(
    deps.audit ??
      (config.REDIS_URL ? RedisAuditLog.connect(config.REDIS_URL, retention) : new MemoryAuditLog(retention)),
  );
  // Failed sign-ins are counted in Redis too, so that replicas share one count.
  const loginRedis = config.REDIS_URL ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  const logger = deps.logger ?? createLogger(config.LOG_LEVEL);
  const clouds = new CloudDirectory(config);
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  const relay = new LiveRelay({
    fastMs: config.LIVE_FAST_MS,
    slowMs: config.LIVE_SLOW_MS,
    patientMs: config.LIVE_PATIENT_MS,
    settleAfterMs: LIVE_SETTLE_AFTER_MS,
    recentMs: LIVE_RECENT_MS,
    replay: LIVE_REPLAY_EVENTS,
    watchMs: config.LIVE_WATCH_MS,
    fetchList: (session, kind, query) => fetchList(session, kind, query, config.UPSTREAM_TIMEOUT_MS),
    deltaMode: deltaModeOf,
    notifications: config.OS_NOTIFICATIONS_URL
      ? {
          url: config.OS_NOTIFICATIONS_URL,
          exchange: config.OS_NOTIFICATIONS_EXCHANGE,
          topic: config.OS_NOTIFICATIONS_TOPIC,
        }
      : undefined,
    onEvent: (event) => outcomes.observe(event),
    // Replicas sharing Redis share one poller per scope and one history (docs/bff-replicas.md).
    redisUrl: config.REDIS_URL,
    logger,
  });

  const metrics = new Metrics({ livePollers: () => relay.activeScopes, sseClients: () => relay.subscriberCount });
  const app = express();
  app.disable('x-powered-by');
  // `/API/...` is not the API: it would get the SPA's headers and metrics group while being served as the API.
  app.set('case sensitive routing', true);
  app.set('trust proxy', config.TRUST_PROXY);
  app.use(httpLogger(logger));
  app.use((req, res, next) => {
    res.locals.requestId = req.id;
    next();
  });
  app.use(securityHeaders);
  app.use(bodyDeadline(config.BODY_TIMEOUT_MS));
  app.use(metrics.countRequests());
  const ops = opsRouter(
    clouds.all.map((cloud) => cloud.keystoneBase),
    metrics,
  );
  app.use(config.METRICS_PORT === 'shared' ? ops : healthRouter());
  const opsApp = express();
  opsApp.disable('x-powered-by');
  opsApp.use(ops);

  const capabilities = capabilitiesService(config);
  const api = express.Router({ caseSensitive: true });
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  api.use(clouds.select());
  api.use(loadSession(store, idleMs));
  // Signing in has no session yet, and choosing a cloud is not about the session it loaded; both
  // keep the origin guard (and the cloud choice its own custom-header check).
  const sessionless = (method: string, path: string) =>
    (method === 'POST' && path === '/session') || (method === 'PUT' && path === '/clouds/current');
  // Keystone's WebSSO page posts the token from its own site; the router ties it to the browser's flow.
  const fromKeystone = (method: string, path: string) => method === 'POST' && path === '/session/websso';
  api.use(csrfProtection({ exempt: sessionless, crossSite: fromKeystone }));
  api.use('/clouds', cloudsRouter(clouds, store, idleMs));
  api.use('/session/websso', webssoRouter({ clouds, store, audit }));
  api.use('/session', sessionRouter({ config, store, clouds, audit, loginRedis }));
  api.use('/audit', auditRouter(audit));
  api.use('/identity/application-credentials', applicationCredentialsRouter());
  api.use('/identity/totp', totpRouter('Cinder Console'));
  api.use('/identity', identityRouter());
  api.use('/capabilities', capabilitiesRouter(capabilities));
  api.use('/events', eventsRouter(relay, store, { idleMs, maxStreamsPerSession: config.LIVE_STREAMS_PER_SESSION }));
  api.use('/glance', ...glanceRoutes({ config, metrics, store }));
  api.use('/nova', ...computeRoutes({ config, relay, audit, metrics, store }));
  api.use('/cinder', ...cinderRoutes({ config, relay, audit, metrics, store }));
  api.use(() => {
    throw new HttpError(404, 'notFound', 'There is no such API route.');
  });
  app.use('/api', api);
  // `/API/...` in any other case is a mistyped API call, not a page: the SPA (and the session it carries) stays out of it.
  app.use(/^\/api(?=\/|$)/i, () => {
    throw new HttpError(404, 'notFound', 'There is no such API route.');
  });

  let renderer: FirstPaintRenderer | undefined;
  if (config.STATIC_DIR) {
    // The page carries the session and capabilities, so the SPA starts without asking for them.
    renderer = loadFirstPaint(config.STATIC_DIR, logger);
    const extras = bootstrapper({ capabilities, idleMs, staticDir: config.STATIC_DIR, renderer });
    const load = [clouds.select(), loadSession(store, idleMs)];
    app.use(spaRouter(config.STATIC_DIR, { load, extras }));
  }
  app.use(() => {
    throw new HttpError(404, 'notFound', 'Not found.');
  });
  app.use(errorHandler);
  const release = async () => {
    await loginRedis?.quit().catch(() => loginRedis.disconnect());
    await renderer?.close();
  };
  return { app, opsApp, store, relay, audit, release };
}
