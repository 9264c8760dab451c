import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient } from '../../apps/bff/src/test-support/harness.js';
import { startBffProcess, type BffProcess } from '../support/bff-process.js';
import { rawRequest, requestHead } from '../support/raw-http.js';
import { startRecordingCloud, type RecordingCloud } from '../support/recording-cloud.js';

/**
 * What an outside probe of the BFF broke (issue #17, docs/reliability.md "Probe findings"), one
 * test per finding, against a BFF process configured as in production behind a proxy
 * (TRUST_PROXY=loopback), with small limits where a limit is the finding.
 */

let cloud: RecordingCloud;
let bff: BffProcess;
let demo: BrowserClient;
let alt: BrowserClient;
let admin: BrowserClient;
let altProject: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- entries are read loosely, as JSON
async function trail(client: BrowserClient, query = ''): Promise<Array<Record<string, any>>> {
  const response = await client.request(`/api/audit${query}`);
  expect(response.status).toBe(200);
  return (await response.json()).entries;
}

async function signIn(user: string): Promise<BrowserClient> {
  const client = new BrowserClient(bff.url);
  expect((await client.login(user)).status).toBe(201);
  return client;
}

beforeAll(async () => {
  cloud = await startRecordingCloud();
  const staticDir = mkdtempSync(path.join(tmpdir(), 'probe-spa-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body>spa</body></html>');
  bff = await startBffProcess({
    OS_AUTH_URL: cloud.authUrl,
    STATIC_DIR: staticDir,
    LOG_LEVEL: 'info',
    TRUST_PROXY: 'loopback',
    AUDIT_MAX_ENTRIES_PER_PROJECT: '20',
    LOGIN_RATE_LIMIT: '5',
    LOGIN_USER_RATE_LIMIT: '5',
    LOGIN_DELAY_STEP_MS: '1',
    BODY_TIMEOUT_MS: '1000',
    HEADERS_TIMEOUT_MS: '1500',
    REQUEST_TIMEOUT_MS: '3000',
  });
  demo = await signIn('demo');
  alt = await signIn('alt_demo');
  admin = await signIn('admin');
  altProject = (await (await alt.request('/api/session')).json()).project.id;
});

afterAll(async () => {
  await bff?.kill();
  await cloud?.close();
});

describe('1. metrics', () => {
  it('keeps route labels to a fixed set however many random paths anonymous clients ask for', async () => {
    for (let i = 0; i < 300; i++) {
      const random = Math.random().toString(36).slice(2);
      await fetch(`${bff.url}/api/c${random}`);
      await fetch(`${bff.url}/api/${random}/x`, { method: random.slice(0, 5).toUpperCase() });
    }
    const text = await (await fetch(`${bff.metricsUrl}/metrics`)).text();
    const series = text.split('\n').filter((line) => line.startsWith('cinder_console_http_requests_total{'));
    const routes = new Set(series.map((line) => /route="([^"]*)"/.exec(line)![1]));
    expect(
      [...routes].every((r) =>
        /^(session|audit|identity|capabilities|events|glance|cinder|api-other|static|healthz)$/.test(r!),
      ),
    ).toBe(true);
    expect(routes).toContain('api-other');
    expect(series.length).toBeLessThan(60);
  });

  it('answers /metrics and /readyz on their own loopback listener, not on the public port', async () => {
    expect(new URL(bff.metricsUrl).hostname).toBe('127.0.0.1');
    expect(new URL(bff.metricsUrl).port).not.toBe(new URL(bff.url).port);
    expect((await fetch(`${bff.metricsUrl}/readyz`)).status).toBe(200);
    for (const target of ['/metrics', '/readyz']) {
      const text = await (await fetch(`${bff.url}${target}`)).text();
      expect(text, target).not.toContain('cinder_console_');
      expect(text, target).not.toContain('ready"');
    }
    // The load balancer's liveness check stays where it was.
    expect((await fetch(`${bff.url}/healthz`)).status).toBe(200);
  });
});

describe('2. methods and the audit trail', () => {
  it('answers OPTIONS, TRACE, PROPFIND and PATCH on the proxies itself: 405, nothing upstream, nothing audited', async () => {
    const before = cloud.requests.length;
    const trailBefore = (await trail(demo)).length;
    for (const method of ['OPTIONS', 'TRACE', 'PROPFIND', 'PATCH']) {
      for (const target of ['/api/cinder/volumes', '/api/glance/v2/images']) {
        // Raw: fetch refuses to send TRACE.
        const head = requestHead(method, target, new URL(bff.url).host, {
          Cookie: demo.cookie!,
          'X-CSRF-Token': demo.csrfToken!,
        });
        const response = await rawRequest(bff.url, head);
        expect(response.status, `${method} ${target}`).toBe(405);
        expect(response.headers.allow).toMatch(/^GET, HEAD/);
        expect(JSON.parse(response.body).error.code).toBe('methodNotAllowed');
      }
    }
    expect(cloud.requests.slice(before).filter((r) => !r.path.includes('/auth/'))).toEqual([]);
    expect((await trail(demo)).length).toBe(trailBefore);
  });

  it("keeps each project's trail: a member's flood of changes cannot evict another project's entries", async () => {
    const own = await demo.request('/api/cinder/volumes', {
      method: 'POST',
      body: { volume: { size: 1, name: 'kept' } },
    });
    expect(own.status).toBe(202);
    // 40 failed changes from alt_demo, twice the per-project cap.
    for (let i = 0; i < 40; i++) await alt.request(`/api/cinder/volumes/no-such-${i}`, { method: 'DELETE' });
    expect((await trail(alt)).length).toBe(20);
    expect((await trail(demo)).map((e) => e.action)).toContain('volume.create');
  });

  it("records an admin's change to another project's volume with the owner, for that project's members to see", async () => {
    const volume = (await (await alt.request('/api/cinder/volumes')).json()).volumes[0];
    const renamed = await admin.request(`/api/cinder/volumes/${volume.id}`, {
      method: 'PUT',
      body: { volume: { description: 'set by the admin' } },
    });
    expect(renamed.status).toBe(200);
    const seen = (await trail(alt, `?target=${volume.id}`)).find((e) => e.user.name === 'admin');
    expect(seen).toMatchObject({ action: 'volume.update', owner: { id: altProject }, result: 'success' });
  });
});

describe('3. switching project', () => {
  it('revokes the token it replaces', async () => {
    const known = new Set(cloud.requests.map((r) => r.token));
    const client = await signIn('demo');
    const session = await (await client.request('/api/session')).json();
    await client.request('/api/cinder/volumes');
    // The tokens this sign-in made, unscoped one included.
    const made = [...new Set(cloud.requests.map((r) => r.token))].filter((t): t is string => !!t && !known.has(t));
    const live = made.filter((token) => cloud.ctx.tokens.validate(token));
    expect(live).toHaveLength(1);
    const staging = session.projects.find((p: { name: string }) => p.name === 'demo_staging');
    expect(
      (await client.request('/api/session/project', { method: 'PUT', body: { projectId: staging.id } })).status,
    ).toBe(200);
    expect(cloud.ctx.tokens.validate(live[0])).toBeUndefined();
    // The session goes on with its new token.
    expect((await client.request('/api/cinder/volumes')).status).toBe(200);
  });
});

describe('4. sign-in throttling', () => {
  const attempt = (user: string, password: string, address: string) =>
    new BrowserClient(bff.url).request('/api/session', {
      method: 'POST',
      body: { username: user, password },
      headers: { 'X-Forwarded-For': address },
    });

  it('cannot be turned into a lock-out: wrong passwords from many addresses leave the right one working', async () => {
    for (let i = 0; i < 30; i++) expect((await attempt('admin', 'wrong', `203.0.113.${i + 1}`)).status).toBe(401);
    expect((await attempt('admin', 'admin', '198.51.100.1')).status).toBe(201);
  });

  it('refuses one address that keeps failing for one user, after LOGIN_RATE_LIMIT failures, and no one else', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('alt_demo', 'wrong', '192.0.2.66')).status).toBe(401);
    const refused = await attempt('alt_demo', 'alt_demo', '192.0.2.66');
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('tooManyLogins');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await attempt('alt_demo', 'alt_demo', '192.0.2.67')).status).toBe(201);
    expect((await attempt('demo', 'demo', '192.0.2.66')).status).toBe(201);
  });

  it("never counts a user's own successful sign-ins", async () => {
    for (let i = 0; i < 15; i++) expect((await attempt('demo', 'demo', '192.0.2.80')).status).toBe(201);
  });
});

describe('5. static files', () => {
  it('answers malformed and climbing asset paths with a 4xx in the envelope, and logs no error', async () => {
    for (const target of ['/assets/%', '/assets/%E0%A4%A', '/assets/..%2f..%2fpackage.json', '/assets/nope.js']) {
      const response = await rawRequest(bff.url, requestHead('GET', target, new URL(bff.url).host));
      expect(response.status, target).toBeGreaterThanOrEqual(400);
      expect(response.status, target).toBeLessThan(500);
      expect(JSON.parse(response.body).error.status, target).toBe(response.status);
    }
    expect(bff.output()).not.toMatch(/"level":50/);
    expect(bff.output()).not.toContain('unhandled error');
  });
});

describe('6. slow clients and connections', () => {
  it('answers a body that stops arriving with 408 and closes the connection', async () => {
    const host = new URL(bff.url).host;
    const head = requestHead('POST', '/api/session', host, { 'Content-Type': 'application/json' }, 100);
    const response = await rawRequest(bff.url, head, '{"username":');
    expect(response.status).toBe(408);
    expect(JSON.parse(response.body).error.code).toBe('bodyTimeout');
  });

  it('closes a connection whose request head never ends', async () => {
    const { hostname, port } = new URL(bff.url);
    const closed = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(port), hostname, () => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
    });
    expect(closed.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
  });
});

describe('7. case-sensitive routing', () => {
  it('answers /API/... in another case with a 404 envelope: neither the API nor the page with the session', async () => {
    for (const target of ['/API/cinder/volumes', '/Api/session', '/api/Cinder/volumes']) {
      const response = await demo.request(target);
      const body = await response.text();
      expect(response.status, target).toBe(404);
      expect(JSON.parse(body).error.code, target).toBe('notFound');
      expect(body, target).not.toContain('"volumes"');
      expect(body, target).not.toContain('csrfToken');
    }
  });
});

describe('8. the rest', () => {
  it("rewrites Cinder's links to the console's own paths, and removes the ones it cannot", async () => {
    for (let i = 0; i < 2; i++)
      await demo.request('/api/cinder/volumes', { method: 'POST', body: { volume: { size: 1, name: `page-${i}` } } });
    const page = await (await demo.request('/api/cinder/volumes/detail?limit=1')).json();
    const hrefs = [...page.volumes[0].links, ...page.volumes_links].map((link: { href: string }) => link.href);
    expect(page.volumes_links.find((link: { rel: string }) => link.rel === 'next').href).toMatch(
      new RegExp(`^${bff.url}/api/cinder/volumes/detail\\?.*marker=`),
    );
    for (const href of hrefs) expect(href.startsWith(`${bff.url}/api/cinder/`), href).toBe(true);
    expect(JSON.stringify(page)).not.toContain(new URL(cloud.url).host);
  });

  it('sends HSTS and names the cookie __Host- when the request came over TLS through the trusted proxy, not otherwise', async () => {
    const overTls = new BrowserClient(bff.url);
    const secure = await overTls.request('/api/session', {
      method: 'POST',
      body: { username: 'demo', password: 'demo' },
      headers: { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '192.0.2.90' },
    });
    expect(secure.status).toBe(201);
    expect(secure.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(secure.headers.get('set-cookie')).toMatch(/^__Host-cc_session=[\w-]{43};.*Secure/i);
    const plain = await new BrowserClient(bff.url).login('demo');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(plain.headers.get('set-cookie')).toMatch(/^cc_session=/);
    // Over TLS, a plain-named cookie (one a sibling subdomain could have set) is not a session.
    const tossed = await fetch(`${bff.url}/api/session`, {
      headers: { Cookie: overTls.cookie!.replace('__Host-', ''), 'X-Forwarded-Proto': 'https' },
    });
    expect(tossed.status).toBe(401);
  });

  it('refuses malformed percent-escapes at the guard with 400, sending nothing upstream', async () => {
    const before = cloud.requests.length;
    for (const target of [
      '/api/cinder/volumes/%',
      '/api/cinder/volumes/%E0%A4%A',
      '/api/cinder/volumes/%zz',
      '/api/cinder/volumes?name=%ff',
    ]) {
      const response = await rawRequest(
        bff.url,
        requestHead('GET', target, new URL(bff.url).host, { Cookie: demo.cookie!, Accept: 'application/json' }),
      );
      expect(response.status, target).toBe(400);
      expect(JSON.parse(response.body).error.code, target).toMatch(/^(pathRefused|queryRefused)$/);
    }
    expect(cloud.requests.length).toBe(before);
  });
});
