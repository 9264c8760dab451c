import type { RequestHandler } from 'express';
import type { EmulatorContext } from '../context.js';
import { unauthorized } from '../keystone/errors.js';
import { cinderFault } from './faults.js';

/** Who is calling Cinder, from the validated token (keystonemiddleware + keystonecontext). */
export interface CinderCaller {
  userId: string;
  projectId: string;
  roles: string[];
  /** `context_is_admin` is `role:admin`: any admin token is a cloud admin in Zed. */
  isAdmin: boolean;
  /** The project id from the URL, when the URL had one. */
  urlProjectId: string | undefined;
}

/** keystonemiddleware: a missing, expired, revoked or unknown token is Keystone's 401, before any routing. */
export function authenticateCaller(ctx: EmulatorContext): RequestHandler {
  return (req, res, next) => {
    const token = ctx.serviceTokens.validate(req.get('X-Auth-Token'));
    if (!token || !token.projectId) return unauthorized(res, ctx);
    const roles = ctx.identity.roleNames(token);
    const caller: CinderCaller = {
      userId: token.userId,
      projectId: token.projectId,
      roles,
      isAdmin: roles.includes('admin'),
      urlProjectId: undefined,
    };
    res.locals.caller = caller;
    next();
  };
}

const PROJECT_ID = /^[0-9a-f-]+$/;

/**
 * Cinder's ProjectMapper routes every resource with and without `/{project_id}`. A first segment
 * made of hex digits and dashes is a project id (no resource name is); it is stripped here and must
 * equal the token's project, otherwise Cinder answers 400 "Malformed request url", admins included.
 */
export const projectFromPath: RequestHandler = (req, res, next) => {
  const match = /^\/([^/?]+)(\/[^?]*)?(\?.*)?$/.exec(req.url);
  const first = match?.[1];
  if (first && PROJECT_ID.test(first)) {
    const caller: CinderCaller = res.locals.caller;
    if (first !== caller.projectId) return cinderFault(res, 400, 'Malformed request url');
    caller.urlProjectId = first;
    req.url = `${match[2] ?? '/'}${match[3] ?? ''}`;
  }
  next();
};
