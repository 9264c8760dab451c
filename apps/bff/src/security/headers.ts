import { randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** The nonce of this response's CSP, for `static.ts` to write into `index.html`; unset on API responses. */
export function cspNonce(res: Response): string | undefined {
  return res.locals.cspNonce as string | undefined;
}

/** The `nonce-` source of this response's nonce. */
const responseNonce = (_req: unknown, res: unknown) => `'nonce-${cspNonce(res as Response)}'`;

const common = {
  strictTransportSecurity: false,
  crossOriginEmbedderPolicy: false,
} as const;

/**
 * For the SPA: scripts from this origin plus the inline ones that carry this response's nonce
 * (`index.html` has one, which sets the colour scheme before the first paint); styles from this
 * origin plus the `<style>` tags with the nonce (Mantine stamps it on the ones it injects, reading it
 * from `<meta name="csp-nonce">`). No `'unsafe-inline'` anywhere: an injected script or handler
 * lacks the nonce and does not run. Styles that React sets through the DOM (`element.style`) are
 * not inline markup and are not affected.
 */
const spaHeaders = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'", responseNonce],
      'style-src': ["'self'", responseNonce],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      // Set only when served over TLS; on plain http it would break local use.
      'upgrade-insecure-requests': null,
    },
  },
});

/** For the API: JSON and event streams, which never load anything, so a document made of one may load nothing. */
const apiHeaders = helmet({
  ...common,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
    },
  },
});

function isApi(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * A year of HTTPS-only for this host. Not `includeSubDomains`: the console does not speak for its
 * siblings. Sent only on a request that arrived over TLS (directly, or through a trusted proxy:
 * TRUST_PROXY), since a browser ignores it over plain http and a wrong one would lock users out.
 */
const HSTS = 'max-age=31536000';

/** Security headers: a strict CSP for the API, and for everything else one with a fresh style nonce per response. */
export const securityHeaders: RequestHandler = (req, res, next) => {
  if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
  if (isApi(req.path)) return apiHeaders(req, res, next);
  // 128 bits, as CSP asks of a nonce; base64 is the form the `nonce-` source takes.
  res.locals.cspNonce = randomBytes(16).toString('base64');
  return spaHeaders(req, res, next);
};
