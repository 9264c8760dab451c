import type { RequestHandler } from 'express';
import express from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The API's first path segments that are routes; anything else under `/api` is `api-other`. */
const API_GROUPS = new Set(['session', 'audit', 'identity', 'capabilities', 'events', 'glance', 'cinder', 'nova']);
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);

/** The route group of a request target, from a fixed set (case-sensitive, as routing is). */
function routeGroup(url: string): string {
  const path = url.split('?')[0]!;
  if (path === '/healthz') return 'healthz';
  if (path !== '/api' && !path.startsWith('/api/')) return 'static';
  const first = path.split('/')[2] ?? '';
  return API_GROUPS.has(first) ? first : 'api-other';
}

/** The BFF's Prometheus metrics, in a registry of its own (tests create many apps in one process). */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'cinder_console_http_requests_total',
    help: 'Requests answered by the BFF, by method, route group and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly upstream = new Histogram({
    name: 'cinder_console_upstream_request_seconds',
    help: 'Time until an OpenStack service answered a proxied request.',
    labelNames: ['service', 'status'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  constructor(gauges: { livePollers: () => number; sseClients: () => number }) {
    collectDefaultMetrics({ register: this.registry, prefix: 'cinder_console_' });
    new Gauge({
      name: 'cinder_console_live_pollers',
      help: 'Projects the live relay is polling now.',
      registers: [this.registry],
      collect() {
        this.set(gauges.livePollers());
      },
    });
    new Gauge({
      name: 'cinder_console_sse_clients',
      help: 'Open /api/events streams.',
      registers: [this.registry],
      collect() {
        this.set(gauges.sseClients());
      },
    });
  }

  /**
   * Counts every answered request under a route group from a fixed list, never the raw path: ids,
   * or an anonymous client's random paths, would otherwise grow the labels (and memory) without bound.
   */
  countRequests(): RequestHandler {
    return (req, res, next) => {
      res.on('finish', () => {
        this.requests.inc({
          method: KNOWN_METHODS.has(req.method) ? req.method : 'other',
          route: routeGroup(req.originalUrl),
          status: String(res.statusCode),
        });
      });
      next();
    };
  }

  router(): express.Router {
    const router = express.Router();
    router.get('/', async (_req, res) => {
      res.type(this.registry.contentType).send(await this.registry.metrics());
    });
    return router;
  }
}
