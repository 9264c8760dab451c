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

/** Why Keystone at `base` cannot be used, or undefined when it answers. */
async function keystoneProblem(base: string): Promise<string | undefined> {
  try {
    const response = await sendUpstream(`${base}/`, {
      headers: { Accept: 'application/json' },
      timeoutMs: READY_TIMEOUT_MS,
    });
    await response.arrayBuffer();
    return response.ok ? undefined : `Keystone (identity) answered ${response.status}.`;
  } catch (error) {
    const tls = describeTlsFailure(error);
    return tls ? `Keystone (identity) cannot be reached securely: ${tls}` : 'Keystone (identity) cannot be reached.';
  }
}

/**
 * `/readyz` (a Keystone answers: without one nobody can sign in) and `/metrics`, on the metrics
 * listener (METRICS_PORT). Keystone is asked through the same agents, and so the same TLS trust, as
 * every other upstream call, so a certificate problem shows here first. With several clouds the
 * console is ready while any of them can be signed in to: one cloud's outage must not take the
 * others' console out of its load balancer.
 */
export function opsRouter(keystoneBases: string[], metrics: Metrics): express.Router {
  const router = healthRouter();
  router.get('/readyz', async (_req, res) => {
    const problems = await Promise.all(keystoneBases.map(keystoneProblem));
    if (problems.some((problem) => problem === undefined)) {
      res.json({ status: 'ready' });
      return;
    }
    sendEnvelope(res, {
      error: { status: 503, code: 'keystoneUnavailable', message: problems[0]!, upstream: 'keystone' },
    });
  });
  router.use('/metrics', metrics.router());
  return router;
}
