import express from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../../context.js';
import type { User } from '../identity.js';
import { keystoneError, unauthorized } from '../errors.js';
import { renderGroup, renderProject, renderUser } from '../views.js';
import { deleteUser } from './cascade.js';
import {
  adminOnly,
  collection,
  conflict,
  notFound,
  parseBody,
  queryEnabled,
  queryString,
  param,
  domainForCreate,
  nameRequired,
} from './common.js';

const userFields = z.object({
  name: z.string().min(1).max(255).optional(),
  password: z.string().nullable().optional(),
  domain_id: z.string().optional(),
  default_project_id: z.string().nullable().optional(),
  enabled: z.boolean().optional(),
  email: z.string().optional(),
  description: z.string().nullable().optional(),
  options: z
    .looseObject({
      multi_factor_auth_enabled: z.boolean().nullable().optional(),
      multi_factor_auth_rules: z.array(z.array(z.string()).max(16)).max(16).nullable().optional(),
    })
    .optional(),
});
const userBody = z.object({ user: userFields });
const passwordBody = z.object({ user: z.object({ password: z.string(), original_password: z.string() }) });

function nameTaken(ctx: EmulatorContext, name: string, domainId: string, except?: User): boolean {
  return ctx.identity.users.some((u) => u !== except && u.name === name && u.domainId === domainId);
}

function duplicate(res: express.Response, name: string, domainId: string): void {
  conflict(res, 'user', `Duplicate entry found with name ${name} at domain ID ${domainId}`);
}

const isSelf = (req: express.Request, token: { userId: string }) => param(req, 'id') === token.userId;

/** `/v3/users`: admin CRUD; a user reads itself, changes its own password and lists its projects. */
export function usersRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const { identity } = ctx;

  router.get('/users', adminOnly(ctx, 'list_users'), (req, res) => {
    const name = queryString(req, 'name');
    const domainId = queryString(req, 'domain_id');
    const enabled = queryEnabled(req);
    const users = identity.users.filter(
      (u) =>
        (name === undefined || u.name === name) &&
        (domainId === undefined || u.domainId === domainId) &&
        (enabled === undefined || u.enabled === enabled),
    );
    res.json(
      collection(
        ctx,
        req,
        'users',
        users.map((u) => renderUser(ctx, u)),
      ),
    );
  });

  router.post('/users', adminOnly(ctx, 'create_user'), (req, res) => {
    const body = parseBody(userBody, req, res);
    if (!body) return;
    const input = body.user;
    if (!input.name) return nameRequired(res);
    const domainId = domainForCreate(ctx, res, input.domain_id);
    if (!domainId) return;
    if (nameTaken(ctx, input.name, domainId)) return duplicate(res, input.name, domainId);
    const user = identity.addUser({
      name: input.name,
      password: input.password ?? '',
      domainId,
      enabled: input.enabled ?? true,
      defaultProjectId: input.default_project_id ?? null,
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.description != null ? { description: input.description } : {}),
    });
    ctx.persist();
    res.status(201).json({ user: renderUser(ctx, user) });
  });

  router.get('/users/:id', adminOnly(ctx, 'get_user', isSelf), (req, res) => {
    const user = identity.findUser(param(req, 'id'));
    if (!user) return notFound(res, 'user', param(req, 'id'));
    res.json({ user: renderUser(ctx, user) });
  });

  router.patch('/users/:id', adminOnly(ctx, 'update_user'), (req, res) => {
    const user = identity.findUser(param(req, 'id'));
    if (!user) return notFound(res, 'user', param(req, 'id'));
    const body = parseBody(userBody, req, res);
    if (!body) return;
    const input = body.user;
    if (input.domain_id !== undefined && input.domain_id !== user.domainId)
      return keystoneError(res, 400, 'Update of `domain_id` is not allowed.');
    if (input.name !== undefined && nameTaken(ctx, input.name, user.domainId, user))
      return duplicate(res, input.name, user.domainId);
    if (input.name !== undefined) user.name = input.name;
    if (input.email !== undefined) user.email = input.email;
    if (input.description !== undefined) user.description = input.description ?? '';
    if (input.default_project_id !== undefined) user.defaultProjectId = input.default_project_id;
    if (input.enabled !== undefined) user.enabled = input.enabled;
    if (input.options) {
      // Keystone drops an option set to null.
      const options = { ...user.options };
      const { multi_factor_auth_enabled: enabled, multi_factor_auth_rules: rules } = input.options;
      if (enabled === null) delete options.multi_factor_auth_enabled;
      else if (enabled !== undefined) options.multi_factor_auth_enabled = enabled;
      if (rules === null) delete options.multi_factor_auth_rules;
      else if (rules !== undefined) options.multi_factor_auth_rules = rules;
      user.options = options;
    }
    // A new password revokes the user's tokens, as Keystone's revocation event does.
    if (input.password != null) {
      user.password = input.password;
      user.revokedAt = new Date();
    }
    ctx.persist();
    res.json({ user: renderUser(ctx, user) });
  });

  router.delete('/users/:id', adminOnly(ctx, 'delete_user'), (req, res) => {
    if (!identity.findUser(param(req, 'id'))) return notFound(res, 'user', param(req, 'id'));
    deleteUser(identity, param(req, 'id'));
    ctx.persist();
    res.status(204).end();
  });

  router.post('/users/:id/password', (req, res) => {
    const body = parseBody(passwordBody, req, res);
    if (!body) return;
    const user = identity.findUser(param(req, 'id'));
    if (!user) return notFound(res, 'user', param(req, 'id'));
    // Keystone checks the original password rather than the token here: a wrong one is its opaque 401.
    if (user.password !== body.user.original_password) return unauthorized(res, ctx);
    user.password = body.user.password;
    user.revokedAt = new Date();
    ctx.persist();
    res.status(204).end();
  });

  router.get('/users/:id/projects', adminOnly(ctx, 'list_user_projects', isSelf), (req, res) => {
    const projects = identity.projectsOf(param(req, 'id')).map((p) => renderProject(ctx, p));
    res.json(collection(ctx, req, 'projects', projects));
  });

  router.get('/users/:id/groups', adminOnly(ctx, 'list_groups_for_user', isSelf), (req, res) => {
    if (!identity.findUser(param(req, 'id'))) return notFound(res, 'user', param(req, 'id'));
    const groups = identity.groupsOf(param(req, 'id')).map((id) => identity.findGroup(id)!);
    res.json(
      collection(
        ctx,
        req,
        'groups',
        groups.map((g) => renderGroup(ctx, g)),
      ),
    );
  });

  return router;
}
