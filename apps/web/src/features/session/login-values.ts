import type { LoginRequest } from '@cinder-console/cinder';

/** The sign-in form's fields, for either method. */
export interface LoginValues {
  method: 'password' | 'applicationCredential';
  username: string;
  password: string;
  project: string;
  domain: string;
  /** An application credential's id, or its name when its owner is given too. */
  credential: string;
  credentialUser: string;
  secret: string;
}

/** The `POST /api/session` body for what the form holds. */
export function loginBody(values: LoginValues): LoginRequest {
  if (values.method === 'password') {
    const { username, password, project, domain } = values;
    return { username, password, project, domain };
  }
  const { credential, credentialUser, secret, domain } = values;
  // With an owner, the credential field is a name (names are unique per user, ids everywhere).
  return credentialUser.trim()
    ? { applicationCredential: { name: credential, user: credentialUser, domain, secret } }
    : { applicationCredential: { id: credential.trim(), secret } };
}
