import type { Request, Response } from 'express';
import type { AuditLog } from '../audit/audit-log.js';
import { auditEntry } from '../audit/entry.js';
import { currentCloud, type CloudDirectory, type ConsoleCloud } from '../cloud/directory.js';
import { CLOUD_COOKIE, writeCookie } from './cookie.js';
import { newSecret, type LoginInput } from './login.js';
import { currentSession } from './middleware.js';
import type { SessionRecord } from './session.js';
import type { SessionStore } from './store.js';

type Who = Pick<SessionRecord, 'user' | 'project' | 'region'>;

/** Who a failed sign-in named, for the audit log (never the password or secret). */
export function attemptedBy(input: LoginInput, defaultDomain: string): Who {
  if ('totp' in input) {
    const { username, domain, project } = input.totp;
    return {
      user: { id: '', name: username ?? '', domain: domain ?? defaultDomain },
      project: { id: '', name: project ?? '' },
      region: null,
    };
  }
  if ('federatedToken' in input) {
    return { user: { id: '', name: '', domain: defaultDomain }, project: { id: '', name: '' }, region: null };
  }
  if ('applicationCredential' in input) {
    const credential = input.applicationCredential;
    const user = 'id' in credential ? '' : credential.user;
    const domain = 'id' in credential ? defaultDomain : (credential.domain ?? defaultDomain);
    return { user: { id: '', name: user, domain }, project: { id: '', name: '' }, region: null };
  }
  return {
    user: { id: '', name: input.username, domain: input.domain ?? defaultDomain },
    project: { id: '', name: input.project ?? '' },
    region: null,
  };
}

/** Audits a sign-in, failed ones too: they are what an attack looks like. */
export function auditSignIn(audit: AuditLog, res: Response, who: Who, status: number): Promise<void> {
  return audit.record(
    auditEntry(who, {
      action: 'session.login',
      target: { kind: 'session', id: null },
      status,
      requestId: String(res.locals.requestId),
    }),
  );
}

/**
 * Opens the session of a sign-in that succeeded, however it was made (password, passcode,
 * application credential, single sign-on): a new id every time, so a session id planted before
 * the sign-in is worthless after it; the cloud's session cookie; and, with several clouds, the
 * cloud new pages of this browser open on.
 */
export async function openSession(
  req: Request,
  res: Response,
  deps: { store: SessionStore; clouds: CloudDirectory; audit: AuditLog },
  cloud: ConsoleCloud,
  record: SessionRecord,
): Promise<void> {
  if (deps.clouds.several) record.cloud = cloud.name;
  const previous = currentSession(res);
  // The session the request came with is replaced (a sign-in to another cloud leaves that one be).
  if (previous && currentCloud(res).name === cloud.name) await deps.store.delete(previous.id);
  const id = newSecret();
  await deps.store.set(id, record, Date.parse(record.tokenExpiresAt));
  writeCookie(req, res, cloud.sessionCookie, id);
  if (deps.clouds.several) writeCookie(req, res, CLOUD_COOKIE, cloud.name);
  req.log?.info(
    { user: record.user.name, project: record.project.name, cloud: record.cloud, method: record.authMethod },
    'signed in',
  );
  await auditSignIn(deps.audit, res, record, 201);
}
