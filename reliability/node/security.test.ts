import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserClient } from '../../apps/bff/src/test-support/harness.js';
import { openEvents } from '../../apps/bff/src/test-support/events.js';
import { haveRedis, startRedis } from '@cinder-console/test-support';
import { startBffProcess, type BffProcess } from '../support/bff-process.js';
import { startRecordingCloud, type RecordingCloud } from '../support/recording-cloud.js';

/**
 * Nobody gets in where they do not belong, against a BFF process configured as in production
 * (Redis sessions, default rate limits, debug logging so that its logs can be searched too).
 */

const SECRET = 'reliability-suite-secret-of-at-least-32-chars';
let redis: Awaited<ReturnType<typeof startRedis>>;
let cloud: RecordingCloud;
let bff: BffProcess;
let demo: BrowserClient;
let alt: BrowserClient;
let admin: BrowserClient;
let demoProject: string;
let altProject: string;
let altVolume: { id: string; name: string; status: string; size: number };
let altSnapshotId: string;
/** Every response body and header the BFF gave in this file, searched for tokens at the end. */
const seen: string[] = [];

async function call(client: BrowserClient, target: string, init: Parameters<BrowserClient['request']>[1] = {}) {
  const response = await client.request(target, init);
  const body = await response.clone().text();
  seen.push(`${response.status} ${JSON.stringify([...response.headers])} ${body}`);
  return response;
}

async function signIn(user: string): Promise<{ client: BrowserClient; projectId: string }> {
  const client = new BrowserClient(bff.url);
  const response = await client.login(user);
  expect(response.status).toBe(201);
  seen.push(JSON.stringify([...response.headers]) + (await response.clone().text()));
  return { client, projectId: (await response.json()).project.id };
}

/** Every Keystone token the cloud has seen from the BFF. */
const tokens = () => [...new Set(cloud.requests.map((r) => r.token).filter((t): t is string => Boolean(t)))];

describe.skipIf(!haveRedis)('security', () => {
  beforeAll(async () => {
    redis = await startRedis();
    cloud = await startRecordingCloud();
    const staticDir = mkdtempSync(path.join(tmpdir(), 'reliability-spa-'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body>spa</body></html>');
    bff = await startBffProcess({
      OS_AUTH_URL: cloud.authUrl,
      REDIS_URL: redis.url,
      SESSION_SECRET: SECRET,
      LOG_LEVEL: 'debug',
      STATIC_DIR: staticDir,
    });
    ({ client: demo, projectId: demoProject } = await signIn('demo'));
    ({ client: alt, projectId: altProject } = await signIn('alt_demo'));
    ({ client: admin } = await signIn('admin'));
    altVolume = (await (await call(alt, '/api/cinder/volumes/detail')).json()).volumes[0];
    const snapshot = await call(alt, '/api/cinder/snapshots', {
      method: 'POST',
      body: { snapshot: { volume_id: altVolume.id, name: 'alt-snap', force: true } },
    });
    altSnapshotId = (await snapshot.json()).snapshot.id;
  });

  afterAll(async () => {
    await bff?.kill();
    await cloud?.close();
    await redis?.stop();
  });

  describe('cookies', () => {
    it('sets one opaque session cookie, HttpOnly and SameSite=Strict, at sign-in and at a project switch', async () => {
      const response = await new BrowserClient(bff.url).login('demo');
      const cookies = response.headers.getSetCookie();
      expect(cookies).toHaveLength(1);
      expect(cookies[0]).toMatch(/; HttpOnly/i);
      expect(cookies[0]).toMatch(/; SameSite=Strict/i);
      expect(cookies[0]).toMatch(/; Path=\//i);
      const value = cookies[0]!.split(';')[0]!.split('=')[1]!;
      for (const token of tokens()) expect(value).not.toContain(token.slice(0, 16));
    });
  });

  describe('CSRF and origin', () => {
    const mutations = (): Array<[string, string, unknown]> => [
      ['POST', '/api/cinder/volumes', { volume: { size: 1, name: 'csrf' } }],
      ['DELETE', `/api/cinder/volumes/${altVolume.id}`, undefined],
      ['POST', '/api/cinder/snapshots', { snapshot: { volume_id: altVolume.id } }],
      ['PUT', '/api/session/project', { projectId: demoProject }],
      ['PUT', '/api/session/region', { region: 'RegionOne' }],
      ['DELETE', '/api/session', undefined],
    ];

    it('refuses every mutation without the CSRF token, or with a wrong one, and sends nothing upstream', async () => {
      const before = cloud.requests.filter((r) => r.path.startsWith('/volume/')).length;
      for (const [method, target, body] of mutations()) {
        for (const token of ['', 'forged-token', demo.csrfToken!.slice(0, -1)]) {
          const response = await call(demo, target, {
            method,
            ...(body ? { body } : {}),
            headers: { 'X-CSRF-Token': token },
          });
          expect(response.status, `${method} ${target} with ${JSON.stringify(token)}`).toBe(403);
          expect((await response.json()).error.code).toBe('csrfTokenInvalid');
        }
      }
      expect(cloud.requests.filter((r) => r.path.startsWith('/volume/')).length).toBe(before);
    });

    it('refuses every mutation from a foreign origin or site, even with the right token', async () => {
      for (const [method, target, body] of mutations()) {
        const foreign: Array<Record<string, string>> = [
          { Origin: 'https://evil.example' },
          { Origin: 'null' },
          { Origin: bff.url.replace('127.0.0.1', 'localhost') },
          { 'Sec-Fetch-Site': 'cross-site' },
        ];
        for (const headers of foreign) {
          const response = await call(demo, target, { method, ...(body ? { body } : {}), headers });
          expect(response.status, `${method} ${target} ${JSON.stringify(headers)}`).toBe(403);
          expect((await response.json()).error.code).toBe('crossOrigin');
        }
      }
      const login = await call(new BrowserClient(bff.url), '/api/session', {
        method: 'POST',
        body: { username: 'demo', password: 'demo' },
        headers: { Origin: 'https://evil.example' },
      });
      expect(login.status).toBe(403);
      // The session still works: none of the refused calls ended it.
      expect((await call(demo, '/api/session')).status).toBe(200);
    });
  });

  describe("tenant isolation: demo and alt_demo's resources", () => {
    it('cannot read, change or delete them by any URL', async () => {
      const v = altVolume.id;
      const attempts: Array<[string, string, unknown?]> = [
        ['GET', `/api/cinder/volumes/${v}`],
        ['GET', `/api/cinder/volumes/${v}/metadata`],
        ['GET', `/api/cinder/snapshots/${altSnapshotId}`],
        ['PUT', `/api/cinder/volumes/${v}`, { volume: { name: 'taken-over' } }],
        ['POST', `/api/cinder/volumes/${v}/metadata`, { metadata: { owner: 'demo' } }],
        ['POST', `/api/cinder/volumes/${v}/action`, { 'os-extend': { new_size: altVolume.size + 1 } }],
        ['POST', `/api/cinder/volumes/${v}/action`, { 'os-reset_status': { status: 'error' } }],
        ['POST', `/api/cinder/volumes/${v}/action`, { 'os-force_delete': {} }],
        ['POST', '/api/cinder/snapshots', { snapshot: { volume_id: v, name: 'stolen', force: true } }],
        ['POST', '/api/cinder/backups', { backup: { volume_id: v, name: 'stolen', force: true } }],
        ['POST', '/api/cinder/os-volume-transfer', { transfer: { volume_id: v, name: 'stolen' } }],
        ['POST', '/api/cinder/volumes', { volume: { size: 1, source_volid: v, name: 'clone' } }],
        ['POST', '/api/cinder/volumes', { volume: { size: 1, snapshot_id: altSnapshotId, name: 'clone' } }],
        ['PUT', `/api/cinder/snapshots/${altSnapshotId}`, { snapshot: { name: 'taken' } }],
        ['DELETE', `/api/cinder/snapshots/${altSnapshotId}`],
        ['DELETE', `/api/cinder/volumes/${v}`],
        ['GET', `/api/cinder/${altProject}/volumes/${v}`],
        ['DELETE', `/api/cinder/${altProject}/volumes/${v}`],
        ['PUT', '/api/session/project', { projectId: altProject }],
      ];
      for (const [method, target, body] of attempts) {
        const response = await call(demo, target, { method, ...(body ? { body } : {}) });
        expect(response.status, `${method} ${target}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${method} ${target}`).toBeLessThan(500);
        expect(await response.text(), `${method} ${target}`).not.toContain(altVolume.name);
      }
      const lists = [
        '/api/cinder/volumes/detail',
        '/api/cinder/volumes/detail?all_tenants=1',
        `/api/cinder/volumes/detail?all_tenants=1&project_id=${altProject}`,
        '/api/cinder/snapshots/detail?all_tenants=1',
        `/api/cinder/messages?resource_uuid=${v}`,
      ];
      for (const target of lists) {
        const text = await (await call(demo, target)).text();
        expect(text, target).not.toContain(v);
        expect(text, target).not.toContain(altSnapshotId);
      }
      // The audit trail shows demo its own project only (its own failed attempts above included).
      const audit = (await (await call(demo, `/api/audit?project=${altProject}`)).json()).entries;
      expect(new Set(audit.map((e: { project: { id: string } }) => e.project.id))).toEqual(new Set([demoProject]));
      // And alt_demo's volume is as it was.
      const after = (await (await call(alt, `/api/cinder/volumes/${v}`)).json()).volume;
      expect(after).toMatchObject({ name: altVolume.name, status: altVolume.status, size: altVolume.size });
      expect((await call(alt, `/api/cinder/snapshots/${altSnapshotId}`)).status).toBe(200);
      expect((await (await call(demo, '/api/session')).json()).project.id).toBe(demoProject);
    });

    it("never streams alt_demo's changes to demo", async () => {
      const stream = await openEvents(demo);
      await stream.positioned();
      const renamed = await call(alt, `/api/cinder/volumes/${altVolume.id}`, {
        method: 'PUT',
        body: { volume: { description: 'seen by alt only' } },
      });
      expect(renamed.status).toBe(200);
      // A change of demo's own, to know that the stream is flowing when we look.
      const own = await call(demo, '/api/cinder/volumes', {
        method: 'POST',
        body: { volume: { size: 1, name: 'mine' } },
      });
      const id = (await own.json()).volume.id;
      await stream.next((e) => e.id === id, 10_000);
      stream.close();
      expect(stream.received.map((r) => r.event.id)).not.toContain(altVolume.id);
    });
  });

  describe('admin calls', () => {
    it('refuses a member every admin call, and changes nothing', async () => {
      const typesBefore = await (await call(admin, '/api/cinder/types')).text();
      const quotaBefore = await (await call(admin, `/api/cinder/os-quota-sets/${demoProject}`)).text();
      // A volume at rest: one still creating (another test's) would change status by itself.
      const own = (
        (await (await call(demo, '/api/cinder/volumes/detail')).json()).volumes as Array<{ id: string; status: string }>
      ).find((volume) => volume.status === 'available' || volume.status === 'in-use')!;
      const attempts: Array<[string, string, unknown?]> = [
        ['GET', '/api/identity/projects'],
        ['GET', '/api/cinder/os-services'],
        ['GET', '/api/cinder/os-hosts'],
        ['GET', '/api/cinder/scheduler-stats/get_pools'],
        ['POST', '/api/cinder/types', { volume_type: { name: 'member-made' } }],
        ['PUT', `/api/cinder/os-quota-sets/${demoProject}`, { quota_set: { volumes: 100000 } }],
        ['DELETE', `/api/cinder/os-quota-sets/${demoProject}`],
        ['PUT', '/api/cinder/os-quota-class-sets/default', { quota_class_set: { volumes: 100000 } }],
        ['POST', '/api/cinder/qos-specs', { qos_specs: { name: 'member-qos' } }],
        ['PUT', `/api/cinder/default-types/${demoProject}`, { default_type: { volume_type: '__DEFAULT__' } }],
        ['POST', `/api/cinder/volumes/${own.id}/action`, { 'os-reset_status': { status: 'error' } }],
        ['POST', `/api/cinder/volumes/${own.id}/action`, { 'os-force_delete': {} }],
      ];
      for (const [method, target, body] of attempts) {
        const response = await call(demo, target, { method, ...(body ? { body } : {}) });
        expect([403, 404], `${method} ${target}: ${response.status} ${await response.clone().text()}`).toContain(
          response.status,
        );
        const { error } = await response.json();
        expect(error.message.length, `${method} ${target}`).toBeGreaterThan(0);
      }
      expect(await (await call(admin, '/api/cinder/types')).text()).toBe(typesBefore);
      expect(await (await call(admin, `/api/cinder/os-quota-sets/${demoProject}`)).text()).toBe(quotaBefore);
      expect((await (await call(demo, `/api/cinder/volumes/${own.id}`)).json()).volume.status).toBe(own.status);
    });
  });

  describe('the Content-Security-Policy', () => {
    it('forbids inline script without the response nonce on the SPA and lets the API load nothing', async () => {
      const page = await fetch(`${bff.url}/volumes`);
      const csp = page.headers.get('content-security-policy')!;
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? /default-src ([^;]*)/.exec(csp)![1]!;
      expect(scriptSrc.trim()).toMatch(/^'self' 'nonce-[A-Za-z0-9+/]{22}=='$/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      const api = (await fetch(`${bff.url}/api/session`)).headers.get('content-security-policy')!;
      expect(api).toContain("default-src 'none'");
    });
  });

  describe('no Keystone token in the clear anywhere', () => {
    it('appears in no response, header or cookie the BFF gave, nor in its logs', async () => {
      // A wide sample of answers first: every read route, the error paths, ops endpoints.
      for (const target of [
        '/api/session',
        '/api/capabilities',
        '/api/cinder/volumes/detail',
        '/api/cinder/limits',
        '/api/glance/v2/images',
        '/api/audit',
        '/api/cinder/volumes/nope',
        '/api/cinder/%2e%2e',
        '/healthz',
      ]) {
        await call(demo, target);
      }
      for (const target of ['/readyz', '/metrics']) await call(new BrowserClient(bff.metricsUrl), target);
      const stream = await openEvents(admin);
      await stream.positioned();
      stream.close();

      const issued = tokens();
      expect(issued.length).toBeGreaterThanOrEqual(3);
      const everything = seen.join('\n');
      const logs = bff.output();
      expect(logs.length).toBeGreaterThan(1000); // debug logging did write
      for (const token of issued) {
        expect(everything).not.toContain(token);
        expect(logs).not.toContain(token);
      }
      expect(logs).not.toMatch(/"password"\s*:\s*"(demo|admin|alt_demo)"/);
    });

    it('is held in Redis only sealed: no key of any type holds a token or a password in clear', async () => {
      const client = new Redis(redis.url);
      try {
        const keys = await client.keys('*');
        expect(keys.length).toBeGreaterThan(3);
        let dump = keys.join('\n');
        for (const key of keys) {
          const type = await client.type(key);
          if (type === 'string') dump += await client.get(key);
          else if (type === 'hash') dump += JSON.stringify(await client.hgetall(key));
          else if (type === 'list') dump += JSON.stringify(await client.lrange(key, 0, -1));
          else if (type === 'set') dump += JSON.stringify(await client.smembers(key));
          else if (type === 'zset') dump += JSON.stringify(await client.zrange(key, 0, -1));
          else if (type === 'stream') dump += JSON.stringify(await client.xrange(key, '-', '+'));
        }
        for (const token of tokens()) expect(dump).not.toContain(token);
        // Session ids are stored hashed or as keys, never the cookie value plus token side by side.
        expect(dump).not.toMatch(/"password"/);
      } finally {
        client.disconnect();
      }
    });
  });

  describe('sign-in rate limit', () => {
    // Last: it throttles demo from this address for the rest of the BFF's life.
    it('refuses an 11th failed sign-in for one user from one address within 15 minutes, in the envelope, with Retry-After', async () => {
      let limited: Response | undefined;
      for (let attempt = 0; attempt < 30 && !limited; attempt++) {
        const response = await call(new BrowserClient(bff.url), '/api/session', {
          method: 'POST',
          body: { username: 'demo', password: `wrong-${attempt}` },
        });
        if (response.status === 429) limited = response;
        else expect(response.status).toBe(401);
      }
      expect(limited).toBeDefined();
      expect((await limited!.json()).error.code).toBe('tooManyLogins');
      expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
      // The right password does not get through from this address either while the limit holds.
      const right = await call(new BrowserClient(bff.url), '/api/session', {
        method: 'POST',
        body: { username: 'demo', password: 'demo' },
      });
      expect(right.status).toBe(429);
      // Other users from the same address are not refused: only failures for this one counted.
      expect((await new BrowserClient(bff.url).login('alt_demo')).status).toBe(201);
    });
  });
});
