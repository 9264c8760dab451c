import type { CatalogService, SessionView } from '@cinder-console/cinder';
import type { VolumeApi } from '../proxy/volume-api.js';

/** What the BFF keeps per signed-in browser. The Keystone token is here and nowhere else. */
export interface SessionRecord {
  csrfToken: string;
  token: string;
  /** The token's `expires_at` (ISO): the session's absolute limit. */
  tokenExpiresAt: string;
  user: { id: string; name: string; domain: string };
  project: { id: string; name: string };
  /** Projects the user may switch to (`GET /v3/auth/projects`). */
  projects: Array<{ id: string; name: string }>;
  roles: string[];
  region: string | null;
  regions: string[];
  /** The token's service catalog, to find endpoints again when the user switches region. */
  catalog: CatalogService[];
  volumeApi: VolumeApi;
  /** Glance's endpoint for the region and interface, when the catalog has one. */
  imageUrl: string | null;
  /** Nova's endpoint for the region and interface, when the catalog has one (absent in sessions made before it was kept). */
  computeUrl?: string | null;
  /** The console's name of the cloud (several clouds); absent for the one cloud of a console without OS_CLOUDS. */
  cloud?: string;
  /** Absent (password) in sessions made before other methods existed. */
  authMethod?: 'password' | 'application_credential' | 'websso';
  createdAt: string;
  lastSeenAt: string;
}

export function idleExpiry(session: SessionRecord, idleMs: number): number {
  return Math.min(Date.parse(session.lastSeenAt) + idleMs, Date.parse(session.tokenExpiresAt));
}

/** The cloud as the browser sees it: its name and display name, with several clouds only. */
export type CloudLabel = { name: string; displayName: string } | undefined;

export function toSessionView(session: SessionRecord, idleMs: number, cloud?: CloudLabel): SessionView {
  return {
    ...(cloud ? { cloud } : {}),
    user: session.user,
    project: session.project,
    projects: session.projects,
    roles: session.roles,
    region: session.region,
    regions: session.regions,
    expiresAt: session.tokenExpiresAt,
    idleExpiresAt: new Date(idleExpiry(session, idleMs)).toISOString(),
    csrfToken: session.csrfToken,
    volumeApi: { major: session.volumeApi.major, microversion: session.volumeApi.microversion },
    authMethod: session.authMethod ?? 'password',
  };
}
