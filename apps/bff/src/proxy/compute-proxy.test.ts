import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BrowserClient, startSignedIn, type Harness } from '../test-support/harness.js';

let harness: Harness;
let browser: BrowserClient;
beforeEach(async () => {
  ({ harness, browser } = await startSignedIn());
});
afterEach(() => harness.close());

async function serverNamed(name: string): Promise<string> {
  const { servers } = await (await browser.request('/api/nova/servers')).json();
  return servers.find((s: { name: string }) => s.name === name).id;
}

async function volumeNamed(name: string): Promise<{ id: string; status: string; attachments: unknown[] }> {
  const { volumes } = await (await browser.request('/api/cinder/volumes/detail')).json();
  return volumes.find((v: { name: string }) => v.name === name);
}

async function volumeUntil(id: string, status: string) {
  for (;;) {
    const { volume } = await (await browser.request(`/api/cinder/volumes/${id}`)).json();
    if (volume.status === status) return volume;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('/api/nova proxy', () => {
  it("lists the project's servers by name, and capabilities say there is a compute service", async () => {
    const { servers } = await (await browser.request('/api/nova/servers')).json();
    expect(servers.map((s: { name: string }) => s.name).sort()).toEqual(['app-1', 'web-1']);
    const { features } = await (await browser.request('/api/capabilities')).json();
    expect(features.compute).toBe(true);
  });

  it('attaches a volume to a server and detaches it again', async () => {
    const server = await serverNamed('app-1');
    const scratch = await volumeNamed('scratch');
    const attached = await browser.request(`/api/nova/servers/${server}/os-volume_attachments`, {
      method: 'POST',
      body: { volumeAttachment: { volumeId: scratch.id } },
    });
    expect(attached.status).toBe(200);
    const { volumeAttachment } = await attached.json();
    expect(volumeAttachment).toMatchObject({ serverId: server, volumeId: scratch.id, device: '/dev/vdb' });
    const inUse = await volumeUntil(scratch.id, 'in-use');
    expect(inUse.attachments).toMatchObject([{ server_id: server, device: '/dev/vdb' }]);

    const detached = await browser.request(`/api/nova/servers/${server}/os-volume_attachments/${scratch.id}`, {
      method: 'DELETE',
    });
    expect(detached.status).toBe(202);
    expect((await volumeUntil(scratch.id, 'available')).attachments).toEqual([]);
    const trail = await (await browser.request('/api/audit')).json();
    const actions = JSON.stringify(trail);
    expect(actions).toContain('volume.attach');
    expect(actions).toContain('volume.detach');
  });

  it('refuses a bad attach body at the BFF, naming the field', async () => {
    const server = await serverNamed('app-1');
    const response = await browser.request(`/api/nova/servers/${server}/os-volume_attachments`, {
      method: 'POST',
      body: { volumeAttachment: { volumeId: 'not-a-uuid', device: 'sdb' } },
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.message).toMatch(/volumeId/);
  });

  it("relays Nova's fault in the envelope", async () => {
    const response = await browser.request('/api/nova/servers/nope');
    expect(response.status).toBe(404);
    const { error } = await response.json();
    expect(error).toMatchObject({
      code: 'itemNotFound',
      message: 'Instance nope could not be found.',
      upstream: 'nova',
    });
  });

  it.each([
    ['a server create', 'POST', '/api/nova/servers', 405],
    ['a server delete', 'DELETE', '/api/nova/servers/x', 405],
    ['flavors', 'GET', '/api/nova/flavors', 404],
    ['a server action', 'POST', '/api/nova/servers/x/action', 404],
  ])('refuses %s: only server reads and attachments go to Nova', async (_what, method, path, status) => {
    const response = await browser.request(path, { method, ...(method === 'POST' ? { body: {} } : {}) });
    expect(response.status).toBe(status);
  });

  it("cannot see another project's server", async () => {
    const alt = new BrowserClient(harness.bff.url);
    await alt.login('alt_demo', 'alt_demo');
    const response = await alt.request(`/api/nova/servers/${await serverNamed('app-1')}`);
    expect(response.status).toBe(404);
  });
});
