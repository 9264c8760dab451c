import express from 'express';
import { sendEnvelope } from './errors.js';
import { sendUpstream } from './keystone/upstream-fetch.js';
import type { Metrics } from './metrics.js';
import { describeTlsFailure } from './tls.js';

/** How long `/readyz` waits for Keystone: probes come often and must not pile up. */
const READY_TIMEOUT_MS = 2000;

/** `/healthz`: the process answers. Cheap and says nothing, so it stays on the public port for load balancers. */
export function healthRouter(): express.Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  return router;
}

/**
 * `/readyz` (Keystone answers: without it nobody can sign in) and `/metrics`, on the metrics
 * listener (METRICS_PORT). Keystone is asked through the same agents, and so the same TLS trust, as
 * every other upstream call, so a certificate problem shows here first.
 */
export function opsRouter(keystoneBase: string, metrics: Metrics): express.Router {
  const router = healthRouter();
  router.get('/readyz', async (_req, res) => {
    let problem: string | undefined;
    try {
      const response = await sendUpstream(`${keystoneBase}/`, {
        headers: { Accept: 'application/json' },
        timeoutMs: READY_TIMEOUT_MS,
      });
      await response.arrayBuffer();
      if (response.ok) {
        res.json({ status: 'ready' });
        return;
      }
      problem = `Keystone (identity) answered ${response.status}.`;
    } catch (error) {
      const tls = describeTlsFailure(error);
      problem = tls ? `Keystone (identity) cannot be reached securely: ${tls}` : undefined;
    }
    sendEnvelope(res, {
      error: {
        status: 503,
        code: 'keystoneUnavailable',
        message: problem ?? 'Keystone (identity) cannot be reached.',
        upstream: 'keystone',
      },
    });
  });
  router.use('/metrics', metrics.router());
  return router;
}
