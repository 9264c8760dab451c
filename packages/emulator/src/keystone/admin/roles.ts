import express from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../../context.js';
import { keystoneError } from '../errors.js';
import { renderRole } from '../views.js';
import { deleteRole } from './cascade.js';
import { adminOnly, collection, conflict, notFound, parseBody, queryString, param, nameRequired } from './common.js';

const roleBody = z.object({
  role: z.object({
    name: z.string().min(1).max(255).optional(),
    description: z.string().nullable().optional(),
    domain_id: z.null().optional(),
  }),
});

/** `/v3/roles` and implied roles (`/v3/roles/{prior}/implies/{implied}`, `/v3/role_inferences`). */
export function rolesRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const { identity } = ctx;
  // Keystone compares role names case-insensitively for uniqueness.
  const taken = (name: string, exceptId?: string) =>
    identity.roles.some((r) => r.id !== exceptId && r.name.toLowerCase() === name.toLowerCase());

  router.get('/roles', adminOnly(ctx, 'list_roles'), (req, res) => {
    const name = queryString(req, 'name');
    const roles = identity.roles.filter((r) => name === undefined || r.name === name);
    res.json(
      collection(
        ctx,
        req,
        'roles',
        roles.map((r) => renderRole(ctx, r)),
      ),
    );
  });

  router.post('/roles', adminOnly(ctx, 'create_role'), (req, res) => {
    const body = parseBody(roleBody, req, res);
    if (!body) return;
    const { name, description } = body.role;
    if (!name) return nameRequired(res);
    if (taken(name)) return conflict(res, 'role', `Duplicate entry found with name ${name}`);
    const role = identity.addRole(name, description ?? null);
    ctx.persist();
    res.status(201).json({ role: renderRole(ctx, role) });
  });

  router.get('/roles/:id', adminOnly(ctx, 'get_role'), (req, res) => {
    const role = identity.findRole(param(req, 'id'));
    if (!role) return notFound(res, 'role', param(req, 'id'));
    res.json({ role: renderRole(ctx, role) });
  });

  router.patch('/roles/:id', adminOnly(ctx, 'update_role'), (req, res) => {
    const role = identity.findRole(param(req, 'id'));
    if (!role) return notFound(res, 'role', param(req, 'id'));
    const body = parseBody(roleBody, req, res);
    if (!body) return;
    const { name, description } = body.role;
    if (name !== undefined && taken(name, role.id))
      return conflict(res, 'role', `Duplicate entry found with name ${name}`);
    if (name !== undefined) role.name = name;
    if (description !== undefined) role.description = description;
    ctx.persist();
    res.json({ role: renderRole(ctx, role) });
  });

  router.delete('/roles/:id', adminOnly(ctx, 'delete_role'), (req, res) => {
    if (!identity.findRole(param(req, 'id'))) return notFound(res, 'role', param(req, 'id'));
    deleteRole(identity, param(req, 'id'));
    ctx.persist();
    res.status(204).end();
  });

  const brief = (id: string) => {
    const role = identity.findRole(id)!;
    return { id: role.id, name: role.name, links: { self: `${ctx.identityUrl}/v3/roles/${role.id}` } };
  };
  const inference = (prior: string, implied: string[]) => ({
    prior_role: brief(prior),
    implies: implied.map(brief),
  });

  router.get('/roles/:prior/implies', adminOnly(ctx, 'list_implied_roles'), (req, res) => {
    if (!identity.findRole(param(req, 'prior'))) return notFound(res, 'role', param(req, 'prior'));
    const implied = identity.implications.filter(([p]) => p === param(req, 'prior')).map(([, i]) => i);
    res.json({
      role_inference: inference(param(req, 'prior'), implied),
      links: { self: `${ctx.identityUrl}${req.originalUrl.replace(/^\/identity/, '')}` },
    });
  });

  router.put('/roles/:prior/implies/:implied', adminOnly(ctx, 'create_implied_role'), (req, res) => {
    const [prior, implied] = [param(req, 'prior'), param(req, 'implied')];
    if (!identity.findRole(prior)) return notFound(res, 'role', prior);
    if (!identity.findRole(implied)) return notFound(res, 'role', implied);
    if (identity.closure([implied]).has(prior))
      return keystoneError(res, 403, `Cannot create an implied role that forms a loop: ${prior} implies ${implied}.`);
    if (!identity.implications.some(([p, i]) => p === prior && i === implied))
      identity.implications.push([prior, implied]);
    ctx.persist();
    res.status(201).json({ role_inference: { prior_role: brief(prior), implies: brief(implied) } });
  });

  router.get('/roles/:prior/implies/:implied', adminOnly(ctx, 'get_implied_role'), (req, res) => {
    const [prior, implied] = [param(req, 'prior'), param(req, 'implied')];
    if (!identity.implications.some(([p, i]) => p === prior && i === implied))
      return keystoneError(res, 404, `${prior} does not imply ${implied}.`);
    if (req.method === 'HEAD') return void res.status(204).end();
    res.json({ role_inference: { prior_role: brief(prior), implies: brief(implied) } });
  });

  router.delete('/roles/:prior/implies/:implied', adminOnly(ctx, 'delete_implied_role'), (req, res) => {
    const [prior, implied] = [param(req, 'prior'), param(req, 'implied')];
    const index = identity.implications.findIndex(([p, i]) => p === prior && i === implied);
    if (index < 0) return keystoneError(res, 404, `${prior} does not imply ${implied}.`);
    identity.implications.splice(index, 1);
    ctx.persist();
    res.status(204).end();
  });

  router.get('/role_inferences', adminOnly(ctx, 'list_role_inference_rules'), (req, res) => {
    const priors = [...new Set(identity.implications.map(([p]) => p))];
    const rules = priors.map((p) =>
      inference(
        p,
        identity.implications.filter(([q]) => q === p).map(([, i]) => i),
      ),
    );
    res.json({ role_inferences: rules, links: { self: `${ctx.identityUrl}/v3/role_inferences` } });
  });

  return router;
}
