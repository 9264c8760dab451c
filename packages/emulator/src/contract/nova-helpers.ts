import type { Login } from './client.js';
import { catalogUrl, type Reply } from './volumes-helpers.js';

/** The public compute endpoint of a login's catalog (`…/v2.1`), or an error naming what is missing. */
export function computeUrl(who: Login): string {
  const url = catalogUrl(who, 'compute');
  if (!url) throw new Error('no public compute endpoint in the catalog');
  return url;
}

/** One call to Nova with an optional compute microversion. */
export async function nova(
  method: string,
  who: Login,
  path: string,
  body?: unknown,
  microversion?: string,
): Promise<Reply> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-Auth-Token': who.token };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (microversion) headers['OpenStack-API-Version'] = `compute ${microversion}`;
  const response = await fetch(`${computeUrl(who)}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}
