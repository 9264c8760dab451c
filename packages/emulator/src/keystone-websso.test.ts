import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from './index.js';

// Keystone's WebSSO with the emulator's built-in identity provider. The rig's Keystone has no
// federation set up (it needs a web server module and an IdP), so this is judged on the emulator
// alone, against Keystone's code (keystone/api/auth.py, sso_callback_template.html).
let emulator: RunningEmulator;
const ORIGIN = 'http://localhost:8080/api/session/websso';
const websso = (query: string, idp = 'emulator-idp') =>
  `${emulator.authUrl}/auth/OS-FEDERATION/identity_providers/${idp}/protocols/openid/websso${query}`;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, fast: true });
});
afterAll(() => emulator.close());

async function signInAtIdp(username: string, password: string): Promise<string> {
  const response = await fetch(websso(`?origin=${encodeURIComponent(ORIGIN)}`), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password }),
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe('WebSSO', () => {
  it('needs an origin, and a trusted one', async () => {
    const missing = await fetch(websso(''));
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.message).toBe('Request must have an origin query parameter');
    const untrusted = await fetch(websso('?origin=https%3A%2F%2Fevil.example%2Fsteal'));
    expect(untrusted.status).toBe(401);
    expect((await untrusted.json()).error.message).toBe('https://evil.example/steal is not a trusted dashboard host');
    expect((await fetch(websso(`?origin=${ORIGIN}`, 'nobody'))).status).toBe(404);
  });

  it("shows the IdP's sign-in page, and again with the problem after a wrong password", async () => {
    const page = await (await fetch(websso(`?origin=${encodeURIComponent(ORIGIN)}`))).text();
    expect(page).toContain('<label for="username">User name</label>');
    expect(await signInAtIdp('sso_demo', 'wrong')).toContain(
      '<p role="alert">Unknown user name or wrong password.</p>',
    );
  });

  it("posts an unscoped federated token to the dashboard, which the user's projects and a scope follow", async () => {
    const page = await signInAtIdp('sso_demo', 'sso_demo');
    expect(page).toContain(`<form id="sso" name="sso" action="${ORIGIN}" method="post">`);
    const token = /name="token" id="token" value="([^"]+)"/.exec(page)![1]!;

    const shown = await fetch(`${emulator.authUrl}/auth/tokens`, {
      headers: { 'X-Auth-Token': token, 'X-Subject-Token': token },
    });
    const body = (await shown.json()).token;
    expect(body.methods).toEqual(['mapped']);
    expect(body.project).toBeUndefined();
    expect(body.user.name).toBe('sso_demo');
    expect(body.user['OS-FEDERATION']).toMatchObject({
      identity_provider: { id: 'emulator-idp' },
      protocol: { id: 'openid' },
    });

    const projects = (
      await (await fetch(`${emulator.authUrl}/auth/projects`, { headers: { 'X-Auth-Token': token } })).json()
    ).projects;
    expect(projects.map((p: { name: string }) => p.name)).toEqual(['demo']);
    const scoped = await fetch(`${emulator.authUrl}/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        auth: { identity: { methods: ['token'], token: { id: token } }, scope: { project: { id: projects[0].id } } },
      }),
    });
    expect(scoped.status).toBe(201);
    const scopedBody = (await scoped.json()).token;
    expect(scopedBody.roles.map((r: { name: string }) => r.name).sort()).toEqual(['member', 'reader']);
    expect(scopedBody.user['OS-FEDERATION'].identity_provider.id).toBe('emulator-idp');
    expect(scopedBody.catalog.length).toBeGreaterThan(0);
  });
});
