import type { SessionRecord } from '../session/session.js';
import type { AuditEntry } from './audit-log.js';

/** An audit entry for something a signed-in user did. */
export function auditEntry(
  session: Pick<SessionRecord, 'user' | 'project' | 'region'>,
  what: {
    action: string;
    target: AuditEntry['target'];
    status: number;
    requestId: string;
    ownerId?: string | undefined;
  },
): AuditEntry {
  return {
    time: new Date().toISOString(),
    user: { id: session.user.id, name: session.user.name },
    project: session.project,
    ...(what.ownerId ? { owner: { id: what.ownerId } } : {}),
    region: session.region,
    action: what.action,
    target: what.target,
    result: what.status < 400 ? 'success' : 'failure',
    status: what.status,
    requestId: what.requestId,
  };
}
