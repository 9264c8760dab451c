import express from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../../context.js';
import { newHexId } from '../../http/ids.js';
import { keystoneError } from '../errors.js';
import { renderGroup, renderUser } from '../views.js';
import { deleteGroup } from './cascade.js';
import {
  adminOnly,
  collection,
  conflict,
  notFound,
  parseBody,
  queryString,
  param,
  domainForCreate,
  nameRequired,
} from './common.js';

const groupBody = z.object({
  group: z.object({
    name: z.string().min(1).max(64).optional(),
    domain_id: z.string().optional(),
    description: z.string().nullable().optional(),
  }),
});

/** `/v3/groups`: admin CRUD and membership; roles granted to a group reach its members. */
export function groupsRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const { identity } = ctx;
  const taken = (name: string, domainId: string, exceptId?: string) =>
    identity.groups.some((g) => g.id !== exceptId && g.name === name && g.domainId === domainId);

  router.get('/groups', adminOnly(ctx, 'list_groups'), (req, res) => {
    const name = queryString(req, 'name');
    const domainId = queryString(req, 'domain_id');
    const groups = identity.groups.filter(
      (g) => (name === undefined || g.name === name) && (domainId === undefined || g.domainId === domainId),
    );
    res.json(
      collection(
        ctx,
        req,
        'groups',
        groups.map((g) => renderGroup(ctx, g)),
      ),
    );
  });

  router.post('/groups', adminOnly(ctx, 'create_group'), (req, res) => {
    const body = parseBody(groupBody, req, res);
    if (!body) return;
    const { name, description } = body.group;
    if (!name) return nameRequired(res);
    const domainId = domainForCreate(ctx, res, body.group.domain_id);
    if (!domainId) return;
    if (taken(name, domainId))
      return conflict(res, 'group', `Duplicate entry found with name ${name} at domain ID ${domainId}`);
    const group = { id: newHexId(), name, domainId, description: description ?? '' };
    identity.groups.push(group);
    ctx.persist();
    res.status(201).json({ group: renderGroup(ctx, group) });
  });

  router.get('/groups/:id', adminOnly(ctx, 'get_group'), (req, res) => {
    const group = identity.findGroup(param(req, 'id'));
    if (!group) return notFound(res, 'group', param(req, 'id'));
    res.json({ group: renderGroup(ctx, group) });
  });

  router.patch('/groups/:id', adminOnly(ctx, 'update_group'), (req, res) => {
    const group = identity.findGroup(param(req, 'id'));
    if (!group) return notFound(res, 'group', param(req, 'id'));
    const body = parseBody(groupBody, req, res);
    if (!body) return;
    const { name, description } = body.group;
    if (name !== undefined && taken(name, group.domainId, group.id))
      return conflict(res, 'group', `Duplicate entry found with name ${name} at domain ID ${group.domainId}`);
    if (name !== undefined) group.name = name;
    if (description !== undefined) group.description = description ?? '';
    ctx.persist();
    res.json({ group: renderGroup(ctx, group) });
  });

  router.delete('/groups/:id', adminOnly(ctx, 'delete_group'), (req, res) => {
    if (!identity.findGroup(param(req, 'id'))) return notFound(res, 'group', param(req, 'id'));
    deleteGroup(identity, param(req, 'id'));
    ctx.persist();
    res.status(204).end();
  });

  router.get('/groups/:id/users', adminOnly(ctx, 'list_users_in_group'), (req, res) => {
    if (!identity.findGroup(param(req, 'id'))) return notFound(res, 'group', param(req, 'id'));
    const users = identity.memberships
      .filter((m) => m.groupId === param(req, 'id'))
      .map((m) => identity.findUser(m.userId)!);
    res.json(
      collection(
        ctx,
        req,
        'users',
        users.map((u) => renderUser(ctx, u)),
      ),
    );
  });

  const membership = (action: string) => adminOnly(ctx, action);
  const resolve = (req: express.Request, res: express.Response): boolean => {
    if (!identity.findGroup(param(req, 'id'))) return (notFound(res, 'group', param(req, 'id')), false);
    if (!identity.findUser(param(req, 'userId'))) return (notFound(res, 'user', param(req, 'userId')), false);
    return true;
  };
  const isMember = (req: express.Request) =>
    identity.memberships.some((m) => m.groupId === param(req, 'id') && m.userId === param(req, 'userId'));

  router.put('/groups/:id/users/:userId', membership('add_user_to_group'), (req, res) => {
    if (!resolve(req, res)) return;
    if (!isMember(req)) identity.memberships.push({ groupId: param(req, 'id'), userId: param(req, 'userId') });
    ctx.persist();
    res.status(204).end();
  });

  router.head('/groups/:id/users/:userId', membership('check_user_in_group'), (req, res) => {
    if (!resolve(req, res)) return;
    if (!isMember(req))
      return keystoneError(res, 404, `${param(req, 'userId')} is not a member of group ${param(req, 'id')}.`);
    res.status(204).end();
  });

  router.delete('/groups/:id/users/:userId', membership('remove_user_from_group'), (req, res) => {
    if (!resolve(req, res)) return;
    if (!isMember(req))
      return keystoneError(res, 404, `${param(req, 'userId')} is not a member of group ${param(req, 'id')}.`);
    const index = identity.memberships.findIndex(
      (m) => m.groupId === param(req, 'id') && m.userId === param(req, 'userId'),
    );
    identity.memberships.splice(index, 1);
    ctx.persist();
    res.status(204).end();
  });

  return router;
}
