import type { Response } from 'express';

/** Cinder's `Fault._fault_names`; any other status is a `computeFault` (406 and 500 among them). */
const FAULT_KEYS: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  501: 'notImplemented',
  503: 'serviceUnavailable',
};

/** Marks a response as rendered by Cinder's `Resource`, which adds `x-compute-request-id`. */
export function markCinderResponse(res: Response): void {
  res.setHeader('x-compute-request-id', String(res.locals.requestId));
  // The v2 API (`_is_legacy_endpoint`) never sends microversion headers.
  if (res.locals.legacy) {
    res.removeHeader('OpenStack-API-Version');
    res.removeHeader('Vary');
  }
}

/**
 * A Cinder fault: `{"<key>": {"code", "message"}}`, 413s with `retryAfter` and `Retry-After: 0`
 * unless the controller raised its 413 without the header (`options.retryAfter: false`).
 */
export function cinderFault(
  res: Response,
  status: number,
  message: string,
  options: { retryAfter?: boolean } = {},
): void {
  markCinderResponse(res);
  const body: Record<string, unknown> = { code: status, message };
  if (status === 413 && options.retryAfter !== false) {
    body.retryAfter = '0';
    res.setHeader('Retry-After', '0');
  }
  res.status(status).json({ [FAULT_KEYS[status] ?? 'computeFault']: body });
}

/** The bare webob 404 that oslo's router returns for an unknown path or method: not a Cinder fault. */
export function webobNotFound(res: Response): void {
  for (const header of ['OpenStack-API-Version', 'Vary', 'x-compute-request-id']) res.removeHeader(header);
  res.status(404).json({
    message: 'The resource could not be found.<br /><br />\n\n\n',
    code: '404 Not Found',
    title: 'Not Found',
  });
}
