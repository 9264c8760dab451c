import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { envelopeFromUpstream } from '@cinder-console/cinder';
import { UpstreamError } from '../errors.js';
import { describeTlsFailure, installedUpstreamAgents, type UpstreamAgents } from '../tls.js';

export type UpstreamService = 'keystone' | 'cinder' | 'glance' | 'nova';

export interface UpstreamInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** The connection pools (and so the TLS trust) to use; the ones installed at boot by default. */
  agents?: UpstreamAgents;
}

/** Statuses whose responses never have a body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * One HTTP exchange with an OpenStack service, answered as a WHATWG `Response` whatever its status.
 *
 * Built on `node:http(s)` rather than `fetch` so that every upstream call, these and the proxies',
 * goes through the same agents and so the same OS_CACERT / OS_INSECURE trust: Node 20's `fetch`
 * can take other TLS settings only through an undici `Agent`, which Node does not expose without the
 * `undici` package. The deadline covers the body too, as `fetch`'s signal does. Redirects are not
 * followed (OpenStack APIs do not redirect; a redirect is answered as it is).
 */
export function sendUpstream(url: string, init: UpstreamInit): Promise<Response> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  if (!secure && target.protocol !== 'http:') return Promise.reject(new TypeError(`Unsupported URL ${url}`));
  const agents = init.agents ?? installedUpstreamAgents();
  const headers: Record<string, string | number> = { ...init.headers };
  if (init.body !== undefined) headers['Content-Length'] = Buffer.byteLength(init.body);
  const method = init.method ?? 'GET';
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      target,
      {
        method,
        headers,
        agent: secure ? agents.https : agents.http,
        signal: AbortSignal.timeout(init.timeoutMs),
      },
      (incoming) => {
        const status = incoming.statusCode ?? 502;
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) {
          responseHeaders.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
        }
        const empty = NULL_BODY.has(status) || method === 'HEAD';
        if (empty) incoming.resume();
        try {
          const body = empty ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
          resolve(new Response(body, { status, statusText: incoming.statusMessage ?? '', headers: responseHeaders }));
        } catch (error) {
          // A status `Response` cannot represent (below 200 or above 599) is not an answer from a service.
          incoming.destroy();
          reject(error);
        }
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

/**
 * A call to an OpenStack service with a deadline. Network failures and time-outs become the
 * envelope's 502/504 naming the service (and, for TLS failures, what to configure); error statuses
 * become `UpstreamError` with the service's own message and request id.
 */
export async function upstreamFetch(service: UpstreamService, url: string, init: UpstreamInit): Promise<Response> {
  let response: Response;
  try {
    response = await sendUpstream(url, init);
  } catch (error) {
    throw unreachable(service, error, init.timeoutMs);
  }
  if (response.status >= 400) throw await upstreamFailure(service, response);
  return response;
}

/** The envelope error for a service's error response, with its own message and request id. */
export async function upstreamFailure(service: UpstreamService, response: Response): Promise<UpstreamError> {
  const body = await response.text().catch(() => '');
  const requestId = response.headers.get('x-openstack-request-id') ?? undefined;
  return new UpstreamError(envelopeFromUpstream({ status: response.status, body, requestId, upstream: service }).error);
}

/** The envelope error for a call that got no answer (timed out, refused, failed at TLS), naming the service. */
export function unreachable(service: UpstreamService, error: unknown, timeoutMs: number): UpstreamError {
  const label = serviceLabel(service);
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new UpstreamError({
      status: 504,
      code: 'upstreamTimeout',
      message: `${label} did not answer within ${timeoutMs} ms.`,
      upstream: service,
    });
  }
  const tls = describeTlsFailure(error);
  return new UpstreamError({
    status: 502,
    code: tls ? 'upstreamTlsError' : 'upstreamUnavailable',
    message: tls ? `${label} cannot be reached securely: ${tls}` : `${label} cannot be reached.`,
    upstream: service,
  });
}

export function serviceLabel(service: UpstreamService): string {
  return {
    keystone: 'Keystone (identity)',
    cinder: 'Cinder (block storage)',
    glance: 'Glance (images)',
    nova: 'Nova (compute)',
  }[service];
}
