import type { IdentityStore } from '../identity.js';

/** Removes every element matching `drop` from `list` in place. */
function removeWhere<T>(list: T[], drop: (item: T) => boolean): void {
  for (let index = list.length - 1; index >= 0; index -= 1) if (drop(list[index]!)) list.splice(index, 1);
}

/** What Keystone deletes with a project: its grants and the application credentials made on it. */
export function deleteProject(identity: IdentityStore, projectId: string): void {
  removeWhere(identity.projects, (p) => p.id === projectId);
  removeWhere(identity.assignments, (a) => a.projectId === projectId);
  removeWhere(identity.applicationCredentials, (c) => c.projectId === projectId);
}

/** What Keystone deletes with a user: grants, group memberships, application credentials. */
export function deleteUser(identity: IdentityStore, userId: string): void {
  removeWhere(identity.users, (u) => u.id === userId);
  removeWhere(identity.assignments, (a) => a.userId === userId);
  removeWhere(identity.memberships, (m) => m.userId === userId);
  removeWhere(identity.applicationCredentials, (c) => c.userId === userId);
  removeWhere(identity.credentials, (c) => c.userId === userId);
}

export function deleteGroup(identity: IdentityStore, groupId: string): void {
  removeWhere(identity.groups, (g) => g.id === groupId);
  removeWhere(identity.assignments, (a) => a.groupId === groupId);
  removeWhere(identity.memberships, (m) => m.groupId === groupId);
}

export function deleteRole(identity: IdentityStore, roleId: string): void {
  removeWhere(identity.roles, (r) => r.id === roleId);
  removeWhere(identity.assignments, (a) => a.roleId === roleId);
  removeWhere(identity.implications, ([prior, implied]) => prior === roleId || implied === roleId);
  for (const credential of identity.applicationCredentials)
    credential.roleIds = credential.roleIds.filter((id) => id !== roleId);
}

/** A deleted domain takes its projects, users and groups with it. */
export function deleteDomainContents(identity: IdentityStore, domainId: string): void {
  for (const project of identity.projects.filter((p) => p.domainId === domainId)) deleteProject(identity, project.id);
  for (const user of identity.users.filter((u) => u.domainId === domainId)) deleteUser(identity, user.id);
  for (const group of identity.groups.filter((g) => g.domainId === domainId)) deleteGroup(identity, group.id);
  removeWhere(identity.assignments, (a) => a.domainId === domainId);
}
