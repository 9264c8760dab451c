import { parse } from 'cookie';
import type { Request, Response } from 'express';

/** The session cookie of the one cloud (or, with several, `cc_session-<cloud>`: one session per cloud). */
export const SESSION_COOKIE = 'cc_session';
/** Which cloud a page opened without saying is about: the one last signed in to (several clouds only). */
export const CLOUD_COOKIE = 'cc_cloud';

/**
 * The name a cookie has for this request: `__Host-` prefixed when the request came over TLS
 * (directly or through a trusted proxy). Browsers accept a `__Host-` cookie only with Secure,
 * Path=/ and no Domain, so a sibling subdomain cannot set (toss) one that would shadow ours.
 */
export function cookieName(req: Request, base: string): string {
  return req.secure ? `__Host-${base}` : base;
}

/** The value of cookie `base` on this request (over TLS, only its prefixed name counts: a plain one may have been tossed). */
export function readCookie(req: Request, base: string): string | undefined {
  const header = req.headers.cookie;
  return header ? parse(header)[cookieName(req, base)] : undefined;
}

export function readSessionId(req: Request, base = SESSION_COOKIE): string | undefined {
  const id = readCookie(req, base);
  // Ids are 43 url-safe base64 characters; anything else is not ours and is not looked up.
  return id && /^[A-Za-z0-9_-]{43}$/.test(id) ? id : undefined;
}

/**
 * The cookies hold only an opaque id (or a cloud's name). HttpOnly keeps them from scripts,
 * SameSite=Strict from cross-site requests, and Secure (with the `__Host-` name) is set whenever
 * the request came over TLS.
 */
export function writeCookie(req: Request, res: Response, base: string, value: string): void {
  res.cookie(cookieName(req, base), value, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}

export function clearCookie(req: Request, res: Response, base: string): void {
  res.clearCookie(cookieName(req, base), { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}
