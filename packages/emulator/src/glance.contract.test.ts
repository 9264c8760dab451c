import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { login, type Login } from './contract/client.js';
import { Cinder, TEST_TIMEOUT } from './contract/storage-helpers.js';
import { contractTarget, type ContractTarget } from './contract/target.js';
import { call, type Reply, uniqueName } from './contract/http.js';

vi.setConfig({ testTimeout: TEST_TIMEOUT, hookTimeout: TEST_TIMEOUT });

let target: ContractTarget;
let demo: Login;
let cinder: Cinder;
let imageUrl: string;
let volumeId: string;
/** Two private images uploaded from one of demo's volumes, oldest first, sharing a name prefix. */
const images: Array<{ id: string; name: string; upload: Reply; volumeStatusAfter: string }> = [];

/** The public `image` endpoint from the token's catalog, without a trailing slash. */
function imageEndpoint(session: Login): string {
  const catalog = session.body.token.catalog ?? [];
  const endpoint = catalog.find((s) => s.type === 'image')?.endpoints.find((e) => e.interface === 'public');
  if (!endpoint) throw new Error('no public image endpoint in the catalog');
  return endpoint.url.replace(/\/+$/, '');
}

async function waitForImage(id: string, status: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + TEST_TIMEOUT;
  for (;;) {
    const answer = await call('GET', `${imageUrl}/v2/images/${id}`, demo.token);
    if (answer.status === 200 && answer.body.status === status) return answer.body;
    if (Date.now() > deadline) throw new Error(`image ${id} never became ${status}: ${JSON.stringify(answer.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const prefix = uniqueName('contract-image');
beforeAll(async () => {
  target = await contractTarget();
  demo = await login(target, 'demo');
  cinder = new Cinder(demo, await login(target, 'admin'));
  imageUrl = imageEndpoint(demo);
  volumeId = await cinder.volume(1);
  for (const suffix of ['a', 'b']) {
    const name = `${prefix}-${suffix}`;
    const release = target.hold?.('volume.upload');
    const upload = await cinder.post(
      `/volumes/${volumeId}/action`,
      { 'os-volume_upload_image': { image_name: name, disk_format: 'raw', container_format: 'bare' } },
      '3.1',
    );
    const volumeStatusAfter = (await cinder.get(`/volumes/${volumeId}`)).body.volume.status;
    release?.();
    images.push({ id: upload.body?.['os-volume_upload_image']?.image_id, name, upload, volumeStatusAfter });
    await cinder.waitFor(`/volumes/${volumeId}`, ['available']);
    await waitForImage(images.at(-1)!.id, 'active');
    // Glance keeps created_at to the second; distinct seconds keep "newest first" unambiguous.
    if (target.kind === 'real') await new Promise((resolve) => setTimeout(resolve, 1100));
  }
});
afterAll(async () => {
  for (const image of images) await call('DELETE', `${imageUrl}/v2/images/${image.id}`, demo.token).catch(() => {});
  await cinder?.cleanup();
  await target?.close();
});

const list = (query: string) => call('GET', `${imageUrl}/v2/images${query}`, demo.token);
const ids = (answer: Reply) => answer.body.images.map((i: { id: string }) => i.id);

describe('Cinder upload to image', () => {
  it('answers 202 with the upload summary while the volume is uploading', () => {
    const [first] = images;
    expect(first!.upload.status).toBe(202);
    const summary = first!.upload.body['os-volume_upload_image'];
    expect(Object.keys(summary).sort()).toEqual(
      [
        'id',
        'updated_at',
        'status',
        'display_description',
        'size',
        'volume_type',
        'image_id',
        'container_format',
        'disk_format',
        'image_name',
        'protected',
        'visibility',
      ].sort(),
    );
    expect(summary).toMatchObject({
      id: volumeId,
      status: 'uploading',
      size: 1,
      image_name: first!.name,
      disk_format: 'raw',
      container_format: 'bare',
      visibility: 'private',
      protected: false,
    });
    expect(first!.volumeStatusAfter).toBe('uploading');
  });
});

describe('Glance v2 images', () => {
  it('shows the uploaded image, private to its owner, once active', async () => {
    const shown = await call('GET', `${imageUrl}/v2/images/${images[0]!.id}`, demo.token);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      id: images[0]!.id,
      name: images[0]!.name,
      status: 'active',
      visibility: 'private',
      owner: demo.projectId,
      disk_format: 'raw',
      container_format: 'bare',
      self: `/v2/images/${images[0]!.id}`,
      file: `/v2/images/${images[0]!.id}/file`,
      schema: '/v2/schemas/image',
    });
  });

  it('says an unknown image is not found', async () => {
    const answer = await call('GET', `${imageUrl}/v2/images/00000000-0000-0000-0000-000000000000`, demo.token);
    expect(answer.status).toBe(404);
  });

  it("hides a project's private image from other projects", async () => {
    const alt = await login(target, 'alt_demo');
    const answer = await call('GET', `${imageUrl}/v2/images/${images[0]!.id}`, alt.token);
    expect(answer.status).toBe(404);
    const listed = await call('GET', `${imageUrl}/v2/images?name=${images[0]!.name}`, alt.token);
    expect(listed.body.images).toEqual([]);
  });

  it('lists images newest first, with the schema link', async () => {
    const answer = await list(`?owner=${demo.projectId}`);
    expect(answer.status).toBe(200);
    expect(answer.body.schema).toBe('/v2/schemas/images');
    const mine = ids(answer).filter((id: string) => images.some((i) => i.id === id));
    expect(mine).toEqual([images[1]!.id, images[0]!.id]);
  });

  it('carries the query, less the marker, in the first link', async () => {
    const answer = await list(`?owner=${demo.projectId}&limit=1&marker=${images[1]!.id}`);
    expect(answer.body.first).toBe(`/v2/images?owner=${demo.projectId}&limit=1`);
  });

  it('filters by name and by visibility', async () => {
    expect(ids(await list(`?name=${images[1]!.name}`))).toEqual([images[1]!.id]);
    const privateOnes = await list('?visibility=private');
    expect(privateOnes.body.images.every((i: { visibility: string }) => i.visibility === 'private')).toBe(true);
    expect(ids(privateOnes)).toEqual(expect.arrayContaining(images.map((i) => i.id)));
    const publicOnes = await list('?visibility=public');
    expect(ids(publicOnes)).not.toContain(images[0]!.id);
  });

  it('pages with limit, following next links that carry the marker', async () => {
    const query = `?owner=${demo.projectId}&name=${images[0]!.name}`;
    const all = ids(await list(query));
    expect(all).toEqual([images[0]!.id]);
    const first = await list(`?owner=${demo.projectId}&limit=1`);
    expect(first.body.images).toHaveLength(1);
    const next = new URL(first.body.next, imageUrl);
    expect(next.pathname).toBe('/v2/images');
    expect(next.searchParams.get('marker')).toBe(ids(first)[0]);
    expect(next.searchParams.get('limit')).toBe('1');
    const second = await list(`?${next.searchParams}`);
    expect(second.body.images).toHaveLength(1);
    expect(ids(second)[0]).not.toBe(ids(first)[0]);
  });

  it('links next from any full page, even when it is the last one', async () => {
    // Glance sets next_marker whenever a page holds `limit` images; only an empty page ends the list.
    const full = await list(`?name=${images[0]!.name}&limit=1`);
    expect(ids(full)).toEqual([images[0]!.id]);
    expect(full.body.next).toBe(`/v2/images?name=${images[0]!.name}&limit=1&marker=${images[0]!.id}`);
    const after = await list(`?name=${images[0]!.name}&limit=1&marker=${images[0]!.id}`);
    expect(after.body.images).toEqual([]);
    expect(after.body).not.toHaveProperty('next');
  });
});
