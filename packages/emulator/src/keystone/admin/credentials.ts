import express from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../../context.js';
import { newHexId } from '../../http/ids.js';
import type { Credential } from '../identity.js';
import { callerToken, collection, forbidden, notFound, parseBody, param, queryString } from './common.js';

const createBody = z.object({
  credential: z.object({
    user_id: z.string(),
    type: z.string().min(1).max(255),
    blob: z.string().min(1),
    project_id: z.string().nullable().optional(),
  }),
});

function render(ctx: EmulatorContext, credential: Credential) {
  return {
    id: credential.id,
    user_id: credential.userId,
    project_id: credential.projectId,
    type: credential.type,
    blob: credential.blob,
    links: { self: `${ctx.identityUrl}/v3/credentials/${credential.id}` },
  };
}

/**
 * `/v3/credentials`: what a user keeps with Keystone, here `totp` secrets for the `totp` method.
 * Keystone's default policy: admins for anyone, a user for their own (a list is filtered to them).
 */
export function credentialsRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const { identity } = ctx;
  const mayTouch = (res: express.Response, userId: string) => {
    const token = callerToken(res);
    return token.userId === userId || identity.isAdmin(token);
  };

  router.post('/credentials', (req, res) => {
    const body = parseBody(createBody, req, res);
    if (!body) return;
    const input = body.credential;
    if (!mayTouch(res, input.user_id)) return forbidden(res, 'create_credential');
    if (!identity.findUser(input.user_id)) return notFound(res, 'user', input.user_id);
    const credential: Credential = {
      id: newHexId(),
      userId: input.user_id,
      projectId: input.project_id ?? null,
      type: input.type,
      blob: input.blob,
    };
    identity.credentials.push(credential);
    ctx.persist();
    res.status(201).json({ credential: render(ctx, credential) });
  });

  router.get('/credentials', (req, res) => {
    const token = callerToken(res);
    const admin = identity.isAdmin(token);
    const [userId, type] = [queryString(req, 'user_id'), queryString(req, 'type')];
    const listed = identity.credentials.filter(
      (c) =>
        (admin || c.userId === token.userId) &&
        (userId === undefined || c.userId === userId) &&
        (type === undefined || c.type === type),
    );
    res.json(
      collection(
        ctx,
        req,
        'credentials',
        listed.map((c) => render(ctx, c)),
      ),
    );
  });

  const find = (req: express.Request) => identity.credentials.find((c) => c.id === param(req, 'id'));

  router.get('/credentials/:id', (req, res) => {
    const credential = find(req);
    if (!credential || !mayTouch(res, credential.userId)) return notFound(res, 'credential', param(req, 'id'));
    res.json({ credential: render(ctx, credential) });
  });

  router.delete('/credentials/:id', (req, res) => {
    const credential = find(req);
    if (!credential) return notFound(res, 'credential', param(req, 'id'));
    if (!mayTouch(res, credential.userId)) return forbidden(res, 'delete_credential');
    identity.credentials.splice(identity.credentials.indexOf(credential), 1);
    ctx.persist();
    res.status(204).end();
  });

  return router;
}
