import { request, type APIRequestContext } from '@playwright/test';
import { keystonePasswordAuth } from '@cinder-console/cinder';

/** The emulator behind the console under test (scripts/e2e.mjs picks its port). */
const emulatorUrl = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 5151}`;

/**
 * The cloud as the `openstack` CLI reaches it: a token of `user`'s own project from Keystone, and
 * Cinder's endpoint from the catalog. Changes made through it never pass through the console.
 */
export class CloudCli {
  private constructor(
    private readonly context: APIRequestContext,
    private readonly token: string,
    private readonly cinderUrl: string,
  ) {}

  /** `authUrl`: Keystone's v3 URL (the emulator's by default); the password is the user name, as both seed it. */
  static async signIn(user: string, authUrl = `${emulatorUrl}/identity/v3`): Promise<CloudCli> {
    const context = await request.newContext();
    const auth = keystonePasswordAuth({ name: user, password: user }, { name: user });
    const issued = await context.post(`${authUrl}/auth/tokens`, { data: { auth } });
    const token = issued.headers()['x-subject-token'];
    if (!token) throw new Error(`token for ${user}: ${issued.status()}`);
    const body = (await issued.json()) as {
      token: { catalog: Array<{ type: string; endpoints: Array<{ interface: string; url: string }> }> };
    };
    const cinder = body.token.catalog.find((entry) => entry.type === 'volumev3' || entry.type === 'block-storage');
    const url = cinder?.endpoints.find((endpoint) => endpoint.interface === 'public')?.url;
    if (!url) throw new Error('no Cinder endpoint in the catalog');
    return new CloudCli(context, token, url);
  }

  async createVolume(name: string, size = 1): Promise<string> {
    const response = await this.call('POST', '/volumes', { volume: { size, name } });
    return ((await response.json()) as { volume: { id: string } }).volume.id;
  }

  rename(id: string, name: string) {
    return this.call('PUT', `/volumes/${id}`, { volume: { name } });
  }

  extend(id: string, size: number) {
    return this.call('POST', `/volumes/${id}/action`, { 'os-extend': { new_size: size } });
  }

  remove(id: string) {
    return this.call('DELETE', `/volumes/${id}`);
  }

  dispose(): Promise<void> {
    return this.context.dispose();
  }

  private async call(method: string, path: string, data?: unknown) {
    const response = await this.context.fetch(`${this.cinderUrl}${path}`, {
      method,
      headers: { 'X-Auth-Token': this.token, 'OpenStack-API-Version': 'volume 3.60' },
      ...(data === undefined ? {} : { data }),
    });
    if (response.status() >= 400) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return response;
  }
}
