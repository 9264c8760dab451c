import type { LiveKind } from '@cinder-console/cinder';
import { upstreamFetch } from '../keystone/upstream-fetch.js';
import type { SessionRecord } from '../session/session.js';
import type { ListResult } from './poller.js';

const COLLECTIONS: Record<LiveKind, string> = { volume: 'volumes', snapshot: 'snapshots', backup: 'backups' };

/** One detail-list call for a kind, as the session sees it (Cinder's page limit is 1000). */
export async function fetchDetailList(session: SessionRecord, kind: LiveKind, timeoutMs: number): Promise<ListResult> {
  const collection = COLLECTIONS[kind];
  const headers: Record<string, string> = { 'X-Auth-Token': session.token, Accept: 'application/json' };
  if (session.volumeApi.microversion) headers['OpenStack-API-Version'] = `volume ${session.volumeApi.microversion}`;
  const response = await upstreamFetch('cinder', `${session.volumeApi.url}/${collection}/detail?limit=1000`, {
    headers,
    timeoutMs,
  });
  const body = (await response.json()) as Record<string, unknown>;
  const rows = (body[collection] ?? []) as ListResult['rows'];
  const links = body[`${collection}_links`] as Array<{ rel: string }> | undefined;
  // A next link on a short page is Cinder's with_count quirk; only a full page may have more behind it.
  return { rows, complete: rows.length < 1000 || !links?.some((l) => l.rel === 'next') };
}
