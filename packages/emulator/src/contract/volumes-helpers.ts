import { expect } from 'vitest';
import { call, type Json, type Reply } from './http.js';
import type { Login } from './client.js';
import { POLL_MS, waitForStatus } from './wait.js';

/** Asserts a synchronous over-quota refusal: 413 `overLimit`, `retryAfter` and `Retry-After: 0` (§7). */
export function expectOverLimit(reply: Reply, message: string): void {
  expect(reply.status).toBe(413);
  expect(reply.headers.get('retry-after')).toBe('0');
  expect(reply.body).toEqual({ overLimit: { code: 413, message, retryAfter: '0' } });
}

/** The one message Cinder uses for every refused volume delete (§5.3). */
export const DELETE_REFUSED =
  'Invalid volume: Volume status must be available or error or error_restoring or error_extending or ' +
  'error_managing and must not be migrating, attached, belong to a group, have snapshots, awaiting a ' +
  'transfer, or be disassociated from snapshots after volume transfer.';

/** The 3.0 volume detail keys, without extension attributes (§4.1). */
export const DETAIL_KEYS_3_0 = [
  'attachments',
  'availability_zone',
  'bootable',
  'consistencygroup_id',
  'created_at',
  'description',
  'encrypted',
  'id',
  'links',
  'metadata',
  'multiattach',
  'name',
  'replication_status',
  'size',
  'snapshot_id',
  'source_volid',
  'status',
  'updated_at',
  'user_id',
  'volume_type',
];

/** What 3.70 adds for a project member: group_id (3.13), shared_targets/service_uuid (3.48), 3.63, 3.65. */
export const DETAIL_KEYS_3_70 = [
  ...DETAIL_KEYS_3_0,
  'consumes_quota',
  'group_id',
  'service_uuid',
  'shared_targets',
  'volume_type_id',
].sort();

export const CINDER_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/;

/** Statuses an asynchronous volume operation ends in, good or bad. */
const SETTLED = ['available', 'in-use', 'error', 'error_deleting', 'error_extending', 'error_restoring'];

/**
 * Tracks what a test file creates so `afterAll` can remove it from a real cloud
 * (best effort: an admin resets stuck volumes first, then deletes with `cascade`).
 */
export class VolumeJanitor {
  private readonly volumes: Array<{ owner: Login; id: string }> = [];
  constructor(private readonly admin: () => Login) {}

  track(owner: Login, id: string): string {
    this.volumes.push({ owner, id });
    return id;
  }

  /** Deletes everything tracked and waits until it is gone, so the quota is free for the next test. */
  async sweep(): Promise<void> {
    const pending: string[] = [];
    for (const { owner, id } of this.volumes.reverse()) {
      const url = `${this.admin().volumeUrl}/volumes/${id}`;
      const shown = await call('GET', url, this.admin().token).catch(() => undefined);
      if (!shown || shown.status === 404) continue;
      if (!['available', 'error', 'deleting'].includes(shown.body?.volume?.status)) {
        await call('POST', `${url}/action`, this.admin().token, {
          'os-reset_status': { status: 'available', attach_status: 'detached' },
        }).catch(() => undefined);
      }
      await call('DELETE', `${owner.volumeUrl}/volumes/${id}?cascade=true`, owner.token).catch(() => undefined);
      pending.push(url);
    }
    this.volumes.length = 0;
    await Promise.all(
      pending.map((url) =>
        waitForStatus(url, this.admin().token, ['deleted', 'error_deleting'], { timeoutMs: 60_000 }).catch(
          () => undefined,
        ),
      ),
    );
  }
}

/** POSTs a volume, expects 202, and waits until it settles; returns the settled volume. */
export async function createVolume(
  who: Login,
  janitor: VolumeJanitor,
  volume: Record<string, unknown>,
  microversion?: string,
): Promise<Json> {
  const reply = await call('POST', `${who.volumeUrl}/volumes`, who.token, { volume }, microversion);
  expect(reply.status, reply.text).toBe(202);
  janitor.track(who, reply.body.volume.id);
  const settled = await settle(who, reply.body.volume.id);
  expect(settled.status).toBe('available');
  return settled;
}

/** Waits until a volume leaves its transitional status. */
export async function settle(who: Login, id: string, microversion?: string): Promise<Json> {
  return (await waitForStatus(`${who.volumeUrl}/volumes/${id}`, who.token, SETTLED, { microversion }))!;
}

/** POSTs a snapshot of `volumeId` and waits until it is available. */
export async function createSnapshot(who: Login, volumeId: string, name = 'contract-snap') {
  const reply = await call('POST', `${who.volumeUrl}/snapshots`, who.token, {
    snapshot: { volume_id: volumeId, name },
  });
  expect(reply.status, reply.text).toBe(202);
  const url = `${who.volumeUrl}/snapshots/${reply.body.snapshot.id}`;
  const snapshot = await waitForStatus(url, who.token, ['available', 'error']);
  expect(snapshot!.status).toBe('available');
  return snapshot as Json;
}

/** An admin action on any project's volume (admins see every project, §2.5). */
export function adminAction(admin: Login, volumeId: string, action: Record<string, unknown>, microversion?: string) {
  return call('POST', `${admin.volumeUrl}/volumes/${volumeId}/action`, admin.token, action, microversion);
}

/** The public endpoint of a catalog service type, if the token's catalog has one. */
export function catalogUrl(who: Login, type: string): string | undefined {
  const catalog = (who.body.token.catalog ?? []) as Array<{
    type: string;
    endpoints: Array<{ interface: string; url: string }>;
  }>;
  const url = catalog.find((s) => s.type === type)?.endpoints.find((e) => e.interface === 'public')?.url;
  return url?.replace(/\/+$/, '');
}

/** The body of `os-volume_upload_image` from 3.1, which adds `visibility` and `protected` (§4.2). */
export const UPLOAD_IMAGE_KEYS_3_1 = [
  'container_format',
  'disk_format',
  'display_description',
  'id',
  'image_id',
  'image_name',
  'protected',
  'size',
  'status',
  'updated_at',
  'visibility',
  'volume_type',
];

/** Polls Glance (`{imageUrl}/v2/images/{id}`) until the image is active or has failed. */
export async function waitForImage(imageUrl: string, token: string, id: string, timeoutMs = 60_000): Promise<Json> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const image = (await call('GET', `${imageUrl}/v2/images/${id}`, token)).body;
    if (['active', 'killed', 'deleted'].includes(image?.status) || Date.now() > deadline) return image;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Real Cinder stores whole seconds, so resources made within one second tie on `created_at` and
 * "the latest" is a coin toss; tests that depend on order wait this long between creations.
 */
export const NEXT_SECOND_MS = process.env.CONTRACT_TARGET === 'real' ? 1100 : 0;
