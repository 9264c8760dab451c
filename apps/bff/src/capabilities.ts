import { microversionFeatures, type Capabilities } from '@cinder-console/cinder';
import express from 'express';
import { CapabilityProbes } from './capability-probes.js';
import type { Config } from './config.js';
import { currentSession, requireSession } from './session/middleware.js';
import type { SessionRecord } from './session/session.js';
import { upstreamAgents } from './tls.js';

/** What only asking the cloud can tell (see `CapabilityProbes`). */
interface ProbedFeatures {
  vendorRollback: boolean;
  backupService: boolean;
}

/**
 * Huawei EVS keeps at most 7 snapshots per disk (its documented limit; the API has no call that
 * tells it). A cloud with EVS's rollback API is taken to be EVS and to have that limit, so the
 * console can show it; the cloud's own refusal of an eighth still decides.
 */
const EVS_SNAPSHOTS_PER_VOLUME = 7;

function capabilitiesOf(session: SessionRecord, probed: ProbedFeatures): Capabilities {
  return {
    volumeApi: { major: session.volumeApi.major, microversion: session.volumeApi.microversion },
    features: {
      ...microversionFeatures(session.volumeApi.microversion),
      images: session.imageUrl !== null,
      compute: Boolean(session.computeUrl),
      ...probed,
      snapshotsPerVolume: probed.vendorRollback ? EVS_SNAPSHOTS_PER_VOLUME : null,
    },
    admin: session.roles.includes('admin'),
  };
}

/** The capabilities of a session: microversion features from the session, the rest probed once per endpoint. */
export type CapabilitiesOf = (record: SessionRecord) => Promise<Capabilities>;

export function capabilitiesService(
  config: Pick<Config, 'UPSTREAM_TIMEOUT_MS' | 'OS_CACERT' | 'OS_INSECURE'>,
): CapabilitiesOf {
  const probes = new CapabilityProbes({ timeoutMs: config.UPSTREAM_TIMEOUT_MS, agents: upstreamAgents(config) });
  return async (record) => {
    const [vendorRollback, backupService] = await Promise.all([
      probes.vendorRollback(record),
      probes.backupService(record),
    ]);
    return capabilitiesOf(record, { vendorRollback, backupService });
  };
}

/**
 * `GET /api/capabilities`: what the session's cloud and role allow, so the UI offers only that.
 * The page's bootstrap (bootstrap.ts) carries the same answer, so the SPA asks here only after a
 * sign-in or a switch.
 */
export function capabilitiesRouter(capabilities: CapabilitiesOf): express.Router {
  const router = express.Router();
  router.get('/', requireSession, async (_req, res) => {
    res.json(await capabilities(currentSession(res)!.record));
  });
  return router;
}
