import express from 'express';
import type { Redis } from 'ioredis';
import { loginSchemaFor, switchProjectSchema, switchRegionSchema } from '@cinder-console/cinder';
import { currentCloud, type CloudDirectory } from '../cloud/directory.js';
import type { Config } from '../config.js';
import { HttpError, validationError } from '../errors.js';
import { clearCookie } from './cookie.js';
import { loginLimits } from './login-limits.js';
import { createSessionRecord, locateServices, scopeFromToken, type LoginInput } from './login.js';
import { attemptedBy, auditSignIn, openSession } from './open-session.js';
import { MfaChallenges } from './mfa-challenges.js';
import { ReceiptRequired } from '../keystone/client.js';
import { currentSession, requireSession } from './middleware.js';
import { toSessionView, type SessionRecord } from './session.js';
import type { SessionStore } from './store.js';
import type { AuditLog } from '../audit/audit-log.js';
import { auditEntry } from '../audit/entry.js';

/** `/api/session`: sign in, see the session, sign out. */
export function sessionRouter(deps: {
  config: Config;
  store: SessionStore;
  clouds: CloudDirectory;
  audit: AuditLog;
  /** Where replicas count failed sign-ins together (with REDIS_URL). */
  loginRedis?: Redis | undefined;
}): express.Router {
  const { config, store, clouds, audit, loginRedis } = deps;
  const audited = (
    session: Pick<SessionRecord, 'user' | 'project' | 'region'>,
    action: string,
    status: number,
    res: express.Response,
  ) =>
    audit.record(
      auditEntry(session, {
        action,
        target: { kind: 'session', id: null },
        status,
        requestId: String(res.locals.requestId),
      }),
    );
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  const challenges = new MfaChallenges();
  const router = express.Router();
  const revokeQuietly = (req: express.Request, res: express.Response, token: string) =>
    currentCloud(res)
      .keystone.revoke(token)
      .catch((err: unknown) => req.log?.warn({ err }, 'token revocation failed'));

  router.post('/', express.json({ limit: '16kb' }), ...loginLimits(config, loginRedis), async (req, res) => {
    const parsed = loginSchemaFor(req.body).safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const body = parsed.data;
    const cloud = currentCloud(res);
    const found = 'mfa' in body ? challenges.find(body.mfa.ticket) : undefined;
    // A ticket is its cloud's: the passcode step goes to the Keystone that issued the receipt.
    const challenge = found && found.cloud === cloud.name ? found : undefined;
    if ('mfa' in body && !challenge) {
      throw new HttpError(
        401,
        'mfaExpired',
        'The sign-in took too long or had too many wrong passcodes. Sign in again.',
      );
    }
    const input: LoginInput = 'mfa' in body ? { totp: { ...challenge!, passcode: body.mfa.passcode } } : body;
    let record: SessionRecord;
    try {
      record = await createSessionRecord(cloud.keystone, cloud.config, input);
    } catch (error) {
      if (error instanceof ReceiptRequired && 'username' in input) {
        // The password was right; the user's rule wants a passcode too. The receipt stays here.
        const asked = { username: input.username, domain: input.domain, project: input.project, cloud: cloud.name };
        const opened = challenges.open(error, asked);
        if (!opened)
          throw new HttpError(
            503,
            'signInBusy',
            'Too many sign-ins are waiting for a passcode. Try again in a minute.',
          );
        res.status(202).json({
          mfaRequired: {
            ticket: opened.ticket,
            methods: ['totp'],
            expiresAt: new Date(opened.expiresAt).toISOString(),
          },
        });
        return;
      }
      const status = (error as { status?: number }).status ?? 500;
      if ('mfa' in body && status === 401) challenges.failed(body.mfa.ticket);
      await auditSignIn(audit, res, attemptedBy(input, cloud.config.OS_USER_DOMAIN_NAME), status);
      throw error;
    }
    if ('mfa' in body) challenges.close(body.mfa.ticket);
    await openSession(req, res, { store, clouds, audit }, cloud, record);
    res.status(201).json(toSessionView(record, idleMs, cloud.label));
  });

  router.get('/', requireSession, (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(toSessionView(currentSession(res)!.record, idleMs, currentCloud(res).label));
  });

  /** Saves a changed session and answers with its view. */
  const saveAndShow = async (res: express.Response, id: string, record: SessionRecord) => {
    await store.set(id, record, Date.parse(record.tokenExpiresAt));
    res.json(toSessionView(record, idleMs, currentCloud(res).label));
  };

  // Re-scoping uses Keystone's token method, so the password is never needed again.
  router.put('/project', requireSession, express.json({ limit: '4kb' }), async (req, res) => {
    const parsed = switchProjectSchema.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const { id, record } = currentSession(res)!;
    if (record.authMethod === 'application_credential') {
      throw new HttpError(403, 'scopeFixed', "An application credential's session stays in the credential's project.");
    }
    if (!record.projects.some((p) => p.id === parsed.data.projectId)) {
      throw new HttpError(403, 'projectNotAllowed', 'You have no role on that project.');
    }
    const cloud = currentCloud(res);
    const token = await cloud.keystone.rescope(record.token, parsed.data.projectId);
    const scope = await scopeFromToken(cloud.keystone, cloud.config, token, record.region ?? undefined);
    req.log?.info({ user: record.user.name, project: scope.project.name }, 'switched project');
    await audited({ ...record, ...scope }, 'session.switch_project', 200, res);
    await store.set(id, { ...record, ...scope }, Date.parse(scope.tokenExpiresAt));
    // The replaced token would stay valid in Keystone until it expires: revoked, as at sign-out.
    // (Live pollers read the session afresh each tick, so none goes on using it.)
    await revokeQuietly(req, res, record.token);
    res.json(toSessionView({ ...record, ...scope }, idleMs, cloud.label));
  });

  router.put('/region', requireSession, express.json({ limit: '4kb' }), async (req, res) => {
    const parsed = switchRegionSchema.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const { id, record } = currentSession(res)!;
    if (!record.regions.includes(parsed.data.region)) {
      throw new HttpError(400, 'unknownRegion', `The catalog has no region ${parsed.data.region}.`);
    }
    // The token is the project's and serves every region: nothing is replaced, so nothing to revoke.
    const services = await locateServices(record.catalog, record.token, currentCloud(res).config, parsed.data.region);
    await audited({ ...record, ...services }, 'session.switch_region', 200, res);
    await saveAndShow(res, id, { ...record, ...services });
  });

  router.delete('/', requireSession, async (req, res) => {
    const { id, record } = currentSession(res)!;
    await store.delete(id);
    await audited(record, 'session.logout', 204, res);
    clearCookie(req, res, currentCloud(res).sessionCookie);
    // Revoking is best effort: the user is signed out here whatever Keystone says.
    await revokeQuietly(req, res, record.token);
    res.status(204).end();
  });

  return router;
}
