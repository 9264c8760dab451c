import { createHash, randomBytes } from 'node:crypto';
import express from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../../context.js';
import { newHexId } from '../../http/ids.js';
import type { ApplicationCredential, IdentityStore } from '../identity.js';
import { keystoneError } from '../errors.js';
import { renderApplicationCredential } from '../views.js';
import { callerToken, collection, conflict, forbidden, notFound, parseBody, queryString, param } from './common.js';

const createBody = z.object({
  application_credential: z.object({
    name: z.string().min(1).max(255),
    description: z.string().nullable().optional(),
    secret: z.string().min(1).nullable().optional(),
    expires_at: z.string().nullable().optional(),
    roles: z.array(z.object({ id: z.string().optional(), name: z.string().optional() })).optional(),
    unrestricted: z.boolean().nullable().optional(),
    access_rules: z.array(z.unknown()).optional(),
  }),
});

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The credential named by an `application_credential` auth method, when its secret matches and it has not expired. */
export function findUsableCredential(
  identity: IdentityStore,
  ref: { id?: string | undefined; name?: string | undefined; secret: string; userId?: string | undefined },
): ApplicationCredential | undefined {
  const credential = identity.applicationCredentials.find((c) =>
    ref.id !== undefined ? c.id === ref.id : c.name === ref.name && c.userId === ref.userId,
  );
  if (!credential || credential.secretHash !== hashSecret(ref.secret)) return undefined;
  if (credential.expiresAt && new Date(credential.expiresAt).getTime() <= Date.now()) return undefined;
  return credential;
}

/**
 * `/v3/users/{user_id}/application_credentials`: a user delegates (some of) its roles on the
 * token's project to a name and a secret, which then sign in with the `application_credential`
 * method. Keystone shows the secret once, at creation.
 */
export function applicationCredentialsRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const { identity } = ctx;
  const base = '/users/:userId/application_credentials';
  const owner = (req: express.Request, res: express.Response, action: string, allowAdmin: boolean): boolean => {
    const token = callerToken(res);
    if (token.userId === param(req, 'userId') || (allowAdmin && identity.isAdmin(token))) return true;
    forbidden(res, action);
    return false;
  };

  router.post(base, (req, res) => {
    if (!owner(req, res, 'create_application_credential', false)) return;
    const token = callerToken(res);
    if (token.applicationCredentialId) {
      const current = identity.applicationCredentials.find((c) => c.id === token.applicationCredentialId);
      if (!current?.unrestricted) return forbidden(res, 'create_application_credential');
    }
    const body = parseBody(createBody, req, res);
    if (!body || !token.projectId) return;
    const input = body.application_credential;
    if (identity.applicationCredentials.some((c) => c.userId === token.userId && c.name === input.name))
      return conflict(res, 'application_credential', `Duplicate entry found with name ${input.name}`);
    const held = identity.tokenRoles(token);
    const wanted = input.roles ?? held.map((r) => ({ id: r.id }));
    const roleIds: string[] = [];
    for (const ref of wanted) {
      const role = held.find((r) => (ref.id !== undefined ? r.id === ref.id : 'name' in ref && r.name === ref.name));
      if (!role)
        return keystoneError(
          res,
          400,
          'Invalid application credential: Cannot create an application credential with unassigned role',
        );
      roleIds.push(role.id);
    }
    let expiresAt: Date | null = null;
    if (input.expires_at) {
      expiresAt = new Date(input.expires_at.endsWith('Z') ? input.expires_at : `${input.expires_at}Z`);
      if (Number.isNaN(expiresAt.getTime()))
        return keystoneError(
          res,
          400,
          `Invalid input for field 'expires_at': '${input.expires_at}' is not a 'date-time'`,
        );
      if (expiresAt.getTime() <= Date.now())
        return keystoneError(res, 400, 'The expiration date of the application credential is in the past.');
    }
    const secret = input.secret ?? randomBytes(64).toString('base64url');
    const credential: ApplicationCredential = {
      id: newHexId(),
      name: input.name,
      description: input.description ?? null,
      userId: token.userId,
      projectId: token.projectId,
      roleIds: [...new Set(roleIds)],
      secretHash: hashSecret(secret),
      unrestricted: input.unrestricted ?? null,
      expiresAt,
    };
    identity.applicationCredentials.push(credential);
    ctx.persist();
    res.status(201).json({ application_credential: { ...renderApplicationCredential(ctx, credential), secret } });
  });

  router.get(base, (req, res) => {
    if (!owner(req, res, 'list_application_credentials', true)) return;
    if (!identity.findUser(param(req, 'userId'))) return notFound(res, 'user', param(req, 'userId'));
    const name = queryString(req, 'name');
    const credentials = identity.applicationCredentials.filter(
      (c) => c.userId === param(req, 'userId') && (name === undefined || c.name === name),
    );
    res.json(
      collection(
        ctx,
        req,
        'application_credentials',
        credentials.map((c) => renderApplicationCredential(ctx, c)),
      ),
    );
  });

  const find = (req: express.Request) =>
    identity.applicationCredentials.find((c) => c.id === param(req, 'id') && c.userId === param(req, 'userId'));

  router.get(`${base}/:id`, (req, res) => {
    if (!owner(req, res, 'get_application_credential', true)) return;
    const credential = find(req);
    if (!credential) return notFound(res, 'Application Credential', param(req, 'id'));
    res.json({ application_credential: renderApplicationCredential(ctx, credential) });
  });

  router.delete(`${base}/:id`, (req, res) => {
    if (!owner(req, res, 'delete_application_credential', true)) return;
    const token = callerToken(res);
    const credential = find(req);
    if (!credential) return notFound(res, 'Application Credential', param(req, 'id'));
    const current = identity.applicationCredentials.find((c) => c.id === token.applicationCredentialId);
    if (current && !current.unrestricted) return forbidden(res, 'delete_application_credential');
    identity.applicationCredentials.splice(identity.applicationCredentials.indexOf(credential), 1);
    ctx.persist();
    res.status(204).end();
  });

  return router;
}
