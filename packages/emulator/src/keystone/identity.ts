import { newHexId } from '../http/ids.js';

export interface Domain {
  id: string;
  name: string;
}
export interface Role {
  id: string;
  name: string;
}
export interface Project {
  id: string;
  name: string;
  domainId: string;
  description: string;
  enabled: boolean;
}
export interface User {
  id: string;
  name: string;
  domainId: string;
  password: string;
  enabled: boolean;
  defaultProjectId: string | null;
}
/** A role granted to a user on a project. */
export interface Assignment {
  userId: string;
  projectId: string;
  roleId: string;
}

/** Passwords for the seeded users; each defaults to the user's name. */
export type SeedPasswords = Partial<Record<'admin' | 'demo' | 'alt_demo' | 'reader', string>>;

/**
 * Keystone's identity data: the Default domain, the admin ⇒ member ⇒ reader role chain that
 * `keystone-manage bootstrap` sets up, and the four seed users the console and its tests use.
 */
export class IdentityStore {
  readonly defaultDomain: Domain = { id: 'default', name: 'Default' };
  readonly roles: Role[] = [];
  readonly projects: Project[] = [];
  readonly users: User[] = [];
  readonly assignments: Assignment[] = [];
  /** Implied roles: holding the key role also grants the listed ones. */
  private readonly implies = new Map<string, string[]>();

  constructor(passwords: SeedPasswords = {}) {
    const [admin, member, reader] = ['admin', 'member', 'reader'].map((name) => ({
      id: newHexId(),
      name,
    })) as [Role, Role, Role];
    this.roles.push(admin, member, reader);
    this.implies.set(admin.id, [member.id]);
    this.implies.set(member.id, [reader.id]);

    const seed: Array<[user: keyof SeedPasswords, project: string, roles: Role[], about: string]> = [
      ['admin', 'admin', [admin], 'Bootstrap project for initializing the cloud.'],
      ['demo', 'demo', [member, reader], 'Demo project (member role for user demo)'],
      ['alt_demo', 'alt_demo', [member], 'Second tenant, for isolation tests'],
    ];
    for (const [userName, projectName, roles, description] of seed) {
      const project = this.addProject(projectName, description);
      const user = this.addUser(userName, passwords[userName] ?? userName, project.id);
      for (const role of roles) this.assignments.push({ userId: user.id, projectId: project.id, roleId: role.id });
    }
    const demo = this.findProjectByName('demo', 'default')!;
    // A second project for demo, so that switching projects has somewhere to go.
    const staging = this.addProject('demo_staging', 'Second project of user demo, for project switching');
    const demoUser = this.findUserByName('demo', 'default')!;
    for (const role of [member, reader])
      this.assignments.push({ userId: demoUser.id, projectId: staging.id, roleId: role.id });
    const readerUser = this.addUser('reader', passwords.reader ?? 'reader', demo.id);
    this.assignments.push({ userId: readerUser.id, projectId: demo.id, roleId: reader.id });
  }

  private addProject(name: string, description: string): Project {
    const project = { id: newHexId(), name, domainId: this.defaultDomain.id, description, enabled: true };
    this.projects.push(project);
    return project;
  }

  private addUser(name: string, password: string, defaultProjectId: string): User {
    const user = { id: newHexId(), name, domainId: this.defaultDomain.id, password, enabled: true, defaultProjectId };
    this.users.push(user);
    return user;
  }

  /** Replaces the identity data with persisted data (`--state FILE`). */
  restore(data: Pick<IdentityStore, 'roles' | 'projects' | 'users' | 'assignments'>): void {
    this.roles.splice(0, this.roles.length, ...data.roles);
    this.projects.splice(0, this.projects.length, ...data.projects);
    this.users.splice(0, this.users.length, ...data.users);
    this.assignments.splice(0, this.assignments.length, ...data.assignments);
    const byName = (name: string) => this.roles.find((r) => r.name === name)?.id;
    this.implies.clear();
    const [admin, member, reader] = [byName('admin'), byName('member'), byName('reader')];
    if (admin && member) this.implies.set(admin, [member]);
    if (member && reader) this.implies.set(member, [reader]);
  }

  /** Looks a domain up by id or (case-sensitive, as Keystone) by name. */
  findDomain(ref: { id?: string | undefined; name?: string | undefined }): Domain | undefined {
    const domain = this.defaultDomain;
    if (ref.id !== undefined) return ref.id === domain.id ? domain : undefined;
    return ref.name === domain.name ? domain : undefined;
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

  /** The user's effective roles on a project, implied ones included (empty: no access). */
  effectiveRoles(userId: string, projectId: string): Role[] {
    const granted = this.assignments
      .filter((a) => a.userId === userId && a.projectId === projectId)
      .map((a) => a.roleId);
    const ids = new Set<string>();
    const visit = (roleId: string): void => {
      if (ids.has(roleId)) return;
      ids.add(roleId);
      for (const implied of this.implies.get(roleId) ?? []) visit(implied);
    };
    granted.forEach(visit);
    return this.roles.filter((role) => ids.has(role.id));
  }

  /** The names of a token's effective roles on its project; none for an unscoped token. */
  roleNames(token: { userId: string; projectId: string | undefined }): string[] {
    return token.projectId ? this.effectiveRoles(token.userId, token.projectId).map((r) => r.name) : [];
  }

  /** The legacy admin rule every service here applies: the admin role on the token's project. */
  isAdmin(token: { userId: string; projectId: string | undefined }): boolean {
    return this.roleNames(token).includes('admin');
  }

  /** Projects on which the user holds any role, enabled ones only (`GET /v3/auth/projects`). */
  projectsOf(userId: string): Project[] {
    const ids = new Set(this.assignments.filter((a) => a.userId === userId).map((a) => a.projectId));
    return this.projects.filter((p) => ids.has(p.id) && p.enabled);
  }
}
