import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBff } from '../../apps/bff/src/index.js';
import { startBffInProcess } from '../support/bff-process.js';
import { startRecordingCloud, type RecordingCloud } from '../support/recording-cloud.js';
import { haveNginx, readStream, startTlsFront, tlsRequest, type TlsFront } from '../support/tls-front.js';

/**
 * The BFF behind a real TLS front: Debian's nginx with a self-signed CA (deploy/tls-front/), the
 * BFF with TRUST_PROXY=1, as a deployment runs it. What only shows through a proxy is tested here:
 * Secure `__Host-` cookie, HSTS, the client's address and scheme from X-Forwarded-*, the Origin
 * check with the browser's host, and event streams that nginx does not hold back.
 */

let cloud: RecordingCloud;
let bff: RunningBff;
let front: TlsFront;
let cookie: string;
let csrfToken: string;
/** demo's sign-in through the front, made once before the tests. */
let signedIn: Awaited<ReturnType<typeof tlsRequest>>;

const send = (target: string, init: Parameters<typeof tlsRequest>[3] = {}) =>
  tlsRequest(front.url, front.ca, target, init);

function signIn(username: string, password: string, headers: Record<string, string> = {}) {
  return send('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: front.url, ...headers },
    body: JSON.stringify({ username, password }),
  });
}

describe.skipIf(!haveNginx)('behind a TLS front (nginx, TRUST_PROXY=1)', () => {
  beforeAll(async () => {
    cloud = await startRecordingCloud();
    bff = await startBffInProcess(cloud.authUrl, { TRUST_PROXY: '1', LOGIN_RATE_LIMIT: '3' });
    front = await startTlsFront(bff.url);
    signedIn = await signIn('demo', 'demo');
    const [line] = (signedIn.headers['set-cookie'] as string[] | undefined) ?? [];
    cookie = line?.split(';')[0] ?? '';
    csrfToken = signedIn.status === 201 ? JSON.parse(signedIn.body).csrfToken : '';
  });

  afterAll(async () => {
    await front?.close();
    await bff?.close();
    await cloud?.close();
  });

  it('signs in with a Secure __Host- cookie and HSTS, and the session works through the front', async () => {
    const response = signedIn;
    expect(response.status, `${response.body}\n${front.log()}`).toBe(201);
    expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    const [line] = response.headers['set-cookie'] as string[];
    expect(line).toMatch(/^__Host-cc_session=[\w-]{43}; /);
    expect(line).toMatch(/; Secure/i);
    expect(line).toMatch(/; HttpOnly/i);
    expect(line).toMatch(/; SameSite=Strict/i);
    const session = await send('/api/session', { headers: { Cookie: cookie } });
    expect(session.status).toBe(200);
    expect(JSON.parse(session.body).user.name).toBe('demo');
  });

  it("accepts a change from the browser's own https origin, and links back to that origin", async () => {
    const created = await send('/api/cinder/volumes', {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json', Origin: front.url },
      body: JSON.stringify({ volume: { size: 1, name: 'through-the-front' } }),
    });
    expect(created.status, created.body).toBe(202);
    const { volume } = JSON.parse(created.body);
    for (const link of volume.links) expect(link.href.startsWith(`${front.url}/api/cinder/`), link.href).toBe(true);
    // The same request with the plain-http origin is another origin.
    const foreign = await send('/api/cinder/volumes', {
      method: 'POST',
      headers: {
        Cookie: cookie,
        'X-CSRF-Token': csrfToken,
        'Content-Type': 'application/json',
        Origin: front.url.replace('https:', 'http:'),
      },
      body: JSON.stringify({ volume: { size: 1 } }),
    });
    expect(foreign.status).toBe(403);
  });

  it("takes the client's address from the front, not from an X-Forwarded-For the client made up", async () => {
    for (let i = 0; i < 3; i++) {
      const response = await signIn('alt_demo', 'wrong', { 'X-Forwarded-For': `203.0.113.${i + 1}` });
      expect(response.status).toBe(401);
    }
    const refused = await signIn('alt_demo', 'alt_demo', { 'X-Forwarded-For': '203.0.113.99' });
    expect(refused.status).toBe(429);
  });

  it('streams events through the front as they happen, not when a buffer fills', async () => {
    // The stream's first lines (its retry hint and starting position) are a few bytes: nginx would
    // keep them in its buffer, and this would never resolve, without the BFF's X-Accel-Buffering.
    const stream = await readStream(front.url, front.ca, '/api/events', { Cookie: cookie }, (text) =>
      /^id: \d+$/m.test(text),
    );
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.text).toMatch(/^retry: \d+/);
  });
});
