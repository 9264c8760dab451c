import type { EmulatorContext } from '../context.js';
import { keystoneTime } from '../http/time.js';
import { buildCatalog } from './catalog.js';
import type { Project } from './identity.js';
import type { IssuedToken } from './tokens.js';

/** The `token` body Keystone renders (keystone/common/render_token.py). */
export function renderToken(ctx: EmulatorContext, token: IssuedToken, withCatalog: boolean) {
  const user = ctx.identity.findUser(token.userId)!;
  const domain = ctx.identity.defaultDomain;
  const body: Record<string, unknown> = {
    methods: token.methods,
    user: { domain: { id: domain.id, name: domain.name }, id: user.id, name: user.name, password_expires_at: null },
    audit_ids: token.auditIds,
    expires_at: keystoneTime(token.expiresAt),
    issued_at: keystoneTime(token.issuedAt),
  };
  const project = token.projectId ? ctx.identity.findProject(token.projectId) : undefined;
  if (project) {
    body.project = { domain: { id: domain.id, name: domain.name }, id: project.id, name: project.name };
    body.is_domain = false;
    body.roles = ctx.identity.effectiveRoles(user.id, project.id).map((r) => ({ id: r.id, name: r.name }));
    if (withCatalog) body.catalog = buildCatalog(ctx, project.id);
  } else if (withCatalog) {
    body.catalog = [];
  }
  return { token: body };
}

export function renderProject(ctx: EmulatorContext, project: Project) {
  return {
    id: project.id,
    name: project.name,
    domain_id: project.domainId,
    description: project.description,
    enabled: project.enabled,
    parent_id: project.domainId,
    is_domain: false,
    tags: [],
    options: {},
    links: { self: `${ctx.identityUrl}/v3/projects/${project.id}` },
  };
}
