import { envelopeFromUpstream } from '@cinder-console/cinder';
import { HttpError, UpstreamError } from '../errors.js';

/**
 * `fetch` to an OpenStack service with a deadline. Network failures and time-outs become the
 * envelope's 502/504 naming the service; error statuses become `UpstreamError` with the service's
 * own message and request id.
 */
export async function upstreamFetch(
  service: 'keystone' | 'cinder' | 'glance',
  url: string,
  init: RequestInit & { timeoutMs: number },
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs), redirect: 'manual' });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new HttpError(
        504,
        'upstreamTimeout',
        `${serviceLabel(service)} did not answer within ${init.timeoutMs} ms.`,
      );
    }
    throw new HttpError(502, 'upstreamUnavailable', `${serviceLabel(service)} cannot be reached.`);
  }
  if (response.status >= 400) {
    const body = await response.text();
    const requestId = response.headers.get('x-openstack-request-id') ?? undefined;
    throw new UpstreamError(
      envelopeFromUpstream({ status: response.status, body, requestId, upstream: service }).error,
    );
  }
  return response;
}

function serviceLabel(service: 'keystone' | 'cinder' | 'glance'): string {
  return { keystone: 'Keystone (identity)', cinder: 'Cinder (block storage)', glance: 'Glance (images)' }[service];
}
