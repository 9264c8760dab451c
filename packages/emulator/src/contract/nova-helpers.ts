import type { Login } from './client.js';
import { call, type Reply } from './http.js';
import { catalogUrl } from './volumes-helpers.js';

/** The public compute endpoint of a login's catalog (`…/v2.1`), or an error naming what is missing. */
export function computeUrl(who: Login): string {
  const url = catalogUrl(who, 'compute');
  if (!url) throw new Error('no public compute endpoint in the catalog');
  return url;
}

/** One call to Nova, at `path` below the compute endpoint, with an optional compute microversion. */
export function nova(method: string, who: Login, path: string, body?: unknown, microversion?: string): Promise<Reply> {
  return call(method, `${computeUrl(who)}${path}`, who.token, body, microversion, 'compute');
}
