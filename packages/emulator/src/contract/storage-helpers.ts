import type { Login } from './client.js';
import { call, uniqueName, type Reply } from './http.js';
import { waitForStatus } from './wait.js';

/** Contract tests against a real cloud wait on real drivers: a 1 GiB backup takes about 10 s there. */
const REAL = process.env.CONTRACT_TARGET === 'real';
/** A guard against a hang; every wait inside a test has its own bound (contract/wait.ts). */
export const TEST_TIMEOUT = REAL ? 240_000 : 120_000;
const WAIT_MS = REAL ? 180_000 : 15_000;

type Kind = 'volumes' | 'snapshots' | 'backups';

/**
 * One user's view of Cinder, with helpers that create what a test needs, wait for it to settle,
 * and remember it so `cleanup()` can delete it afterwards (newest first, so incremental backups
 * go before their parents and snapshots before their volumes).
 */
export class Cinder {
  private readonly created: Array<{ kind: Kind; id: string }> = [];

  constructor(
    readonly user: Login,
    /** An admin session, used to reset statuses so cleanup can delete what a test left stuck. */
    readonly admin?: Login,
  ) {}

  /**
   * The URL for `path` under the project's endpoint; `/default-types` is routed only without a
   * project in the URL (checked on the real rig), so it goes under the bare `/v3`.
   */
  url(path: string): string {
    const base = path.startsWith('/default-types')
      ? this.user.volumeUrl.replace(/\/[0-9a-f-]+$/, '')
      : this.user.volumeUrl;
    return `${base}${path}`;
  }

  call(method: string, path: string, options: { body?: unknown; microversion?: string } = {}): Promise<Reply> {
    return call(method, this.url(path), this.user.token, options.body, options.microversion);
  }

  get(path: string, microversion?: string): Promise<Reply> {
    return this.call('GET', path, { microversion });
  }

  post(path: string, body: unknown, microversion?: string): Promise<Reply> {
    return this.call('POST', path, { body, microversion });
  }

  put(path: string, body: unknown, microversion?: string): Promise<Reply> {
    return this.call('PUT', path, { body, microversion });
  }

  delete(path: string, microversion?: string): Promise<Reply> {
    return this.call('DELETE', path, { microversion });
  }

  /** Polls a resource until it reaches one of `statuses` (or is gone, for `'deleted'`). */
  waitFor(path: string, statuses: string[], microversion?: string) {
    return waitForStatus(this.url(path), this.user.token, statuses, { timeoutMs: WAIT_MS, microversion });
  }

  track(kind: Kind, id: string): string {
    this.created.push({ kind, id });
    return id;
  }

  /** Creates a volume and waits until it is `available`. */
  async volume(size = 1, extra: Record<string, unknown> = {}): Promise<string> {
    const answer = await this.post('/volumes', { volume: { size, name: uniqueName('contract-vol'), ...extra } });
    if (answer.status !== 202) throw new Error(`volume create: ${answer.status} ${JSON.stringify(answer.body)}`);
    const id = this.track('volumes', answer.body.volume.id);
    await this.waitFor(`/volumes/${id}`, ['available']);
    return id;
  }

  /** Creates a snapshot of `volumeId` and waits until it is `available`. */
  async snapshot(volumeId: string, extra: Record<string, unknown> = {}, microversion?: string): Promise<string> {
    const body = { snapshot: { volume_id: volumeId, name: uniqueName('contract-snap'), ...extra } };
    const answer = await this.post('/snapshots', body, microversion);
    if (answer.status !== 202) throw new Error(`snapshot create: ${answer.status} ${JSON.stringify(answer.body)}`);
    const id = this.track('snapshots', answer.body.snapshot.id);
    await this.waitFor(`/snapshots/${id}`, ['available']);
    return id;
  }

  /** Creates a backup of `volumeId` and waits until it is `available` (and the volume has settled). */
  async backup(volumeId: string, extra: Record<string, unknown> = {}, microversion?: string): Promise<string> {
    const body = { backup: { volume_id: volumeId, name: uniqueName('contract-bk'), ...extra } };
    const answer = await this.post('/backups', body, microversion);
    if (answer.status !== 202) throw new Error(`backup create: ${answer.status} ${JSON.stringify(answer.body)}`);
    const id = this.track('backups', answer.body.backup.id);
    await this.waitFor(`/backups/${id}`, ['available']);
    await this.waitFor(`/volumes/${volumeId}`, ['available', 'in-use']);
    return id;
  }

  /** Attaches a volume to a host (legacy `os-attach`, synchronous), making it `in-use`. */
  async attach(volumeId: string): Promise<void> {
    const answer = await this.post(`/volumes/${volumeId}/action`, {
      'os-attach': { host_name: 'contract-test-host', mountpoint: '/dev/vdb', mode: 'rw' },
    });
    if (answer.status !== 202) throw new Error(`os-attach: ${answer.status} ${JSON.stringify(answer.body)}`);
    await this.waitFor(`/volumes/${volumeId}`, ['in-use']);
  }

  async detach(volumeId: string): Promise<void> {
    await this.post(`/volumes/${volumeId}/action`, { 'os-detach': {} });
    await this.waitFor(`/volumes/${volumeId}`, ['available']);
  }

  /** Best effort: deletes everything this session created, newest first, and waits until it is gone. */
  async cleanup(): Promise<void> {
    for (const { kind, id } of this.created.reverse()) {
      try {
        const shown = await this.get(`/${kind}/${id}`);
        if (shown.status === 404) continue;
        let answer = await this.delete(`/${kind}/${id}${kind === 'volumes' ? '?cascade=true' : ''}`);
        if (answer.status === 400 && this.admin) {
          const actionPath = `${this.admin.volumeUrl}/${kind}/${id}/action`;
          const status = kind === 'volumes' ? { status: 'available', attach_status: 'detached' } : { status: 'error' };
          // A delete the test made itself may finish meanwhile: then there is nothing left to clean.
          const reset = await call('POST', actionPath, this.admin.token, { 'os-reset_status': status });
          if (reset.status === 404) continue;
          if (kind === 'backups') await this.waitFor(`/${kind}/${id}`, ['error', 'deleted']);
          answer = await this.delete(`/${kind}/${id}${kind === 'volumes' ? '?cascade=true' : ''}`);
        }
        if (answer.status === 202) await this.waitFor(`/${kind}/${id}`, ['deleted']);
      } catch {
        // Cleanup must not hide the test's own result.
      }
    }
    this.created.length = 0;
  }
}
