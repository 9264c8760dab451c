import { parseMicroversion, type Microversion } from '@cinder-console/cinder';
import type { ClientRequest, IncomingMessage } from 'node:http';

/**
 * Request headers the browser may pass to a cloud service; everything else is dropped. `host` is
 * already the upstream's own here (the proxy rewrites it), and HTTP/1.1 requires it.
 */
const REQUEST_ALLOW = new Set([
  'host',
  'accept',
  'accept-language',
  'content-type',
  'content-length',
  'openstack-api-version',
]);

/** Response headers the browser may see from a cloud service; cookies, tokens and server details never pass. */
const RESPONSE_ALLOW = new Set([
  'content-type',
  'content-length',
  'openstack-api-version',
  'x-openstack-request-id',
  'retry-after',
  'last-modified',
]);

/** Removes every outgoing header that is not on the allow-list (the proxy copies all of them by default). */
export function keepAllowedRequestHeaders(proxyReq: ClientRequest): void {
  for (const name of proxyReq.getHeaderNames()) {
    if (!REQUEST_ALLOW.has(name.toLowerCase())) proxyReq.removeHeader(name);
  }
}

export function allowedResponseHeaders(upstream: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (value !== undefined && RESPONSE_ALLOW.has(name)) headers[name] = value;
  }
  return headers;
}

/** Parses `volume 3.45` into [3, 45]; anything else is undefined. */
function parseVolumeVersion(header: string | undefined): Microversion | undefined {
  const match = header && /^\s*volume\s+(\S+)\s*$/.exec(header);
  return match ? parseMicroversion(match[1]) : undefined;
}

/**
 * The microversion to send: what the browser asked for when the session's cloud supports it,
 * otherwise the session's negotiated maximum. v2 clouds get no header at all.
 */
export function chooseMicroversion(requested: string | undefined, sessionMax: string | null): string | undefined {
  if (sessionMax === null) return undefined;
  const max = parseVolumeVersion(`volume ${sessionMax}`)!;
  const wanted = parseVolumeVersion(requested);
  if (wanted && wanted.major === max.major && wanted.minor <= max.minor)
    return `volume ${wanted.major}.${wanted.minor}`;
  return `volume ${sessionMax}`;
}
