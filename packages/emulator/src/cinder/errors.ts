import type { ErrorRequestHandler } from 'express';
import { cinderFault, webobNotFound } from './faults.js';

/** A Cinder fault raised inside a handler; the router renders it as `{"<key>": {"code", "message"}}`. */
export class CinderFault extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** A 413 carries `retryAfter` only when the controller set `Retry-After` (most do; a few do not). */
    readonly retryAfter = true,
  ) {
    super(message);
  }
}

/** The bare webob 404 of an unroutable URL, raised from inside a router. */
export class WebobNotFound extends Error {}

export const badRequest = (message: string) => new CinderFault(400, message);
export const notFound = (message: string) => new CinderFault(404, message);
export const conflict = (message: string) => new CinderFault(409, message);
export const forbidden = (rule: string) => new CinderFault(403, `Policy doesn't allow ${rule} to be performed.`);
/** Over-quota: `FaultWrapper` prefixes the exception class name. */
export const overLimit = (exceptionClass: string | null, message: string) =>
  new CinderFault(413, exceptionClass ? `${exceptionClass}: ${message}` : message);

/** The generic text webob gives a `TypeError` or an unroutable version. */
export const MALFORMED =
  'The server could not comply with the request since it is either malformed or otherwise incorrect.';

/** Renders faults, JSON parse failures and anything unexpected as Cinder does. */
export const cinderErrorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof CinderFault) return cinderFault(res, err.status, err.message, { retryAfter: err.retryAfter });
  if (err instanceof WebobNotFound) return webobNotFound(res);
  const typed = err as { type?: string };
  if (typed.type === 'entity.parse.failed') return cinderFault(res, 400, 'Malformed request body');
  if (typed.type === 'entity.too.large') {
    res.status(413).json({
      message: 'Request is too large.',
      code: '413 Request Entity Too Large',
      title: 'Request Entity Too Large',
    });
    return;
  }
  process.emitWarning(`emulator: unhandled error: ${(err as Error).stack ?? err}`);
  cinderFault(res, 500, 'The server has either erred or is incapable of performing the requested operation.');
};
