import { CINDER_REQUEST_SCHEMAS, VOLUME_ACTION_SCHEMAS } from '@cinder-console/cinder';
import type { RequestHandler } from 'express';
import { HttpError, validationError } from '../errors.js';

const VOLUME_ACTION = /^\/volumes\/[^/]+\/action$/;

/**
 * Checks the bodies of the Cinder calls the console makes against the shared zod schemas before
 * anything goes upstream, naming the bad field (`volume.size: must be at least 1 GiB`). Calls the
 * console does not make pass unchanged: for those the cloud's own validation is the judge.
 */
export const validateCinderBody: RequestHandler = (req, _res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') return next();
  const path = req.path;
  if (VOLUME_ACTION.test(path)) {
    const body = req.body as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length !== 1) {
      throw new HttpError(400, 'invalidInput', 'Invalid input: an action body has exactly one key, the action.');
    }
    const [action, args] = Object.entries(body)[0]!;
    const schema = VOLUME_ACTION_SCHEMAS[action];
    if (schema) {
      const parsed = schema.safeParse(args);
      if (!parsed.success) throw validationError(parsed.error, [action]);
    }
    return next();
  }
  const rule = CINDER_REQUEST_SCHEMAS.find((r) => r.method === req.method && r.path.test(path));
  if (rule) {
    const parsed = rule.schema.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
  }
  next();
};
