import express from 'express';
import { chooseCloudSchema, type CloudList } from '@cinder-console/cinder';
import { HttpError, validationError } from '../errors.js';
import { idleExpiry } from '../session/session.js';
import { CLOUD_COOKIE, readSessionId, writeCookie } from '../session/cookie.js';
import type { SessionStore } from '../session/store.js';
import { CLOUD_HEADER, currentCloud, type CloudDirectory } from './directory.js';

/**
 * `/api/clouds`: the clouds the console offers, public like the sign-in page that lists them (names
 * only, never an address), with whether this browser holds a live session on each; and choosing
 * the cloud new pages of this browser open on.
 */
export function cloudsRouter(clouds: CloudDirectory, store: SessionStore, idleMs: number): express.Router {
  const router = express.Router();

  router.get('/', async (req, res) => {
    const now = Date.now();
    const signedIn = async (cookie: string) => {
      const id = readSessionId(req, cookie);
      const record = id ? await store.get(id) : undefined;
      return record !== undefined && idleExpiry(record, idleMs) > now;
    };
    const list: CloudList = {
      clouds: await Promise.all(
        clouds.all.map(async (cloud) => ({
          name: cloud.name,
          displayName: cloud.displayName,
          signedIn: await signedIn(cloud.sessionCookie),
        })),
      ),
      current: currentCloud(res).name,
    };
    res.json(list);
  });

  // No session to carry a CSRF token: the custom header is the proof of a same-origin caller (a
  // page of another site cannot send one without a CORS preflight, which this BFF never grants).
  router.put('/current', express.json({ limit: '1kb' }), (req, res) => {
    if (!req.get(CLOUD_HEADER)) throw new HttpError(403, 'csrf', `Choosing a cloud needs the ${CLOUD_HEADER} header.`);
    const parsed = chooseCloudSchema.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const cloud = clouds.find(parsed.data.cloud);
    if (!cloud) throw new HttpError(404, 'unknownCloud', `This console has no cloud named "${parsed.data.cloud}".`);
    writeCookie(req, res, CLOUD_COOKIE, cloud.name);
    res.status(204).end();
  });

  return router;
}
