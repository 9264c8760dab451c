import express from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../../context.js';
import { newHexId } from '../../http/ids.js';
import { keystoneError } from '../errors.js';
import { renderDomain } from '../views.js';
import {
  adminOnly,
  collection,
  conflict,
  notFound,
  parseBody,
  queryEnabled,
  queryString,
  param,
  nameRequired,
} from './common.js';
import { deleteDomainContents } from './cascade.js';

const domainBody = z.object({
  domain: z.object({
    name: z.string().min(1).max(64).optional(),
    description: z.string().nullable().optional(),
    enabled: z.boolean().optional(),
  }),
});

/** `/v3/domains`: admin-only CRUD; a domain must be disabled before it can be deleted. */
export function domainsRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const { identity } = ctx;

  router.get('/domains', adminOnly(ctx, 'list_domains'), (req, res) => {
    const name = queryString(req, 'name');
    const enabled = queryEnabled(req);
    const domains = identity.domains.filter(
      (d) => (name === undefined || d.name === name) && (enabled === undefined || d.enabled === enabled),
    );
    res.json(
      collection(
        ctx,
        req,
        'domains',
        domains.map((d) => renderDomain(ctx, d)),
      ),
    );
  });

  router.post('/domains', adminOnly(ctx, 'create_domain'), (req, res) => {
    const body = parseBody(domainBody, req, res);
    if (!body) return;
    const { name, description, enabled } = body.domain;
    if (!name) return nameRequired(res);
    if (identity.domains.some((d) => d.name === name))
      return conflict(res, 'domain', `Duplicate entry found with name ${name}`);
    const domain = { id: newHexId(), name, description: description ?? '', enabled: enabled ?? true };
    identity.domains.push(domain);
    ctx.persist();
    res.status(201).json({ domain: renderDomain(ctx, domain) });
  });

  router.get('/domains/:id', adminOnly(ctx, 'get_domain'), (req, res) => {
    const domain = identity.findDomain({ id: param(req, 'id') });
    if (!domain) return notFound(res, 'domain', param(req, 'id'));
    res.json({ domain: renderDomain(ctx, domain) });
  });

  router.patch('/domains/:id', adminOnly(ctx, 'update_domain'), (req, res) => {
    const domain = identity.findDomain({ id: param(req, 'id') });
    if (!domain) return notFound(res, 'domain', param(req, 'id'));
    const body = parseBody(domainBody, req, res);
    if (!body) return;
    const { name, description, enabled } = body.domain;
    if (name !== undefined && name !== domain.name && identity.domains.some((d) => d.name === name))
      return conflict(res, 'domain', `Duplicate entry found with name ${name}`);
    if (domain.id === 'default' && enabled === false)
      return keystoneError(
        res,
        403,
        'You are not authorized to perform the requested action: the default domain cannot be disabled.',
      );
    if (name !== undefined) domain.name = name;
    if (description !== undefined) domain.description = description ?? '';
    if (enabled !== undefined) domain.enabled = enabled;
    ctx.persist();
    res.json({ domain: renderDomain(ctx, domain) });
  });

  router.delete('/domains/:id', adminOnly(ctx, 'delete_domain'), (req, res) => {
    const domain = identity.findDomain({ id: param(req, 'id') });
    if (!domain) return notFound(res, 'domain', param(req, 'id'));
    if (domain.enabled)
      return keystoneError(res, 403, 'Cannot delete a domain that is enabled, please disable it first.');
    deleteDomainContents(identity, domain.id);
    identity.domains.splice(identity.domains.indexOf(domain), 1);
    ctx.persist();
    res.status(204).end();
  });

  return router;
}
