import { parse } from 'cookie';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'cc_session';
/**
 * The name over TLS. Browsers accept a `__Host-` cookie only with Secure, Path=/ and no Domain, so a
 * sibling subdomain cannot set (toss) one that would shadow ours.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/** The cookie's name for this request: prefixed when it came over TLS (directly or through a trusted proxy). */
export function sessionCookieName(req: Request): string {
  return req.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function readSessionId(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  // Over TLS only the prefixed name counts: a plain `cc_session` there may have been tossed.
  const id = parse(header)[sessionCookieName(req)];
  // Ids are 43 url-safe base64 characters; anything else is not ours and is not looked up.
  return id && /^[A-Za-z0-9_-]{43}$/.test(id) ? id : undefined;
}

/**
 * The cookie holds only an opaque id. HttpOnly keeps it from scripts, SameSite=Strict from
 * cross-site requests, and Secure (with the `__Host-` name) is set whenever the request came over
 * TLS (directly, or through a proxy the BFF trusts).
 */
export function writeSessionCookie(req: Request, res: Response, id: string): void {
  res.cookie(sessionCookieName(req), id, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(sessionCookieName(req), { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}
