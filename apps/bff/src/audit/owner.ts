import type { LoadedSession } from '../session/middleware.js';
import { sendUpstream } from '../keystone/upstream-fetch.js';

/** Where each kind says which project owns it (admins see these attributes; 3.18+ for backups). */
const OWNER_ATTRIBUTE: Record<string, { collection: string; key: string; attribute: string }> = {
  volume: { collection: 'volumes', key: 'volume', attribute: 'os-vol-tenant-attr:tenant_id' },
  snapshot: { collection: 'snapshots', key: 'snapshot', attribute: 'os-extended-snapshot-attributes:project_id' },
  backup: { collection: 'backups', key: 'backup', attribute: 'os-backup-project-attr:project_id' },
};

/** Kinds whose id in the path is itself a project id. */
const PROJECT_KEYED = new Set(['quota_set', 'default_type']);

/**
 * The project that owns the target of an admin's change, when it is not the admin's own: so the
 * trail shows that project's members what an admin did to their resources. Asked of Cinder before
 * the change (a delete leaves nothing to ask afterwards); `undefined` when unknown or the admin's own.
 */
export async function ownerOfTarget(
  session: LoadedSession,
  target: { kind: string; id: string | null },
  timeoutMs: number,
): Promise<string | undefined> {
  const own = session.record.project.id;
  if (!target.id || !session.record.roles.includes('admin')) return undefined;
  if (PROJECT_KEYED.has(target.kind)) return target.id === own ? undefined : target.id;
  const where = OWNER_ATTRIBUTE[target.kind];
  if (!where) return undefined;
  try {
    const { url, microversion } = session.record.volumeApi;
    const response = await sendUpstream(`${url}/${where.collection}/${encodeURIComponent(target.id)}`, {
      headers: {
        Accept: 'application/json',
        'X-Auth-Token': session.record.token,
        ...(microversion ? { 'OpenStack-API-Version': `volume ${microversion}` } : {}),
      },
      timeoutMs,
    });
    if (!response.ok) {
      await response.arrayBuffer();
      return undefined;
    }
    const body = (await response.json()) as Record<string, Record<string, unknown> | undefined>;
    const owner = body[where.key]?.[where.attribute];
    return typeof owner === 'string' && owner !== own ? owner : undefined;
  } catch {
    // The trail still records the change under the admin's project; only the cross-reference is lost.
    return undefined;
  }
}
