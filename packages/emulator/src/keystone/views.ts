import type { Receipt } from './mfa.js';
import type { EmulatorContext } from '../context.js';
import { keystoneTime } from '../http/time.js';
import { buildCatalog } from './catalog.js';
import type { ApplicationCredential, Domain, Group, Project, Role, User } from './identity.js';
import type { IssuedToken } from './tokens.js';

/** The `token` body Keystone renders (keystone/common/render_token.py). */
export function renderToken(ctx: EmulatorContext, token: IssuedToken, withCatalog: boolean) {
  const user = ctx.identity.findUser(token.userId)!;
  const domainOf = (id: string) => {
    const domain = ctx.identity.findDomain({ id });
    return { id, name: domain?.name ?? id };
  };
  const body: Record<string, unknown> = {
    methods: token.methods,
    user: {
      domain: domainOf(user.domainId),
      id: user.id,
      name: user.name,
      password_expires_at: null,
      ...(token.federation
        ? {
            'OS-FEDERATION': {
              identity_provider: { id: token.federation.identityProvider },
              protocol: { id: token.federation.protocol },
              groups: token.federation.groups.map((id) => ({ id })),
            },
          }
        : {}),
    },
    audit_ids: token.auditIds,
    expires_at: keystoneTime(token.expiresAt),
    issued_at: keystoneTime(token.issuedAt),
  };
  const project = token.projectId ? ctx.identity.findProject(token.projectId) : undefined;
  if (project) {
    body.project = { domain: domainOf(project.domainId), id: project.id, name: project.name };
    body.is_domain = false;
    body.roles = ctx.identity.tokenRoles(token).map((r) => ({ id: r.id, name: r.name }));
    if (withCatalog) body.catalog = buildCatalog(ctx, project.id);
  } else if (withCatalog) {
    body.catalog = [];
  }
  const credential = token.applicationCredentialId
    ? ctx.identity.applicationCredentials.find((c) => c.id === token.applicationCredentialId)
    : undefined;
  if (credential)
    body.application_credential = { id: credential.id, name: credential.name, restricted: !credential.unrestricted };
  return { token: body };
}

export function renderProject(ctx: EmulatorContext, project: Project) {
  // Keystone's Project.to_dict: the extra attributes first, the columns over them.
  return {
    ...project.extra,
    id: project.id,
    name: project.name,
    domain_id: project.domainId,
    description: project.description,
    enabled: project.enabled,
    parent_id: project.domainId,
    is_domain: false,
    tags: project.tags ?? [],
    options: {},
    links: { self: `${ctx.identityUrl}/v3/projects/${project.id}` },
  };
}

export function renderDomain(ctx: EmulatorContext, domain: Domain) {
  return {
    id: domain.id,
    name: domain.name,
    description: domain.description,
    enabled: domain.enabled,
    tags: [],
    options: {},
    links: { self: `${ctx.identityUrl}/v3/domains/${domain.id}` },
  };
}

export function renderUser(ctx: EmulatorContext, user: User) {
  return {
    id: user.id,
    name: user.name,
    domain_id: user.domainId,
    enabled: user.enabled,
    password_expires_at: null,
    options: user.options ?? {},
    ...(user.defaultProjectId ? { default_project_id: user.defaultProjectId } : {}),
    ...(user.email !== undefined ? { email: user.email } : {}),
    ...(user.description !== undefined ? { description: user.description } : {}),
    links: { self: `${ctx.identityUrl}/v3/users/${user.id}` },
  };
}

export function renderGroup(ctx: EmulatorContext, group: Group) {
  return {
    id: group.id,
    name: group.name,
    domain_id: group.domainId,
    description: group.description,
    links: { self: `${ctx.identityUrl}/v3/groups/${group.id}` },
  };
}

export function renderRole(ctx: EmulatorContext, role: Role) {
  return {
    id: role.id,
    name: role.name,
    domain_id: null,
    description: role.description ?? null,
    options: {},
    links: { self: `${ctx.identityUrl}/v3/roles/${role.id}` },
  };
}

export function renderApplicationCredential(ctx: EmulatorContext, credential: ApplicationCredential) {
  return {
    id: credential.id,
    name: credential.name,
    description: credential.description,
    user_id: credential.userId,
    project_id: credential.projectId,
    system: null,
    expires_at: credential.expiresAt ? new Date(credential.expiresAt).toISOString().replace('Z', '') : null,
    unrestricted: credential.unrestricted,
    roles: credential.roleIds
      .map((id) => ctx.identity.findRole(id))
      .filter((role): role is Role => !!role)
      .map((role) => ({
        id: role.id,
        name: role.name,
        domain_id: null,
        description: role.description ?? null,
        options: {},
      })),
    links: { self: `${ctx.identityUrl}/v3/application_credentials/${credential.id}` },
  };
}

/** Keystone's 401 body beside `Openstack-Auth-Receipt` (keystone/receipt/handlers.py). */
export function renderReceipt(ctx: EmulatorContext, receipt: Receipt, rules: string[][]) {
  const user = ctx.identity.findUser(receipt.userId)!;
  const domain = ctx.identity.findDomain({ id: user.domainId });
  return {
    receipt: {
      methods: receipt.methods,
      user: { id: user.id, name: user.name, domain: { id: user.domainId, name: domain?.name ?? user.domainId } },
      expires_at: receipt.expiresAt.toISOString().replace(/Z$/, '000Z'),
      issued_at: receipt.issuedAt.toISOString().replace(/Z$/, '000Z'),
    },
    required_auth_methods: rules,
  };
}
