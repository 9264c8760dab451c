import type { RequestHandler } from 'express';
import express from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

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

  /** Counts every answered request under a coarse route group, never the raw path (ids would explode the labels). */
  countRequests(): RequestHandler {
    return (req, res, next) => {
      res.on('finish', () => {
        const group =
          /^\/api\/(\w+)/.exec(req.originalUrl)?.[1] ?? (req.originalUrl.startsWith('/api') ? 'api' : 'static');
        this.requests.inc({ method: req.method, route: group, status: String(res.statusCode) });
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
