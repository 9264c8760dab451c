import express from 'express';
import { sendEnvelope } from './errors.js';
import type { Metrics } from './metrics.js';

/** `/healthz` (the process answers), `/readyz` (Keystone answers: without it nobody can sign in), `/metrics`. */
export function opsRouter(keystoneBase: string, metrics: Metrics): express.Router {
  const router = express.Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const ok = await fetch(`${keystoneBase}/`, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) {
      res.json({ status: 'ready' });
      return;
    }
    sendEnvelope(res, {
      error: {
        status: 503,
        code: 'keystoneUnavailable',
        message: 'Keystone (identity) cannot be reached.',
        upstream: 'keystone',
      },
    });
  });
  router.use('/metrics', metrics.router());
  return router;
}
