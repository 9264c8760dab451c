import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '@cinder-console/emulator';
import { loadConfig } from '../config.js';
import { startBff, type RunningBff } from '../server.js';

/** A browser's cookie jar and one tab's cloud: what the SPA sends as `X-Console-Cloud`. */
class Tab {
  readonly jar: Map<string, string>;
  csrfToken: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly cloud: string | undefined,
    jar = new Map<string, string>(),
  ) {
    this.jar = jar;
  }

  async request(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    if (this.cloud) headers['X-Console-Cloud'] = this.cloud;
    if (this.jar.size) headers.Cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
    if (method !== 'GET' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=') as [string, string];
      if (value) this.jar.set(name, value);
      else this.jar.delete(name);
    }
    return response;
  }

  async login(user: string) {
    const response = await this.request('/api/session', { method: 'POST', body: { username: user, password: user } });
    const body = await response.json();
    this.csrfToken = body.csrfToken;
    return { status: response.status, body };
  }

  async volumeNames(): Promise<string[]> {
    const body = await (await this.request('/api/cinder/volumes')).json();
    if (!body.volumes) throw new Error(JSON.stringify(body));
    return body.volumes.map((volume: { name: string }) => volume.name);
  }
}

/** clouds.yaml naming each emulator; `extra` adds keys to every entry. */
function cloudsYaml(entries: Record<string, { authUrl: string; extra?: string }>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bff-clouds-'));
  const file = path.join(dir, 'clouds.yaml');
  const lines = ['clouds:'];
  for (const [name, { authUrl, extra }] of Object.entries(entries)) {
    lines.push(`  ${name}:`, `    display_name: ${name[0]!.toUpperCase()}${name.slice(1)} cloud`);
    lines.push('    auth:', `      auth_url: ${authUrl}`);
    if (extra) lines.push(extra);
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const BASE_ENV = { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', METRICS_PORT: 'shared' };

describe('several clouds (OS_CLOUDS)', () => {
  let east: RunningEmulator;
  let west: RunningEmulator;
  let bff: RunningBff;
  let file: string;

  beforeAll(async () => {
    [east, west] = await Promise.all([startEmulator({ port: 0, fast: true }), startEmulator({ port: 0, fast: true })]);
    file = cloudsYaml({ east: { authUrl: east.authUrl }, west: { authUrl: west.authUrl } });
    bff = await startBff(loadConfig({ ...BASE_ENV, OS_CLOUDS: 'east,west', OS_CLIENT_CONFIG_FILE: file }));
  });
  afterAll(async () => {
    await bff?.close();
    await Promise.all([east?.close(), west?.close()]);
  });

  it('lists the clouds by name to anyone, and which of them this browser is signed in to', async () => {
    const tab = new Tab(bff.url, undefined);
    const list = await (await tab.request('/api/clouds')).json();
    expect(list).toEqual({
      clouds: [
        { name: 'east', displayName: 'East cloud', signedIn: false },
        { name: 'west', displayName: 'West cloud', signedIn: false },
      ],
      current: 'east',
    });
    // Names only: where each cloud is stays in the BFF.
    expect(JSON.stringify(list)).not.toContain('127.0.0.1');
  });

  it("keeps one session per cloud side by side, each seeing only its cloud's data", async () => {
    const jar = new Map<string, string>();
    const westTab = new Tab(bff.url, 'west', jar);
    const eastTab = new Tab(bff.url, 'east', jar);
    const signedInWest = await westTab.login('demo');
    expect(signedInWest.status).toBe(201);
    expect(signedInWest.body.cloud).toEqual({ name: 'west', displayName: 'West cloud' });
    expect(jar.get('cc_cloud')).toBe('west');

    const created = await westTab.request('/api/cinder/volumes', {
      method: 'POST',
      body: { volume: { name: 'only-in-west', size: 1 } },
    });
    expect(created.status).toBe(202);
    expect(await westTab.volumeNames()).toContain('only-in-west');

    // The east tab has no session yet: signing in to west did not sign it in to east.
    expect((await eastTab.request('/api/session')).status).toBe(401);
    expect((await eastTab.login('demo')).body.cloud.name).toBe('east');
    expect(await eastTab.volumeNames()).not.toContain('only-in-west');
    expect(await westTab.volumeNames()).toContain('only-in-west');

    const list = await (await eastTab.request('/api/clouds')).json();
    expect(list.clouds.map((cloud: { signedIn: boolean }) => cloud.signedIn)).toEqual([true, true]);
    // A page opened without naming a cloud is about the one signed in to last.
    expect(list.current).toBe('east');
    const untold = new Tab(bff.url, undefined, jar);
    expect((await (await untold.request('/api/session')).json()).cloud.name).toBe('east');

    // Signing out of one cloud leaves the other's session as it was.
    westTab.csrfToken = signedInWest.body.csrfToken;
    expect((await westTab.request('/api/session', { method: 'DELETE' })).status).toBe(204);
    expect((await westTab.request('/api/session')).status).toBe(401);
    expect((await eastTab.request('/api/session')).status).toBe(200);
  });

  it("opens nothing with one cloud's session id in another cloud's cookie", async () => {
    const tab = new Tab(bff.url, 'west');
    await tab.login('demo');
    const id = tab.jar.get('cc_session-west')!;
    const moved = new Tab(bff.url, 'east', new Map([['cc_session-east', id]]));
    expect((await moved.request('/api/session')).status).toBe(401);
  });

  it('tells a tab that names a cloud the console does not have, rather than using another', async () => {
    const response = await new Tab(bff.url, 'nowhere').request('/api/session');
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('unknownCloud');
  });

  it('binds a multi-factor ticket to the cloud that asked for the passcode', async () => {
    const tab = new Tab(bff.url, 'east');
    const forged = await tab.request('/api/session', {
      method: 'POST',
      body: { mfa: { ticket: 'x'.repeat(43), passcode: '123456' } },
    });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.code).toBe('mfaExpired');
  });

  it('lets a page of this origin choose the cloud new pages open on, and nobody else', async () => {
    const tab = new Tab(bff.url, 'west');
    expect((await tab.request('/api/clouds/current', { method: 'PUT', body: { cloud: 'west' } })).status).toBe(204);
    expect(tab.jar.get('cc_cloud')).toBe('west');

    const headerless = new Tab(bff.url, undefined);
    const refused = await headerless.request('/api/clouds/current', { method: 'PUT', body: { cloud: 'west' } });
    expect(refused.status).toBe(403);
    const crossSite = await tab.request('/api/clouds/current', {
      method: 'PUT',
      body: { cloud: 'east' },
      headers: { Origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    const unknown = await tab.request('/api/clouds/current', { method: 'PUT', body: { cloud: 'nowhere' } });
    expect(unknown.status).toBe(404);
  });

  it('follows each tab to its own cloud in the event stream', async () => {
    const tab = new Tab(bff.url, undefined);
    await new Tab(bff.url, 'west', tab.jar).login('demo');
    const stream = await tab.request('/api/events?cloud=east');
    // No session on east in this jar: the stream is refused, not opened on west's session.
    expect(stream.status).toBe(401);
    await stream.body?.cancel();
  });
});

describe('OS_CLOUDS configuration', () => {
  it('refuses OS_CLOUDS beside OS_AUTH_URL, unknown names and names unfit for a cookie', () => {
    const file = cloudsYaml({ one: { authUrl: 'http://one.example:5000/v3' } });
    expect(() =>
      loadConfig({ ...BASE_ENV, OS_CLOUDS: 'one', OS_AUTH_URL: 'http://x.example', OS_CLIENT_CONFIG_FILE: file }),
    ).toThrow(/unset OS_AUTH_URL/);
    expect(() => loadConfig({ ...BASE_ENV, OS_CLOUDS: 'one,two', OS_CLIENT_CONFIG_FILE: file })).toThrow(
      /no cloud named "two"/,
    );
    expect(() => loadConfig({ ...BASE_ENV, OS_CLOUDS: 'one,b a d', OS_CLIENT_CONFIG_FILE: file })).toThrow(
      /"b a d" is not usable/,
    );
  });

  it('takes each cloud from its entry, with the environment filling what an entry leaves out', () => {
    const file = cloudsYaml({
      one: { authUrl: 'http://one.example:5000/v3', extra: '    region_name: RegionA' },
      two: { authUrl: 'http://two.example:5000', extra: '    interface: internal' },
    });
    const config = loadConfig({
      ...BASE_ENV,
      OS_CLOUDS: 'one, two',
      OS_REGION_NAME: 'Elsewhere',
      OS_CLIENT_CONFIG_FILE: file,
    });
    expect(config.clouds).toEqual([
      expect.objectContaining({
        name: 'one',
        displayName: 'One cloud',
        OS_REGION_NAME: 'RegionA',
        OS_INTERFACE: 'public',
      }),
      expect.objectContaining({
        name: 'two',
        OS_AUTH_URL: 'http://two.example:5000',
        OS_REGION_NAME: 'Elsewhere',
        OS_INTERFACE: 'internal',
      }),
    ]);
  });

  it('refuses clouds that differ in TLS trust, since one trust serves them all', () => {
    const file = cloudsYaml({
      one: { authUrl: 'https://one.example:5000/v3', extra: '    verify: false' },
      two: { authUrl: 'https://two.example:5000/v3' },
    });
    expect(() => loadConfig({ ...BASE_ENV, OS_CLOUDS: 'one,two', OS_CLIENT_CONFIG_FILE: file })).toThrow(
      /differ in verify\/insecure/,
    );
    // Said once for all of them, it is accepted.
    expect(
      loadConfig({ ...BASE_ENV, OS_CLOUDS: 'one,two', OS_INSECURE: 'true', OS_CLIENT_CONFIG_FILE: file }).OS_INSECURE,
    ).toBe(true);
  });
});
