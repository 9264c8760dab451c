import { randomUUID } from 'node:crypto';
import { request } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';

/** A user made for one test whose MFA rule is password + totp, and the authenticator that knows its secret. */
export interface MfaUser {
  name: string;
  password: string;
  /** The passcode an authenticator app shows now. */
  passcode(): string;
  remove(): Promise<void>;
}

/**
 * As a cloud admin would set it up: a new user with the member role on `project`, a TOTP secret
 * (`/v3/credentials` type totp) and the rule [password, totp]. `authUrl` is Keystone's v3 URL.
 */
export async function createMfaUser(authUrl: string, adminPassword = 'admin', project = 'demo'): Promise<MfaUser> {
  const context = await request.newContext();
  const issued = await context.post(`${authUrl}/auth/tokens`, {
    data: {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'admin', domain: { name: 'Default' }, password: adminPassword } },
        },
        scope: { project: { name: 'admin', domain: { name: 'Default' } } },
      },
    },
  });
  const headers = { 'X-Auth-Token': issued.headers()['x-subject-token'] ?? '' };
  const json = async <T>(path: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', data?: unknown): Promise<T> => {
    const response = await context.fetch(`${authUrl}${path}`, { method, headers, ...(data ? { data } : {}) });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return (response.status() === 204 ? undefined : await response.json()) as T;
  };
  const { projects } = await json<{ projects: Array<{ id: string }> }>(`/projects?name=${project}`, 'GET');
  const { roles } = await json<{ roles: Array<{ id: string }> }>('/roles?name=member', 'GET');
  const name = `e2e-mfa-${randomUUID().slice(0, 8)}`;
  const password = randomUUID();
  const { user } = await json<{ user: { id: string } }>('/users', 'POST', {
    user: { name, password, domain_id: 'default', default_project_id: projects[0]!.id },
  });
  await json(`/projects/${projects[0]!.id}/users/${user.id}/roles/${roles[0]!.id}`, 'PUT');
  const secret = new Secret({ size: 20 });
  await json('/credentials', 'POST', { credential: { user_id: user.id, type: 'totp', blob: secret.base32 } });
  await json(`/users/${user.id}`, 'PATCH', {
    user: { options: { multi_factor_auth_enabled: true, multi_factor_auth_rules: [['password', 'totp']] } },
  });
  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
  return {
    name,
    password,
    passcode: () => totp.generate(),
    remove: async () => {
      await context.delete(`${authUrl}/users/${user.id}`, { headers });
      await context.dispose();
    },
  };
}
