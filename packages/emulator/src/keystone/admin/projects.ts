import express from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../../context.js';
import type { Project } from '../identity.js';
import { keystoneError } from '../errors.js';
import { renderProject } from '../views.js';
import { deleteProject } from './cascade.js';
import {
  adminOnly,
  callerToken,
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

const TAG = z
  .string()
  .min(1)
  .max(255)
  .refine((tag) => !tag.includes('/') && !tag.includes(','), 'tags may not contain "/" or ","');
const projectFields = z.object({
  name: z.string().min(1).max(64).optional(),
  domain_id: z.string().optional(),
  parent_id: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  enabled: z.boolean().optional(),
  is_domain: z.literal(false).optional(),
  tags: z.array(TAG).max(80).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});
// Keystone's project schema has `additionalProperties: true`: other keys are stored as extras.
const projectBody = z.object({ project: projectFields.passthrough() });

/** The body's keys outside the schema, as Keystone keeps them in the project's `extra` column. */
function extras(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([key]) => !(key in projectFields.shape)));
}

/** Keystone's query_filter_is_true: present and not `0` (a bare `?parents_as_list` counts). */
function flagIsTrue(req: express.Request, name: string): boolean {
  return name in req.query && req.query[name] !== '0';
}

/**
 * `openstack project show --parents --children` (`?parents_as_ids&subtree_as_ids`; older clients
 * ask `_as_list`). Projects here all sit directly under their domain. As ids, Keystone walks the
 * parent chain up to the project that acts as the domain (`{domain_id: null}`) and answers a leaf's
 * subtree with null. As lists, it keeps only projects the caller has a role on, and a domain is not
 * one, so both lists are empty. Asking for both forms of one is a 400.
 */
function projectHierarchy(
  req: express.Request,
  project: Project,
): { hierarchy: Record<string, unknown> } | { error: string } {
  const hierarchy: Record<string, unknown> = {};
  for (const [key, ids, list] of [
    ['parents', { [project.domainId]: null }, []],
    ['subtree', null, []],
  ] as const) {
    const [asIds, asList] = [flagIsTrue(req, `${key}_as_ids`), flagIsTrue(req, `${key}_as_list`)];
    if (asIds && asList) return { error: `Cannot use ${key}_as_list and ${key}_as_ids query params at the same time.` };
    if (asIds) hierarchy[key] = ids;
    if (asList) hierarchy[key] = list;
  }
  return { hierarchy };
}

function nameTaken(ctx: EmulatorContext, name: string, domainId: string, except?: Project): boolean {
  return ctx.identity.projects.some((p) => p !== except && p.name === name && p.domainId === domainId);
}

function duplicate(res: express.Response, name: string): void {
  conflict(res, 'project', `it is not permitted to have two projects with the same name in the same domain : ${name}`);
}

/** `/v3/projects`: admin CRUD with tags; a member reads only the project of its token. */
export function projectsRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const { identity } = ctx;

  router.get('/projects', adminOnly(ctx, 'list_projects'), (req, res) => {
    const name = queryString(req, 'name');
    const domainId = queryString(req, 'domain_id');
    const enabled = queryEnabled(req);
    const tags = queryString(req, 'tags')?.split(',');
    const tagsAny = queryString(req, 'tags-any')?.split(',');
    const projects = identity.projects.filter(
      (p) =>
        (name === undefined || p.name === name) &&
        (domainId === undefined || p.domainId === domainId) &&
        (enabled === undefined || p.enabled === enabled) &&
        (!tags || tags.every((t) => p.tags?.includes(t))) &&
        (!tagsAny || tagsAny.some((t) => p.tags?.includes(t))),
    );
    res.json(
      collection(
        ctx,
        req,
        'projects',
        projects.map((p) => renderProject(ctx, p)),
      ),
    );
  });

  router.post('/projects', adminOnly(ctx, 'create_project'), (req, res) => {
    const body = parseBody(projectBody, req, res);
    if (!body) return;
    const input = body.project;
    if (!input.name) return nameRequired(res);
    const domainId = domainForCreate(ctx, res, input.domain_id);
    if (!domainId) return;
    if (nameTaken(ctx, input.name, domainId)) return duplicate(res, input.name);
    const project = identity.addProject({
      name: input.name,
      domainId,
      description: input.description ?? '',
      enabled: input.enabled ?? true,
      tags: input.tags ?? [],
      extra: extras(input),
    });
    ctx.persist();
    res.status(201).json({ project: renderProject(ctx, project) });
  });

  router.get('/projects/:id', (req, res) => {
    const token = callerToken(res);
    const project = identity.findProject(param(req, 'id'));
    const isAdmin = identity.isAdmin(token);
    if (!project) return notFound(res, 'project', param(req, 'id'));
    if (!isAdmin && token.projectId !== project.id)
      return keystoneError(res, 403, 'You are not authorized to perform the requested action: identity:get_project.');
    const expanded = projectHierarchy(req, project);
    if ('error' in expanded) return keystoneError(res, 400, expanded.error);
    res.json({ project: { ...renderProject(ctx, project), ...expanded.hierarchy } });
  });

  router.patch('/projects/:id', adminOnly(ctx, 'update_project'), (req, res) => {
    const project = identity.findProject(param(req, 'id'));
    if (!project) return notFound(res, 'project', param(req, 'id'));
    const body = parseBody(projectBody, req, res);
    if (!body) return;
    const input = body.project;
    if (input.domain_id !== undefined && input.domain_id !== project.domainId)
      return keystoneError(res, 400, 'Update of `domain_id` is not allowed.');
    if (input.name !== undefined && nameTaken(ctx, input.name, project.domainId, project))
      return duplicate(res, input.name);
    if (input.name !== undefined) project.name = input.name;
    if (input.description !== undefined) project.description = input.description ?? '';
    if (input.enabled !== undefined) project.enabled = input.enabled;
    if (input.tags !== undefined) project.tags = input.tags;
    project.extra = { ...project.extra, ...extras(input) };
    ctx.persist();
    res.json({ project: renderProject(ctx, project) });
  });

  router.delete('/projects/:id', adminOnly(ctx, 'delete_project'), (req, res) => {
    if (!identity.findProject(param(req, 'id'))) return notFound(res, 'project', param(req, 'id'));
    deleteProject(identity, param(req, 'id'));
    ctx.persist();
    res.status(204).end();
  });

  router.get('/projects/:id/tags', adminOnly(ctx, 'list_project_tags'), (req, res) => {
    const project = identity.findProject(param(req, 'id'));
    if (!project) return notFound(res, 'project', param(req, 'id'));
    res.json({ tags: project.tags ?? [] });
  });

  router.put('/projects/:id/tags', adminOnly(ctx, 'update_project_tags'), (req, res) => {
    const project = identity.findProject(param(req, 'id'));
    if (!project) return notFound(res, 'project', param(req, 'id'));
    const body = parseBody(z.object({ tags: z.array(TAG).max(80) }), req, res);
    if (!body) return;
    project.tags = [...new Set(body.tags)];
    ctx.persist();
    res.json({ tags: project.tags });
  });

  router.get('/projects/:id/tags/:tag', adminOnly(ctx, 'get_project_tag'), (req, res) => {
    const project = identity.findProject(param(req, 'id'));
    if (!project) return notFound(res, 'project', param(req, 'id'));
    if (!project.tags?.includes(param(req, 'tag'))) return notFound(res, 'project tag', param(req, 'tag'));
    res.status(204).end();
  });

  router.put('/projects/:id/tags/:tag', adminOnly(ctx, 'create_project_tag'), (req, res) => {
    const project = identity.findProject(param(req, 'id'));
    if (!project) return notFound(res, 'project', param(req, 'id'));
    if (!TAG.safeParse(param(req, 'tag')).success)
      return keystoneError(res, 400, `Invalid input for field 'tag': ${param(req, 'tag')}`);
    project.tags = [...new Set([...(project.tags ?? []), param(req, 'tag')])];
    ctx.persist();
    res
      .status(201)
      .location(`${ctx.identityUrl}/v3/projects/${project.id}/tags/${param(req, 'tag')}`)
      .end();
  });

  router.delete('/projects/:id/tags/:tag', adminOnly(ctx, 'delete_project_tag'), (req, res) => {
    const project = identity.findProject(param(req, 'id'));
    if (!project) return notFound(res, 'project', param(req, 'id'));
    if (!project.tags?.includes(param(req, 'tag'))) return notFound(res, 'project tag', param(req, 'tag'));
    project.tags = project.tags.filter((t) => t !== param(req, 'tag'));
    ctx.persist();
    res.status(204).end();
  });

  return router;
}
