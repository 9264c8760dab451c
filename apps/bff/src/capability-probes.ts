import { sendUpstream } from './keystone/upstream-fetch.js';
import type { SessionRecord } from './session/session.js';
import type { UpstreamAgents } from './tls.js';

/** A snapshot id no cloud has: the vendor probe can never touch a real snapshot. */
const NIL_ID = '00000000-0000-0000-0000-000000000000';

/** Whether a cloud has a vendor API changes only with an upgrade. */
const VENDOR_TTL_MS = 60 * 60_000;
/** Services go down and come back; admins see that within a minute. */
const SERVICES_TTL_MS = 60_000;
/** Whether members may use the backups API changes only with policy. */
const BACKUPS_API_TTL_MS = 10 * 60_000;

/** `true`/`false` when the cloud answered the question; `undefined` when it could not (network, 5xx, token). */
type Verdict = boolean | undefined;

interface Entry {
  verdict: Promise<Verdict>;
  expiresAt: number;
}

/**
 * Cheap, side-effect-free questions to a session's Cinder, asked once per endpoint and remembered.
 * A question the cloud could not answer is not remembered and counts as "no" until it can.
 */
export class CapabilityProbes {
  private readonly cache = new Map<string, Entry>();

  constructor(private readonly options: { timeoutMs: number; agents?: UpstreamAgents; now?: () => number }) {}

  /**
   * Huawei EVS's rollback route, asked with a POST that cannot succeed: an empty body for the nil
   * snapshot id. Cinder's router answers an unknown path (or method) with a bare webob 404 and never
   * 405, so a GET cannot tell whether the POST route exists; the POST can. Where the route exists,
   * the controller refuses the body (400), the policy (403) or the snapshot (404 as a Cinder fault,
   * which carries `OpenStack-API-Version` and a fault key); where it does not, the 404 is webob's.
   */
  vendorRollback(session: SessionRecord): Promise<boolean> {
    return this.ask(`${endpointOf(session)} vendorRollback`, VENDOR_TTL_MS, async () => {
      const response = await this.send(session, `/os-vendor-snapshots/${NIL_ID}/rollback`, 'POST', '{}');
      if (response.status === 401 || response.status >= 500) return undefined;
      if (response.status !== 404) return response.status !== 405;
      return response.headers.has('openstack-api-version') || isCinderFault(await response.text());
    });
  }

  /**
   * Whether backups can be offered. `GET /os-services?binary=cinder-backup` is the real answer, but
   * Cinder's policy keeps it for admins. Members cannot see services at all: `GET /backups` answers
   * from the database whether cinder-backup runs or not (with no service, a new backup is accepted
   * and later turns `error`), so for them the flag says only that the backups API is there and
   * allowed (a 403 or 404 means a cloud that disabled or removed it).
   */
  backupService(session: SessionRecord): Promise<boolean> {
    if (session.roles.includes('admin')) {
      return this.ask(`${endpointOf(session)} backupService admin`, SERVICES_TTL_MS, async () => {
        const services = await this.send(session, '/os-services?binary=cinder-backup', 'GET');
        if (services.ok) return backupServiceUp(await services.json().catch(() => undefined));
        await services.arrayBuffer();
        // A cloud that hides os-services even from admins: fall back to what members see.
        return services.status === 401 || services.status >= 500 ? undefined : this.backupsApiAnswers(session);
      });
    }
    return this.ask(`${endpointOf(session)} backupService ${session.project.id}`, BACKUPS_API_TTL_MS, () =>
      this.backupsApiAnswers(session),
    );
  }

  private async backupsApiAnswers(session: SessionRecord): Promise<Verdict> {
    const response = await this.send(session, '/backups?limit=1', 'GET');
    await response.arrayBuffer();
    if (response.ok) return true;
    return response.status === 403 || response.status === 404 ? false : undefined;
  }

  private send(session: SessionRecord, path: string, method: string, body?: string): Promise<Response> {
    const headers: Record<string, string> = { 'X-Auth-Token': session.token, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return sendUpstream(`${session.volumeApi.url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
      timeoutMs: this.options.timeoutMs,
      ...(this.options.agents ? { agents: this.options.agents } : {}),
    });
  }

  /** The remembered verdict for `key`, or a new one from `probe`; concurrent askers share one probe. */
  private async ask(key: string, ttlMs: number, probe: () => Promise<Verdict>): Promise<boolean> {
    const now = this.options.now?.() ?? Date.now();
    let entry = this.cache.get(key);
    if (!entry || entry.expiresAt <= now) {
      entry = { verdict: probe().catch(() => undefined), expiresAt: now + ttlMs };
      this.cache.set(key, entry);
    }
    const verdict = await entry.verdict;
    if (verdict === undefined && this.cache.get(key) === entry) this.cache.delete(key);
    return verdict ?? false;
  }
}

/**
 * The endpoint without the project id: what is asked is about the cloud, not the project. The key
 * keeps the region's URL, so each region (each Cinder) is asked on its own.
 */
function endpointOf(session: SessionRecord): string {
  const suffix = `/${session.project.id}`;
  const url = session.volumeApi.url;
  return url.endsWith(suffix) ? url.slice(0, -suffix.length) : url;
}

/** A Cinder fault body: one key (`itemNotFound`, `badRequest`, …) holding a code and a message. */
function isCinderFault(text: string): boolean {
  try {
    const body = JSON.parse(text) as unknown;
    if (!body || typeof body !== 'object') return false;
    const values = Object.values(body);
    return values.length === 1 && typeof (values[0] as { message?: unknown })?.message === 'string';
  } catch {
    return false;
  }
}

function backupServiceUp(body: unknown): boolean {
  const services = (body as { services?: unknown } | undefined)?.services;
  if (!Array.isArray(services)) return false;
  return services.some((service: { binary?: unknown; status?: unknown; state?: unknown }) => {
    return service.binary === 'cinder-backup' && service.status === 'enabled' && service.state === 'up';
  });
}
