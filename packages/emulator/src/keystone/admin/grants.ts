import express from 'express';
import type { EmulatorContext } from '../../context.js';
import type { Assignment } from '../identity.js';
import { keystoneError } from '../errors.js';
import { renderRole } from '../views.js';
import { adminOnly, collection, notFound, queryString, param } from './common.js';

type TargetKind = 'projects' | 'domains';
type ActorKind = 'users' | 'groups';

function assignmentOf(
  target: TargetKind,
  targetId: string,
  actor: ActorKind,
  actorId: string,
  roleId: string,
): Assignment {
  return {
    roleId,
    ...(actor === 'users' ? { userId: actorId } : { groupId: actorId }),
    ...(target === 'projects' ? { projectId: targetId } : { domainId: targetId }),
  };
}

const same = (a: Assignment, b: Assignment) =>
  a.roleId === b.roleId &&
  a.userId === b.userId &&
  a.groupId === b.groupId &&
  a.projectId === b.projectId &&
  a.domainId === b.domainId;

/**
 * Role grants (`PUT|GET|HEAD|DELETE /v3/{projects|domains}/{id}/{users|groups}/{id}/roles/{role}`)
 * and `GET /v3/role_assignments` with Keystone's filters, `effective` and `include_names`.
 */
export function grantsRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const { identity } = ctx;

  const resolve = (
    res: express.Response,
    target: TargetKind,
    targetId: string,
    actor: ActorKind,
    actorId: string,
  ): boolean => {
    const found = target === 'projects' ? identity.findProject(targetId) : identity.findDomain({ id: targetId });
    if (!found) return (notFound(res, target === 'projects' ? 'project' : 'domain', targetId), false);
    const who = actor === 'users' ? identity.findUser(actorId) : identity.findGroup(actorId);
    if (!who) return (notFound(res, actor === 'users' ? 'user' : 'group', actorId), false);
    return true;
  };
  const missing = (res: express.Response, roleId: string, actorId: string, targetId: string) =>
    keystoneError(
      res,
      404,
      `Could not find role assignment with role: ${roleId}, user or group: ${actorId}, project, domain, or system: ${targetId}.`,
    );

  for (const target of ['projects', 'domains'] as const) {
    for (const actor of ['users', 'groups'] as const) {
      const base = `/${target}/:targetId/${actor}/:actorId/roles`;
      router.get(base, adminOnly(ctx, `list_grants`), (req, res) => {
        const [targetId, actorId] = [param(req, 'targetId'), param(req, 'actorId')];
        if (!resolve(res, target, targetId, actor, actorId)) return;
        const probe = assignmentOf(target, targetId, actor, actorId, '');
        const roles = identity.assignments
          .filter((a) => same(a, { ...probe, roleId: a.roleId }))
          .map((a) => identity.findRole(a.roleId)!);
        res.json(
          collection(
            ctx,
            req,
            'roles',
            roles.map((r) => renderRole(ctx, r)),
          ),
        );
      });
      router.put(`${base}/:roleId`, adminOnly(ctx, 'create_grant'), (req, res) => {
        const [targetId, actorId, roleId] = [param(req, 'targetId'), param(req, 'actorId'), param(req, 'roleId')];
        if (!identity.findRole(roleId)) return notFound(res, 'role', roleId);
        if (!resolve(res, target, targetId, actor, actorId)) return;
        const grant = assignmentOf(target, targetId, actor, actorId, roleId);
        if (!identity.assignments.some((a) => same(a, grant))) identity.assignments.push(grant);
        ctx.persist();
        res.status(204).end();
      });
      router.get(`${base}/:roleId`, adminOnly(ctx, 'check_grant'), (req, res) => {
        const [targetId, actorId, roleId] = [param(req, 'targetId'), param(req, 'actorId'), param(req, 'roleId')];
        if (!identity.findRole(roleId)) return notFound(res, 'role', roleId);
        if (!resolve(res, target, targetId, actor, actorId)) return;
        const grant = assignmentOf(target, targetId, actor, actorId, roleId);
        if (!identity.assignments.some((a) => same(a, grant))) return missing(res, roleId, actorId, targetId);
        res.status(204).end();
      });
      router.delete(`${base}/:roleId`, adminOnly(ctx, 'revoke_grant'), (req, res) => {
        const [targetId, actorId, roleId] = [param(req, 'targetId'), param(req, 'actorId'), param(req, 'roleId')];
        if (!identity.findRole(roleId)) return notFound(res, 'role', roleId);
        if (!resolve(res, target, targetId, actor, actorId)) return;
        const grant = assignmentOf(target, targetId, actor, actorId, roleId);
        const index = identity.assignments.findIndex((a) => same(a, grant));
        if (index < 0) return missing(res, roleId, actorId, targetId);
        identity.assignments.splice(index, 1);
        ctx.persist();
        res.status(204).end();
      });
    }
  }

  router.get('/role_assignments', adminOnly(ctx, 'list_role_assignments'), (req, res) => {
    const effective = 'effective' in req.query;
    const withNames = 'include_names' in req.query && queryString(req, 'include_names') !== 'false';
    const filter = {
      userId: queryString(req, 'user.id'),
      groupId: queryString(req, 'group.id'),
      roleId: queryString(req, 'role.id'),
      projectId: queryString(req, 'scope.project.id'),
      domainId: queryString(req, 'scope.domain.id'),
    };
    // Effective: group grants become one row per member, and implied roles are added.
    let rows: Array<Assignment & { membership?: string; prior?: string }> = identity.assignments.map((a) => ({ ...a }));
    if (effective) {
      rows = rows.flatMap((a) =>
        a.groupId
          ? identity.memberships
              .filter((m) => m.groupId === a.groupId)
              .map(({ userId }) => ({
                roleId: a.roleId,
                userId,
                projectId: a.projectId,
                domainId: a.domainId,
                membership: a.groupId,
              }))
          : [a],
      );
      rows = rows.flatMap((a) =>
        [...identity.closure([a.roleId])].map((roleId) =>
          roleId === a.roleId ? a : { ...a, roleId, prior: a.roleId },
        ),
      );
    }
    rows = rows.filter(
      (a) =>
        (!filter.userId || a.userId === filter.userId) &&
        (!filter.groupId || a.groupId === filter.groupId) &&
        (!filter.roleId || a.roleId === filter.roleId) &&
        (!filter.projectId || a.projectId === filter.projectId) &&
        (!filter.domainId || a.domainId === filter.domainId),
    );
    const named = <T extends { id: string }>(ref: T, name: string | undefined, domain?: string) =>
      withNames
        ? {
            ...ref,
            name,
            ...(domain ? { domain: { id: domain, name: identity.findDomain({ id: domain })?.name } } : {}),
          }
        : ref;
    const render = (a: (typeof rows)[number]) => {
      const role = identity.findRole(a.roleId);
      const user = a.userId ? identity.findUser(a.userId) : undefined;
      const group = a.groupId ? identity.findGroup(a.groupId) : undefined;
      const project = a.projectId ? identity.findProject(a.projectId) : undefined;
      const targetPath = a.projectId ? `projects/${a.projectId}` : `domains/${a.domainId}`;
      const actorPath = a.membership
        ? `groups/${a.membership}`
        : a.userId
          ? `users/${a.userId}`
          : `groups/${a.groupId}`;
      return {
        role: named({ id: a.roleId }, role?.name),
        ...(a.userId ? { user: named({ id: a.userId }, user?.name, user?.domainId) } : {}),
        ...(a.groupId ? { group: named({ id: a.groupId }, group?.name, group?.domainId) } : {}),
        scope: a.projectId
          ? { project: named({ id: a.projectId }, project?.name, project?.domainId) }
          : { domain: named({ id: a.domainId! }, identity.findDomain({ id: a.domainId! })?.name) },
        links: {
          assignment: `${ctx.identityUrl}/v3/${targetPath}/${actorPath}/roles/${a.prior ?? a.roleId}`,
          ...(a.membership ? { membership: `${ctx.identityUrl}/v3/groups/${a.membership}/users/${a.userId}` } : {}),
        },
        ...(a.prior ? { prior_role: { id: a.prior } } : {}),
      };
    };
    res.json(collection(ctx, req, 'role_assignments', rows.map(render)));
  });

  return router;
}
