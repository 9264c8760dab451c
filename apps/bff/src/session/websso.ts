import express, { type Request, type Response } from 'express';
import type { AuditLog } from '../audit/audit-log.js';
import { auditEntry } from '../audit/entry.js';
import { currentCloud, type CloudDirectory } from '../cloud/directory.js';
import type { WebssoChoice } from '../cloud/websso-choices.js';
import { CLOUD_COOKIE, clearCookie, cookieName, readCookie, writeCookie } from './cookie.js';
import { createSessionRecord, newSecret } from './login.js';
import type { SessionStore } from './store.js';

/** The cookie that ties Keystone's answer to the browser that started the sign-on. */
const FLOW_COOKIE = 'cc_sso';
/** Time to sign in at the identity provider; then the flow starts over. */
const FLOW_MS = 10 * 60_000;
/** Keystone's post and the browser's next request follow each other at once. */
const TICKET_MS = 60_000;
/** Flows and tickets kept at most: an unauthenticated endpoint must not grow memory without bound. */
const MAX_PENDING = 10_000;

/** Why a sign-on did not end in a session, as the sign-in page's `?sso=` tells the user. */
type Failure = 'expired' | 'refused' | 'noProject' | 'busy';

interface Flow {
  cloud: string;
  next: string;
  expiresAt: number;
}

/** Expiring entries by random key, in this process (like MFA tickets: see docs/bff-configuration.md). */
class Pending<T extends { expiresAt: number }> {
  private readonly entries = new Map<string, T>();

  add(entry: T): string | undefined {
    const now = Date.now();
    for (const [key, value] of this.entries) if (value.expiresAt <= now) this.entries.delete(key);
    if (this.entries.size >= MAX_PENDING) return undefined;
    const key = newSecret();
    this.entries.set(key, entry);
    return key;
  }

  /** The entry, once: it is gone after this. */
  take(key: string | undefined): T | undefined {
    if (!key) return undefined;
    const entry = this.entries.get(key);
    this.entries.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry : undefined;
  }
}

/** A path of this console to land on: never another site (`//host`, `/\host`). */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s\\]*$/.test(value) && value.length <= 2048 ? value : '/';
}

/** Where Keystone sends the browser to sign in at the identity provider of `choice`. */
function keystoneWebsso(keystoneBase: string, choice: WebssoChoice, origin: string): string {
  const where = choice.identityProvider
    ? `identity_providers/${encodeURIComponent(choice.identityProvider)}/protocols/${encodeURIComponent(choice.protocol)}/websso`
    : `websso/${encodeURIComponent(choice.protocol)}`;
  return `${keystoneBase}/auth/OS-FEDERATION/${where}?origin=${encodeURIComponent(origin)}`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The session cookie is SameSite=Strict, and this response ends a navigation that began on the
 * identity provider's site, so a redirect would load the console without it. A page of the console
 * that moves on by itself starts a navigation of this site, which carries it.
 */
function continuePage(req: Request, to: string): string {
  const chinese = String(req.acceptsLanguages('en', 'zh-CN', 'zh')).startsWith('zh');
  const [title, link] = chinese ? ['已登录', '继续'] : ['Signed in', 'Continue'];
  const href = escapeHtml(to);
  return `<!DOCTYPE html><html lang="${chinese ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${href}"><title>${title}</title></head><body><p><a href="${href}">${link}</a></p></body></html>`;
}

/**
 * `/api/session/websso`: single sign-on through Keystone's WebSSO. The sign-in page links to
 * `start`, which sends the browser to Keystone (and on to the identity provider); Keystone's page
 * posts an unscoped token back here; `finish` exchanges it for a project-scoped session. The
 * token passes the browser only inside Keystone's own form, never through the console's JavaScript.
 */
export function webssoRouter(deps: { clouds: CloudDirectory; store: SessionStore; audit: AuditLog }) {
  const { clouds, store, audit } = deps;
  const flows = new Pending<Flow>();
  const tickets = new Pending<{ token: string; expiresAt: number }>();
  const router = express.Router();
  const toLogin = (res: Response, failure: Failure) => res.redirect(303, `/login?sso=${failure}`);

  /** The choices of the request's cloud: public, as the sign-in page shows them to anyone. */
  router.get('/', (_req, res) => {
    res.json({ choices: currentCloud(res).websso.map(({ id, label }) => ({ id, label })) });
  });

  router.get('/start', (req, res) => {
    const cloud = currentCloud(res);
    const choice = cloud.websso.find((c) => c.id === req.query.choice);
    if (!choice) return toLogin(res, 'refused');
    const state = flows.add({ cloud: cloud.name, next: safeNext(req.query.next), expiresAt: Date.now() + FLOW_MS });
    if (!state) return toLogin(res, 'busy');
    // Lax, not Strict: it must come back on the top-level navigation that Keystone's post starts.
    res.cookie(cookieName(req, FLOW_COOKIE), state, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      maxAge: FLOW_MS,
    });
    const origin = `${req.protocol}://${req.get('host')}/api/session/websso`;
    res.redirect(303, keystoneWebsso(cloud.keystoneBase, choice, origin));
  });

  // Keystone's page posts here from its own site: no cookie of ours comes with it, so the token is
  // only parked, and the browser's next request (which brings the flow cookie) may claim it.
  router.post('/', express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 4 }), (req, res) => {
    const token = (req.body as Record<string, unknown> | undefined)?.token;
    if (typeof token !== 'string' || !/^[A-Za-z0-9_=-]{16,1024}$/.test(token)) return toLogin(res, 'refused');
    const ticket = tickets.add({ token, expiresAt: Date.now() + TICKET_MS });
    if (!ticket) return toLogin(res, 'busy');
    res.redirect(303, `/api/session/websso/finish?ticket=${ticket}`);
  });

  router.get('/finish', async (req, res) => {
    const flow = flows.take(readCookie(req, FLOW_COOKIE));
    const parked = tickets.take(typeof req.query.ticket === 'string' ? req.query.ticket : undefined);
    clearCookie(req, res, FLOW_COOKIE);
    // A token without this browser's flow could be someone else's, planted to sign this browser in as them.
    const cloud = flow && clouds.find(flow.cloud);
    if (!flow || !parked || !cloud) return toLogin(res, 'expired');
    let record;
    try {
      record = await createSessionRecord(cloud.keystone, cloud.config, { federatedToken: parked.token });
    } catch (error) {
      const status = (error as { status?: number }).status ?? 500;
      const anonymous = { user: { id: '', name: '', domain: '' }, project: { id: '', name: '' }, region: null };
      await audit.record(
        auditEntry(anonymous, {
          action: 'session.login',
          target: { kind: 'session', id: null },
          status,
          requestId: String(res.locals.requestId),
        }),
      );
      return toLogin(res, (error as { code?: string }).code === 'noProject' ? 'noProject' : 'refused');
    }
    if (clouds.several) record.cloud = cloud.name;
    const id = newSecret();
    await store.set(id, record, Date.parse(record.tokenExpiresAt));
    writeCookie(req, res, cloud.sessionCookie, id);
    if (clouds.several) writeCookie(req, res, CLOUD_COOKIE, cloud.name);
    req.log?.info({ user: record.user.name, project: record.project.name, cloud: record.cloud }, 'signed in (WebSSO)');
    await audit.record(
      auditEntry(record, {
        action: 'session.login',
        target: { kind: 'session', id: null },
        status: 201,
        requestId: String(res.locals.requestId),
      }),
    );
    res.type('html').send(continuePage(req, flow.next));
  });

  return router;
}
