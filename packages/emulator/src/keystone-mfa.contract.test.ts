import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, postJson, type Login } from './contract/client.js';
import { created, keystoneAdmin } from './contract/keystone-admin.js';
import { contractTarget, type ContractTarget } from './contract/target.js';

// Keystone's multi-factor rules, auth receipts and the totp method: judged against the rig's
// Keystone 22 with CONTRACT_TARGET=real (its [auth] methods include totp: deploy/openstack-dev).
let target: ContractTarget;
let admin: Login;
const cleanups: Array<() => Promise<unknown>> = [];
const { call, projectUser } = keystoneAdmin(
  () => target,
  () => admin,
  cleanups,
);
beforeAll(async () => {
  target = await contractTarget();
  admin = await login(target, 'admin');
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await target.close();
});

/** A user whose rule is password + totp, with a registered TOTP secret: what the test's authenticator knows. */
async function mfaUser() {
  const { user, password, project } = await projectUser();
  const secret = new Secret({ size: 20 });
  await created(
    await call('POST', '/credentials', admin.token, {
      credential: { user_id: user.id, type: 'totp', blob: secret.base32 },
    }),
    'credential',
  );
  const options = { multi_factor_auth_enabled: true, multi_factor_auth_rules: [['password', 'totp']] };
  const patched = await call('PATCH', `/users/${user.id}`, admin.token, { user: { options } });
  expect(patched.status).toBe(200);
  expect((await patched.json()).user.options).toMatchObject(options);
  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
  return { user, password, project, passcode: () => totp.generate() };
}

const passwordAuth = (userId: string, password: string) => ({
  auth: { identity: { methods: ['password'], password: { user: { id: userId, password } } } },
});
const totpAuth = (userId: string, passcode: string) => ({
  auth: { identity: { methods: ['totp'], totp: { user: { id: userId, passcode } } } },
});

describe('Keystone MFA rules', () => {
  it('answers a password alone with 401 and a receipt, which a passcode then completes', async () => {
    const { user, password, passcode } = await mfaUser();
    const first = await postJson(`${target.authUrl}/auth/tokens`, passwordAuth(user.id, password));
    expect(first.status).toBe(401);
    const receipt = first.headers.get('openstack-auth-receipt');
    expect(receipt).toBeTruthy();
    const body = await first.json();
    // Keystone keeps a rule's methods as a set: their order varies from one answer to the next.
    expect((body.required_auth_methods as string[][]).map((rule) => [...rule].sort())).toEqual([['password', 'totp']]);
    expect(body.receipt).toMatchObject({ methods: ['password'], user: { id: user.id } });

    const second = await fetch(`${target.authUrl}/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Openstack-Auth-Receipt': receipt! },
      body: JSON.stringify(totpAuth(user.id, passcode())),
    });
    expect(second.status).toBe(201);
    expect(second.headers.get('x-subject-token')).toBeTruthy();
    expect((await second.json()).token.methods.sort()).toEqual(['password', 'totp']);
  });

  it('takes both factors in one request, and refuses a wrong passcode', async () => {
    const { user, password, passcode } = await mfaUser();
    const both = (code: string) => ({
      auth: {
        identity: {
          methods: ['password', 'totp'],
          password: { user: { id: user.id, password } },
          totp: { user: { id: user.id, passcode: code } },
        },
      },
    });
    expect((await postJson(`${target.authUrl}/auth/tokens`, both(passcode()))).status).toBe(201);
    const wrong = String((Number(passcode()) + 500_000) % 1_000_000).padStart(6, '0');
    const refused = await postJson(`${target.authUrl}/auth/tokens`, both(wrong));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('openstack-auth-receipt')).toBeNull();
  });

  it('lets a user register their own TOTP secret, and list only their own', async () => {
    const { user, password, project } = await projectUser();
    const own = await postJson(`${target.authUrl}/auth/tokens`, {
      ...passwordAuth(user.id, password),
      auth: { ...passwordAuth(user.id, password).auth, scope: { project: { id: project.id } } },
    });
    const token = own.headers.get('x-subject-token')!;
    const secret = new Secret({ size: 20 }).base32;
    const credential = await created<{ id: string; type: string; blob: string }>(
      await call('POST', '/credentials', token, { credential: { user_id: user.id, type: 'totp', blob: secret } }),
      'credential',
    );
    expect(credential).toMatchObject({ type: 'totp', blob: secret });
    const listed = await (await call('GET', '/credentials?type=totp', token)).json();
    expect(listed.credentials.map((c: { id: string }) => c.id)).toEqual([credential.id]);
    expect((await call('DELETE', `/credentials/${credential.id}`, token)).status).toBe(204);
  });
});
