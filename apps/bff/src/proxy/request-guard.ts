import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';
import { refusePath, wellEscaped } from './path-guard.js';
import type { UpstreamProxyOptions } from './upstream-proxy.js';

/** Refuses what must not be forwarded before any byte goes upstream. */
export function guard(options: Pick<UpstreamProxyOptions, 'methods' | 'maxBodyBytes'>): RequestHandler {
  const allowed = options.methods.join(', ');
  return (req, res, next) => {
    // Answered here: anything else (OPTIONS, TRACE, PROPFIND, PATCH, ...) would reach the service
    // with the session's token and, not being GET or HEAD, be taken for a change.
    if (!options.methods.includes(req.method)) {
      res.setHeader('Allow', allowed);
      throw new HttpError(405, 'methodNotAllowed', `${req.method} is not allowed here; use ${allowed}.`);
    }
    const [path = '', query = ''] = req.url.split(/\?(.*)/s);
    const reason = refusePath(path);
    if (reason) throw new HttpError(400, 'pathRefused', reason);
    if (!wellEscaped(query)) throw new HttpError(400, 'queryRefused', 'The query has a malformed percent-escape.');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      const length = req.get('content-length');
      if (length === undefined && req.get('transfer-encoding')) {
        throw new HttpError(411, 'lengthRequired', 'Request bodies must declare their length.');
      }
      if (Number(length ?? 0) > options.maxBodyBytes) {
        throw new HttpError(413, 'bodyTooLarge', `Request bodies are limited to ${options.maxBodyBytes} bytes.`);
      }
      if (Number(length ?? 0) > 0 && !/^application\/json\b/i.test(req.get('content-type') ?? '')) {
        throw new HttpError(
          415,
          'unsupportedMediaType',
          'Request bodies must be JSON (Content-Type: application/json).',
        );
      }
    }
    next();
  };
}
