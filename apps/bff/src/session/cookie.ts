import { parse } from 'cookie';
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'cc_session';

export function readSessionId(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const id = parse(header)[SESSION_COOKIE];
  // Ids are 43 url-safe base64 characters; anything else is not ours and is not looked up.
  return id && /^[A-Za-z0-9_-]{43}$/.test(id) ? id : undefined;
}

/**
 * The cookie holds only an opaque id. HttpOnly keeps it from scripts, SameSite=Strict from
 * cross-site requests, and Secure is set whenever the request came over TLS (directly, or through
 * a proxy the BFF trusts).
 */
export function writeSessionCookie(req: Request, res: Response, id: string): void {
  res.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}
