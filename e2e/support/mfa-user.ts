import { randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { keystoneAdmin, memberRoleId } from './keystone-admin';

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
  const admin = await keystoneAdmin(authUrl, adminPassword);
  const { projects } = await admin.json<{ projects: Array<{ id: string }> }>(`/projects?name=${project}`, 'GET');
  const name = `e2e-mfa-${randomUUID().slice(0, 8)}`;
  const password = randomUUID();
  const { user } = await admin.json<{ user: { id: string } }>('/users', 'POST', {
    user: { name, password, domain_id: 'default', default_project_id: projects[0]!.id },
  });
  await admin.json(`/projects/${projects[0]!.id}/users/${user.id}/roles/${await memberRoleId(admin)}`, 'PUT');
  const secret = new Secret({ size: 20 });
  await admin.json('/credentials', 'POST', { credential: { user_id: user.id, type: 'totp', blob: secret.base32 } });
  await admin.json(`/users/${user.id}`, 'PATCH', {
    user: { options: { multi_factor_auth_enabled: true, multi_factor_auth_rules: [['password', 'totp']] } },
  });
  const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
  return {
    name,
    password,
    passcode: () => totp.generate(),
    remove: async () => {
      await admin.json(`/users/${user.id}`, 'DELETE');
      await admin.dispose();
    },
  };
}
