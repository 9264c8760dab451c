import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from '../errors.js';
import { currentSession } from '../session/middleware.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Two independent guards for every state-changing request: the browser must not report another
 * origin (Origin, Sec-Fetch-Site), and signed-in requests must echo the session's CSRF token in
 * `X-CSRF-Token`, which a cross-site page cannot read. Login itself has no session yet, so only
 * the origin guard applies to it.
 */
export function csrfProtection(options: {
  exempt: (method: string, path: string) => boolean;
  /** What another site posts by design (Keystone's WebSSO form): it must guard itself. */
  crossSite?: (method: string, path: string) => boolean;
}): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || options.crossSite?.(req.method, req.path)) return next();
    const origin = req.get('Origin');
    if (origin !== undefined && origin !== `${req.protocol}://${req.get('host')}`) {
      throw new HttpError(403, 'crossOrigin', 'Requests from another origin are not allowed.');
    }
    if (req.get('Sec-Fetch-Site') === 'cross-site') {
      throw new HttpError(403, 'crossOrigin', 'Requests from another site are not allowed.');
    }
    if (options.exempt(req.method, req.path)) return next();
    const session = currentSession(res);
    const sent = req.get('X-CSRF-Token');
    if (session && (!sent || !sameToken(sent, session.record.csrfToken))) {
      throw new HttpError(
        403,
        'csrfTokenInvalid',
        'The request is missing its CSRF token. Reload the page and try again.',
      );
    }
    next();
  };
}
