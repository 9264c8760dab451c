import type { Request, RequestHandler, Response } from 'express';
import { currentCloud, SINGLE_CLOUD } from '../cloud/directory.js';
import { HttpError } from '../errors.js';
import { readSessionId } from './cookie.js';
import { idleExpiry, type SessionRecord } from './session.js';
import type { SessionStore } from './store.js';

/** Writing `lastSeenAt` on every request would hammer a shared store; this often is enough for idle time-outs. */
const TOUCH_INTERVAL_MS = 5_000;

export interface LoadedSession {
  id: string;
  record: SessionRecord;
}

/** The request's session, when `loadSession` found a live one. */
export function currentSession(res: Response): LoadedSession | undefined {
  return res.locals.session as LoadedSession | undefined;
}

/**
 * Reading the session is not activity: the SPA asks for it to show how long is left, and a countdown
 * that kept the session alive would make the idle limit meaningless.
 */
function isPassive(req: Request): boolean {
  return req.method === 'GET' && req.path === '/session';
}

/**
 * Loads the session named by the request's cloud's cookie, ending it when idle or past the token's
 * expiry (whichever comes first: a session never outlives its Keystone token). Any other request
 * counts as activity. Runs after `CloudDirectory.select`.
 */
export function loadSession(store: SessionStore, idleMs: number): RequestHandler {
  return async (req, res, next) => {
    const cloud = currentCloud(res);
    const id = readSessionId(req, cloud.sessionCookie);
    if (!id) return next();
    const record = await store.get(id);
    // A session is its cloud's only: an id moved into another cloud's cookie opens nothing.
    if (!record || (record.cloud ?? SINGLE_CLOUD) !== cloud.name) return next();
    const now = Date.now();
    if (idleExpiry(record, idleMs) <= now) {
      await store.delete(id);
      return next();
    }
    if (!isPassive(req) && now - Date.parse(record.lastSeenAt) > TOUCH_INTERVAL_MS) {
      record.lastSeenAt = new Date(now).toISOString();
      await store.set(id, record, Date.parse(record.tokenExpiresAt));
    }
    res.locals.session = { id, record } satisfies LoadedSession;
    next();
  };
}

export const requireSession: RequestHandler = (_req, res, next) => {
  if (!currentSession(res)) {
    throw new HttpError(401, 'noSession', 'You are not signed in, or your session has ended. Please sign in again.');
  }
  next();
};
