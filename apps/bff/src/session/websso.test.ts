import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../test-support/harness.js';

const CHOICE = 'emulator-idp/openid';
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ OS_WEBSSO_CHOICES: `${CHOICE}=Company sign-on` });
});
afterAll(() => harness.close());

/** The cookies a response sets, as `name=value` pairs ready to send back. */
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((line) => line.split(';')[0]!);

/** What the browser does at the identity provider: signs in, and gets Keystone's page that posts the token back. */
async function signInAtIdp(keystoneUrl: string): Promise<{ action: string; token: string }> {
  const page = await fetch(keystoneUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: 'sso_demo', password: 'sso_demo' }),
  });
  const html = await page.text();
  return {
    action: /<form id="sso" name="sso" action="([^"]+)"/.exec(html)![1]!,
    token: /name="token" id="token" value="([^"]+)"/.exec(html)![1]!,
  };
}

/** Keystone's form post, from Keystone's site. */
const postToken = (action: string, token: string) =>
  fetch(action, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: harness.emulator.url },
    body: new URLSearchParams({ token }),
  });

async function start(next = '/volumes') {
  const response = await fetch(
    `${harness.bff.url}/api/session/websso/start?choice=${CHOICE}&next=${encodeURIComponent(next)}`,
    {
      redirect: 'manual',
    },
  );
  return { response, flowCookie: cookiesOf(response).find((c) => c.startsWith('cc_sso='))! };
}

describe('single sign-on (Keystone WebSSO)', () => {
  it('offers the configured choices to anyone', async () => {
    const body = await (await fetch(`${harness.bff.url}/api/session/websso`)).json();
    expect(body).toEqual({ choices: [{ id: CHOICE, label: 'Company sign-on' }] });
  });

  it('signs in through the identity provider and lands on the page asked for, with a session and no token', async () => {
    const { response, flowCookie } = await start('/volumes');
    expect(response.status).toBe(303);
    const keystoneUrl = response.headers.get('location')!;
    expect(keystoneUrl).toBe(
      `${harness.emulator.authUrl}/auth/OS-FEDERATION/identity_providers/emulator-idp/protocols/openid/websso?origin=${encodeURIComponent(`${harness.bff.url}/api/session/websso`)}`,
    );
    expect(response.headers.get('set-cookie')).toMatch(/cc_sso=.*HttpOnly.*SameSite=Lax/i);

    const { action, token } = await signInAtIdp(keystoneUrl);
    expect(action).toBe(`${harness.bff.url}/api/session/websso`);
    const parked = await postToken(action, token);
    expect(parked.status).toBe(303);
    const finishUrl = new URL(parked.headers.get('location')!, harness.bff.url);
    expect(finishUrl.pathname).toBe('/api/session/websso/finish');
    expect(finishUrl.search).not.toContain(token);

    const finished = await fetch(finishUrl, { headers: { Cookie: flowCookie } });
    expect(finished.status).toBe(200);
    const page = await finished.text();
    expect(page).toContain('<meta http-equiv="refresh" content="0;url=/volumes">');
    expect(page).not.toContain(token);
    const session = cookiesOf(finished).find((c) => c.startsWith('cc_session='))!;
    const view = await (await fetch(`${harness.bff.url}/api/session`, { headers: { Cookie: session } })).json();
    expect(view).toMatchObject({ user: { name: 'sso_demo' }, project: { name: 'demo' }, authMethod: 'websso' });
    expect(view.roles).toContain('member');
  });

  it('refuses a token without the flow of the browser that started it, and a ticket twice', async () => {
    const { response, flowCookie } = await start();
    const { action, token } = await signInAtIdp(response.headers.get('location')!);
    const finishUrl = new URL((await postToken(action, token)).headers.get('location')!, harness.bff.url);
    // Planted: another browser (no flow cookie) is sent to the finish address.
    const planted = await fetch(finishUrl, { redirect: 'manual' });
    expect(planted.status).toBe(303);
    expect(planted.headers.get('location')).toBe('/login?sso=expired');
    expect(cookiesOf(planted).some((c) => c.startsWith('cc_session=') && c.length > 'cc_session='.length)).toBe(false);
    // The ticket was spent by that attempt: the right browser cannot reuse it either.
    const again = await fetch(finishUrl, { redirect: 'manual', headers: { Cookie: flowCookie } });
    expect(again.headers.get('location')).toBe('/login?sso=expired');
  });

  it('tells the sign-in page when Keystone refuses the token or the post is malformed', async () => {
    const { flowCookie } = await start();
    const forged = await postToken(`${harness.bff.url}/api/session/websso`, 'gAAAAA' + 'x'.repeat(100));
    const finished = await fetch(new URL(forged.headers.get('location')!, harness.bff.url), {
      redirect: 'manual',
      headers: { Cookie: flowCookie },
    });
    expect(finished.headers.get('location')).toBe('/login?sso=refused');
    const malformed = await postToken(`${harness.bff.url}/api/session/websso`, '<script>');
    expect(malformed.headers.get('location')).toBe('/login?sso=refused');
    const unknown = await fetch(`${harness.bff.url}/api/session/websso/start?choice=nowhere`, { redirect: 'manual' });
    expect(unknown.headers.get('location')).toBe('/login?sso=refused');
  });

  it('never sends the browser off the console after signing in', async () => {
    const { response, flowCookie } = await start('//evil.example/phish');
    const { action, token } = await signInAtIdp(response.headers.get('location')!);
    const finishUrl = new URL((await postToken(action, token)).headers.get('location')!, harness.bff.url);
    const page = await (await fetch(finishUrl, { headers: { Cookie: flowCookie } })).text();
    expect(page).toContain('content="0;url=/overview"');
  });
});
