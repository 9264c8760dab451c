import type { SessionView } from '@cinder-console/cinder';
import type { VolumeApi } from '../proxy/volume-api.js';

/** What the BFF keeps per signed-in browser. The Keystone token is here and nowhere else. */
export interface SessionRecord {
  csrfToken: string;
  token: string;
  /** The token's `expires_at` (ISO): the session's absolute limit. */
  tokenExpiresAt: string;
  user: { id: string; name: string; domain: string };
  project: { id: string; name: string };
  roles: string[];
  region: string | null;
  regions: string[];
  volumeApi: VolumeApi;
  createdAt: string;
  lastSeenAt: string;
}

export function idleExpiry(session: SessionRecord, idleMs: number): number {
  return Math.min(Date.parse(session.lastSeenAt) + idleMs, Date.parse(session.tokenExpiresAt));
}

export function toSessionView(session: SessionRecord, idleMs: number): SessionView {
  return {
    user: session.user,
    project: session.project,
    roles: session.roles,
    region: session.region,
    regions: session.regions,
    expiresAt: session.tokenExpiresAt,
    idleExpiresAt: new Date(idleExpiry(session, idleMs)).toISOString(),
    csrfToken: session.csrfToken,
    volumeApi: { major: session.volumeApi.major, microversion: session.volumeApi.microversion },
  };
}
