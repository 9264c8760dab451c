import { microversionFeatures, type Capabilities } from '@cinder-console/cinder';
import express from 'express';
import { CapabilityProbes } from './capability-probes.js';
import type { Config } from './config.js';
import { currentSession, requireSession } from './session/middleware.js';
import type { SessionRecord } from './session/session.js';
import { upstreamAgents } from './tls.js';

/** What only asking the cloud can tell (see `CapabilityProbes`). */
export interface ProbedFeatures {
  vendorRollback: boolean;
  backupService: boolean;
}

export function capabilitiesOf(session: SessionRecord, probed: ProbedFeatures): Capabilities {
  return {
    volumeApi: { major: session.volumeApi.major, microversion: session.volumeApi.microversion },
    features: {
      ...microversionFeatures(session.volumeApi.microversion),
      images: session.imageUrl !== null,
      compute: Boolean(session.computeUrl),
      ...probed,
    },
    admin: session.roles.includes('admin'),
  };
}

/**
 * `GET /api/capabilities`: what the session's cloud and role allow, so the UI offers only that.
 * Microversion features and images come from the session; vendor rollback and backups are probed
 * once per endpoint and remembered.
 */
export function capabilitiesRouter(
  config: Pick<Config, 'UPSTREAM_TIMEOUT_MS' | 'OS_CACERT' | 'OS_INSECURE'>,
): express.Router {
  const probes = new CapabilityProbes({ timeoutMs: config.UPSTREAM_TIMEOUT_MS, agents: upstreamAgents(config) });
  const router = express.Router();
  router.get('/', requireSession, async (_req, res) => {
    const { record } = currentSession(res)!;
    const [vendorRollback, backupService] = await Promise.all([
      probes.vendorRollback(record),
      probes.backupService(record),
    ]);
    res.json(capabilitiesOf(record, { vendorRollback, backupService }));
  });
  return router;
}
