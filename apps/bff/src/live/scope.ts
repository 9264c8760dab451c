import type { SessionRecord } from '../session/session.js';

/**
 * What one set of tabs sees: the same Cinder endpoint (so the same project and region) with the
 * same roles. Tabs in one scope share one poller; different roles may see different fields.
 */
export function scopeOf(session: SessionRecord, allProjects = false): string {
  // One scope per cloud endpoint for all admins: their URLs differ only by their own project.
  if (allProjects) return `all ${withoutProject(session.volumeApi.url, session.project.id)}`;
  return `${session.volumeApi.url} ${[...session.roles].sort().join(',')}`;
}

/** Who may open an all-projects stream: the same rule as Cinder's `all_tenants`. */
export function isAdmin(session: SessionRecord): boolean {
  return session.roles.includes('admin');
}

function withoutProject(url: string, projectId: string): string {
  const trimmed = url.replace(/\/+$/, '');
  return trimmed.endsWith(`/${projectId}`) ? trimmed.slice(0, -projectId.length - 1) : trimmed;
}
