import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../apps/bff/src/config.js';
import { startBff, type RunningBff } from '../../apps/bff/src/server.js';
import { openEvents } from '../../apps/bff/src/test-support/events.js';
import { BrowserClient } from '../../apps/bff/src/test-support/harness.js';
import { startRecordingCloud, type RecordingCloud } from '../support/recording-cloud.js';
import { openRawEvents } from '../support/sse-text.js';

/**
 * Cinder and Keystone failing under a running console, through the emulator's fault injection:
 * the BFF names the cause, keeps sessions that still hold a good token, ends the ones whose token
 * the cloud refuses, and its live relay backs off while Cinder is away and resumes after.
 */

const LIVE = { LIVE_FAST_MS: '100', LIVE_PATIENT_MS: '300', LIVE_SLOW_MS: '2000' };
let cloud: RecordingCloud;
let bff: RunningBff;
const closers: Array<() => unknown> = [];

async function start(env: Partial<Record<keyof Config, string>> = {}, timeScale?: number, tokenCacheSeconds?: number) {
  cloud = await startRecordingCloud({
    ...(timeScale === undefined ? {} : { fast: false, timeScale }),
    ...(tokenCacheSeconds === undefined ? {} : { tokenCacheSeconds }),
  });
  bff = await startBff(
    loadConfig({
      OS_AUTH_URL: cloud.authUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      UPSTREAM_TIMEOUT_MS: '500',
      ...LIVE,
      ...env,
    }),
  );
}
async function signIn(user = 'demo') {
  const browser = new BrowserClient(bff.url);
  expect((await browser.login(user)).status).toBe(201);
  return browser;
}
const CINDER = '^/volume/';
/** Until the fault is cleared: every matching request gets it. */
const arm = (fault: { delayMs?: number; status?: number; drop?: boolean }, path = CINDER) =>
  cloud.ctx.faults.addHttpFault({ path, ...fault });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  await bff?.close();
  await cloud?.close();
});

describe('Cinder down, slow, failing or resetting connections', () => {
  const outages: Array<[string, { delayMs?: number; status?: number; drop?: boolean }, number, string]> = [
    ['resetting every connection', { drop: true }, 502, 'upstreamUnavailable'],
    ['slower than the timeout', { delayMs: 5_000 }, 504, 'upstreamTimeout'],
    ['answering 500', { status: 500 }, 500, 'computeFault'],
    ['answering 503', { status: 503 }, 503, 'serviceUnavailable'],
  ];

  it.each(outages)(
    '%s: every call says so in the envelope, and a create is never reported as done',
    async (_what, fault, status, code) => {
      await start();
      const browser = await signIn();
      const before = (await (await browser.request('/api/cinder/volumes')).json()).volumes.length;
      arm(fault);
      for (const [method, path, body] of [
        ['GET', '/api/cinder/volumes/detail', undefined],
        ['POST', '/api/cinder/volumes', { volume: { size: 1, name: 'during-outage' } }],
      ] as const) {
        const response = await browser.request(path, { method, ...(body ? { body } : {}) });
        expect(response.status, `${method} ${path}`).toBe(status);
        const { error } = await response.json();
        expect(error).toMatchObject({ status, code, upstream: 'cinder' });
        expect(error.message.length).toBeGreaterThan(0);
      }
      cloud.ctx.faults.clear();
      // Back by itself, and no phantom volume: a timed-out or reset create made nothing here.
      const after = await browser.request('/api/cinder/volumes');
      expect(after.status).toBe(200);
      const names = (await after.json()).volumes.map((v: { name: string }) => v.name);
      expect(names.length - before).toBe(names.filter((n: string) => n === 'during-outage').length);
      // The session outlived the outage.
      expect((await browser.request('/api/session')).status).toBe(200);
    },
  );

  it('the live relay backs off while Cinder is away, keeps the stream open, and resumes with what changed meanwhile', async () => {
    await start({}, 0.5);
    const browser = await signIn();
    const stream = await openEvents(browser);
    closers.push(() => stream.close());
    await stream.positioned();
    // Something in motion, so that the relay polls at its fastest (100 ms) when Cinder answers.
    const moving = await browser.request('/api/cinder/volumes', {
      method: 'POST',
      body: { volume: { size: 1, name: 'moving' } },
    });
    const movingId = (await moving.json()).volume.id;
    await stream.next((e) => e.id === movingId);

    const raw = await openRawEvents(browser);
    closers.push(() => raw.close());
    const lists = () => cloud.requests.filter((r) => /\/volumes\/detail/.test(r.path)).length;
    arm({ drop: true });
    const downAt = lists();
    await sleep(3_000);
    const triedWhileDown = lists() - downAt;
    // At the fast pace the relay would have tried about 30 times in 3 s; backing off it tries a few.
    expect(triedWhileDown).toBeGreaterThan(0);
    expect(triedWhileDown).toBeLessThanOrEqual(8);
    expect(stream.ended).toBe(false);
    // Every open tab was told why, once, without an id that would move its resume position.
    expect(raw.messages('health')).toEqual([
      { cinder: 'failing', problem: 'Cinder (block storage) cannot be reached.' },
    ]);

    // Made outside the console (the CLI, say) while Cinder was unreachable for the console.
    cloud.ctx.faults.clear();
    const volume = (await (await browser.request('/api/cinder/volumes/detail')).json()).volumes.find(
      (v: { name: string }) => v.name !== 'moving',
    );
    const renamed = await browser.request(`/api/cinder/volumes/${volume.id}`, {
      method: 'PUT',
      body: { volume: { name: 'renamed-after-outage' } },
    });
    expect(renamed.status).toBe(200);
    await stream.next(
      (e) => e.id === volume.id && 'resource' in e && e.resource.name === 'renamed-after-outage',
      10_000,
    );
    await stream.next((e) => e.id === movingId && 'status' in e && e.status === 'available', 10_000);
    // And told that Cinder answers again, once every kind's look has succeeded.
    const deadline = Date.now() + 10_000;
    while (JSON.stringify(raw.messages('health').at(-1)) !== '{"cinder":"ok"}' && Date.now() < deadline)
      await sleep(100);
    expect(raw.messages('health')).toEqual([
      { cinder: 'failing', problem: 'Cinder (block storage) cannot be reached.' },
      { cinder: 'ok' },
    ]);
  }, 30_000);
});

describe('Keystone down', () => {
  it('refuses a sign-in with a clear error, while signed-in sessions keep working', async () => {
    await start();
    const signedIn = await signIn();
    cloud.ctx.faults.keystoneDown = true;

    const refused = await new BrowserClient(bff.url).login('demo');
    expect(refused.status).toBeGreaterThanOrEqual(502);
    const { error } = await refused.json();
    expect(error.upstream).toBe('keystone');
    expect(error.message).toMatch(/Keystone|identity/i);
    expect(refused.headers.getSetCookie()).toEqual([]);

    expect((await signedIn.request('/api/cinder/volumes')).status).toBe(200);
    expect((await signedIn.request('/api/session')).status).toBe(200);
    const created = await signedIn.request('/api/cinder/volumes', {
      method: 'POST',
      body: { volume: { size: 1, name: 'while-keystone-is-down' } },
    });
    expect(created.status).toBe(202);
    cloud.ctx.faults.keystoneDown = false;
    expect((await new BrowserClient(bff.url).login('demo')).status).toBe(201);
  });
});

describe('a token revoked mid-session', () => {
  it('ends the session at the next call: a 401, the cookie cleared, and the session gone', async () => {
    // Cinder's keystonemiddleware trusts a token it has seen for 300 s; without that cache the
    // revocation is felt at once, which is what this case is about.
    await start({}, undefined, 0);
    const browser = await signIn();
    expect((await browser.request('/api/cinder/volumes')).status).toBe(200);
    const cookie = browser.cookie;
    const token = cloud.requests.filter((r) => r.path.startsWith('/volume/') && r.token).at(-1)!.token!;
    // An operator revokes it in Keystone (or it reached its expiry there).
    expect(cloud.ctx.tokens.revoke(token)).toBe(true);

    const refused = await browser.request('/api/cinder/volumes');
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.message.length).toBeGreaterThan(0);
    const cookieBefore = cookie;
    expect(browser.cookie).toBeUndefined();
    // Even a browser that kept the old cookie is signed out now.
    const session = await fetch(`${bff.url}/api/session`, { headers: { Cookie: cookieBefore! } });
    expect(session.status).toBe(401);
  });
});

describe('an action whose asynchronous outcome is error', () => {
  it.each(['volume.create', 'volume.extend', 'snapshot.create', 'backup.create'] as const)(
    '%s: the live stream shows the error status, and Cinder has a user message for it',
    async (operation) => {
      await start({}, 0.3);
      const browser = await signIn();
      const stream = await openEvents(browser);
      closers.push(() => stream.close());
      await stream.positioned();
      const volumes = (await (await browser.request('/api/cinder/volumes/detail')).json()).volumes;
      const volume = volumes.find((v: { status: string }) => v.status === 'available');
      cloud.ctx.faults.failNext(operation);
      const calls = {
        'volume.create': ['/api/cinder/volumes', { volume: { size: 1, name: 'doomed' } }],
        'volume.extend': [`/api/cinder/volumes/${volume.id}/action`, { 'os-extend': { new_size: volume.size + 1 } }],
        'snapshot.create': ['/api/cinder/snapshots', { snapshot: { volume_id: volume.id, name: 'doomed' } }],
        'backup.create': ['/api/cinder/backups', { backup: { volume_id: volume.id, name: 'doomed' } }],
      } as const;
      const [path, body] = calls[operation];
      const accepted = await browser.request(path, { method: 'POST', body });
      expect(accepted.status).toBe(202);
      const text = await accepted.text();
      const id = operation === 'volume.extend' ? volume.id : (Object.values(JSON.parse(text))[0] as { id: string }).id;
      const failed = await stream.next((e) => e.id === id && 'status' in e && /error/.test(e.status), 15_000);
      // Never a success in between: no `available` for this resource before the error.
      const before = stream.received.filter((r) => r.event.id === id && r.id < failed.id);
      if (operation !== 'volume.extend') {
        expect(before.map((r) => 'status' in r.event && r.event.status)).not.toContain('available');
      }
      const messages = await (await browser.request(`/api/cinder/messages?resource_uuid=${id}`)).json();
      expect(messages.messages.length).toBeGreaterThan(0);
      expect(messages.messages[0].user_message.length).toBeGreaterThan(0);
    },
    20_000,
  );
});
