/**
 * Normalises `OS_AUTH_URL` to the Keystone v3 base. Users write it with or without `/v3` and
 * with or without a trailing slash, as the OpenStack clients accept.
 */
export function keystoneV3Base(authUrl: string): string {
  const trimmed = authUrl.replace(/\/+$/, '');
  return /\/v3$/.test(trimmed) ? trimmed : `${trimmed}/v3`;
}
