import { microversionFeatures, type Capabilities } from '@cinder-console/cinder';
import express from 'express';
import { currentSession, requireSession } from './session/middleware.js';
import type { SessionRecord } from './session/session.js';

export function capabilitiesOf(session: SessionRecord): Capabilities {
  return {
    volumeApi: { major: session.volumeApi.major, microversion: session.volumeApi.microversion },
    features: { ...microversionFeatures(session.volumeApi.microversion), images: session.imageUrl !== null },
    admin: session.roles.includes('admin'),
  };
}

/** `GET /api/capabilities`: what the session's cloud and role allow, so the UI offers only that. */
export function capabilitiesRouter(): express.Router {
  const router = express.Router();
  router.get('/', requireSession, (_req, res) => {
    res.json(capabilitiesOf(currentSession(res)!.record));
  });
  return router;
}
