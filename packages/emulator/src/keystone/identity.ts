import { newHexId } from '../http/ids.js';

export interface Domain {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
}
export interface Role {
  id: string;
  name: string;
  description?: string | null;
}
export interface Project {
  id: string;
  name: string;
  domainId: string;
  description: string;
  enabled: boolean;
  tags?: string[];
  /** Attributes outside Keystone's schema (`openstack project create --property k=v`), kept as given. */
  extra?: Record<string, unknown>;
}
export interface User {
  id: string;
  name: string;
  domainId: string;
  password: string;
  enabled: boolean;
  defaultProjectId: string | null;
  email?: string;
  description?: string;
  /** Keystone's user options the emulator honours: multi-factor rules (`[["password", "totp"]]`). */
  options?: { multi_factor_auth_enabled?: boolean; multi_factor_auth_rules?: string[][] };
  /** Tokens issued up to this moment are revoked (password change, disabling), as Keystone's revocation events. */
  revokedAt?: Date;
}
export interface Group {
  id: string;
  name: string;
  domainId: string;
  description: string;
}
/** A role granted to a user or a group, on a project or a domain. */
export interface Assignment {
  roleId: string;
  userId?: string;
  groupId?: string;
  projectId?: string;
  domainId?: string;
}
export interface ApplicationCredential {
  id: string;
  name: string;
  description: string | null;
  userId: string;
  projectId: string;
  roleIds: string[];
  /** sha256 of the secret: Keystone keeps a hash too and never shows the secret again. */
  secretHash: string;
  /** As given at creation; Keystone renders `null` when the request left it out. */
  unrestricted: boolean | null;
  expiresAt: Date | null;
}

/** `/v3/credentials`: a `totp` credential's blob is the user's base32 TOTP secret. */
export interface Credential {
  id: string;
  userId: string;
  projectId: string | null;
  type: string;
  blob: string;
}

/** Passwords for the seeded users; each defaults to the user's name. */
export type SeedPasswords = Partial<Record<'admin' | 'demo' | 'alt_demo' | 'reader', string>>;

/** What `--state FILE` keeps of the identity data. */
export interface IdentityData {
  domains?: Domain[];
  roles: Role[];
  projects: Project[];
  users: User[];
  groups?: Group[];
  memberships?: Array<{ groupId: string; userId: string }>;
  assignments: Array<Assignment & { userId?: string; projectId?: string }>;
  implications?: Array<[prior: string, implied: string]>;
  applicationCredentials?: ApplicationCredential[];
  credentials?: Credential[];
}

const DEFAULT_DOMAIN: Domain = { id: 'default', name: 'Default', description: 'The default domain', enabled: true };

/**
 * Keystone's identity data: the Default domain, the admin ⇒ member ⇒ reader role chain that
 * `keystone-manage bootstrap` sets up, the four seed users the console and its tests use, and
 * whatever the identity admin API adds (domains, projects, users, groups, roles, grants,
 * application credentials).
 */
export class IdentityStore {
  readonly domains: Domain[] = [{ ...DEFAULT_DOMAIN }];
  readonly roles: Role[] = [];
  readonly projects: Project[] = [];
  readonly users: User[] = [];
  readonly groups: Group[] = [];
  readonly memberships: Array<{ groupId: string; userId: string }> = [];
  readonly assignments: Assignment[] = [];
  /** Implied roles: holding the prior role also grants the implied one. */
  readonly implications: Array<[prior: string, implied: string]> = [];
  readonly applicationCredentials: ApplicationCredential[] = [];
  readonly credentials: Credential[] = [];

  constructor(passwords: SeedPasswords = {}) {
    const [admin, member, reader] = ['admin', 'member', 'reader'].map((name) => this.addRole(name)) as [
      Role,
      Role,
      Role,
    ];
    this.implications.push([admin.id, member.id], [member.id, reader.id]);

    const seed: Array<[user: keyof SeedPasswords, project: string, roles: Role[], about: string]> = [
      ['admin', 'admin', [admin], 'Bootstrap project for initializing the cloud.'],
      ['demo', 'demo', [member, reader], 'Demo project (member role for user demo)'],
      ['alt_demo', 'alt_demo', [member], 'Second tenant, for isolation tests'],
    ];
    for (const [userName, projectName, roles, description] of seed) {
      const project = this.addProject({ name: projectName, description });
      const user = this.addUser({
        name: userName,
        password: passwords[userName] ?? userName,
        defaultProjectId: project.id,
      });
      for (const role of roles) this.assignments.push({ userId: user.id, projectId: project.id, roleId: role.id });
    }
    const demo = this.findProjectByName('demo', 'default')!;
    // A second project for demo, so that switching projects has somewhere to go.
    const staging = this.addProject({
      name: 'demo_staging',
      description: 'Second project of user demo, for project switching',
    });
    const demoUser = this.findUserByName('demo', 'default')!;
    for (const role of [member, reader])
      this.assignments.push({ userId: demoUser.id, projectId: staging.id, roleId: role.id });
    const readerUser = this.addUser({
      name: 'reader',
      password: passwords.reader ?? 'reader',
      defaultProjectId: demo.id,
    });
    this.assignments.push({ userId: readerUser.id, projectId: demo.id, roleId: reader.id });
  }

  addRole(name: string, description: string | null = null): Role {
    const role = { id: newHexId(), name, description };
    this.roles.push(role);
    return role;
  }

  addProject(input: Partial<Project> & { name: string }): Project {
    const project: Project = {
      id: newHexId(),
      domainId: DEFAULT_DOMAIN.id,
      description: '',
      enabled: true,
      tags: [],
      ...input,
    };
    this.projects.push(project);
    return project;
  }

  addUser(input: Partial<User> & { name: string; password: string }): User {
    const user: User = { id: newHexId(), domainId: DEFAULT_DOMAIN.id, enabled: true, defaultProjectId: null, ...input };
    this.users.push(user);
    return user;
  }

  /** Replaces the identity data with persisted data (`--state FILE`); older files lack the newer kinds. */
  restore(data: IdentityData): void {
    const replace = <T>(target: T[], source: T[] | undefined, fallback: T[] = []) =>
      target.splice(0, target.length, ...(source ?? fallback));
    replace(this.domains, data.domains, [{ ...DEFAULT_DOMAIN }]);
    replace(this.roles, data.roles);
    replace(this.projects, data.projects);
    replace(this.users, data.users);
    replace(this.groups, data.groups);
    replace(this.memberships, data.memberships);
    replace(this.assignments, data.assignments);
    replace(this.applicationCredentials, data.applicationCredentials);
    replace(this.credentials, data.credentials);
    const byName = (name: string) => this.roles.find((r) => r.name === name)?.id;
    const [admin, member, reader] = [byName('admin'), byName('member'), byName('reader')];
    const chain: Array<[string, string]> = [];
    if (admin && member) chain.push([admin, member]);
    if (member && reader) chain.push([member, reader]);
    replace(this.implications, data.implications, chain);
  }

  get defaultDomain(): Domain {
    return this.domains.find((d) => d.id === DEFAULT_DOMAIN.id) ?? DEFAULT_DOMAIN;
  }

  /** Looks a domain up by id or (case-sensitive, as Keystone) by name. */
  findDomain(ref: { id?: string | undefined; name?: string | undefined }): Domain | undefined {
    if (ref.id !== undefined) return this.domains.find((d) => d.id === ref.id);
    return this.domains.find((d) => d.name === ref.name);
  }

  findProjectByName(name: string, domainId: string): Project | undefined {
    return this.projects.find((p) => p.name === name && p.domainId === domainId);
  }

  findProject(id: string): Project | undefined {
    return this.projects.find((p) => p.id === id);
  }

  findUser(id: string): User | undefined {
    return this.users.find((u) => u.id === id);
  }

  findUserByName(name: string, domainId: string): User | undefined {
    return this.users.find((u) => u.name === name && u.domainId === domainId);
  }

  findRole(id: string): Role | undefined {
    return this.roles.find((r) => r.id === id);
  }

  findGroup(id: string): Group | undefined {
    return this.groups.find((g) => g.id === id);
  }

  groupsOf(userId: string): string[] {
    return this.memberships.filter((m) => m.userId === userId).map((m) => m.groupId);
  }

  /** The roles implied by `roleIds`, themselves included. */
  closure(roleIds: Iterable<string>): Set<string> {
    const ids = new Set<string>();
    const visit = (roleId: string): void => {
      if (ids.has(roleId)) return;
      ids.add(roleId);
      for (const [prior, implied] of this.implications) if (prior === roleId) visit(implied);
    };
    for (const id of roleIds) visit(id);
    return ids;
  }

  /** The user's effective roles on a project (direct and through groups, implied ones included). */
  effectiveRoles(userId: string, projectId: string): Role[] {
    const groups = new Set(this.groupsOf(userId));
    const granted = this.assignments
      .filter((a) => a.projectId === projectId && (a.userId === userId || (a.groupId && groups.has(a.groupId))))
      .map((a) => a.roleId);
    const ids = this.closure(granted);
    return this.roles.filter((role) => ids.has(role.id));
  }

  /**
   * A token's roles: the user's effective roles on its project, or, for an application credential's
   * token, the credential's roles (and what they imply) among those the user still holds.
   */
  tokenRoles(token: { userId: string; projectId: string | undefined; applicationCredentialId?: string }): Role[] {
    if (!token.projectId) return [];
    const held = this.effectiveRoles(token.userId, token.projectId);
    if (!token.applicationCredentialId) return held;
    const credential = this.applicationCredentials.find((c) => c.id === token.applicationCredentialId);
    const delegated = this.closure(credential?.roleIds ?? []);
    return held.filter((role) => delegated.has(role.id));
  }

  /** The names of a token's effective roles on its project; none for an unscoped token. */
  roleNames(token: { userId: string; projectId: string | undefined; applicationCredentialId?: string }): string[] {
    return this.tokenRoles(token).map((r) => r.name);
  }

  /** The legacy admin rule every service here applies: the admin role on the token's project. */
  isAdmin(token: { userId: string; projectId: string | undefined; applicationCredentialId?: string }): boolean {
    return this.roleNames(token).includes('admin');
  }

  /** Projects on which the user holds any role, enabled ones only (`GET /v3/auth/projects`). */
  projectsOf(userId: string): Project[] {
    return this.projects.filter((p) => p.enabled && this.effectiveRoles(userId, p.id).length > 0);
  }

  /**
   * Whether a token still stands: Keystone revokes tokens when their user, project or application
   * credential goes away or is disabled, when the user's password changes, and when the user loses
   * every role on the token's project.
   */
  tokenStands(token: {
    userId: string;
    projectId: string | undefined;
    applicationCredentialId?: string;
    issuedAt: Date;
  }): boolean {
    const user = this.findUser(token.userId);
    if (!user || !user.enabled) return false;
    if (user.revokedAt && token.issuedAt.getTime() <= new Date(user.revokedAt).getTime()) return false;
    const domain = this.findDomain({ id: user.domainId });
    if (domain && !domain.enabled) return false;
    if (token.applicationCredentialId) {
      const credential = this.applicationCredentials.find((c) => c.id === token.applicationCredentialId);
      if (!credential) return false;
    }
    if (!token.projectId) return true;
    const project = this.findProject(token.projectId);
    return !!project && project.enabled && this.effectiveRoles(user.id, project.id).length > 0;
  }
}
