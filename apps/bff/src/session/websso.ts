import express, { type Request, type Response } from 'express';
import { safeNext } from '@cinder-console/cinder';
import type { AuditLog } from '../audit/audit-log.js';
import { currentCloud, type CloudDirectory } from '../cloud/directory.js';
import type { WebssoChoice } from '../cloud/websso-choices.js';
import { htmlAttribute } from '../html-escape.js';
import { clearCookie, cookieName, readCookie } from './cookie.js';
import { createSessionRecord } from './login.js';
import { attemptedBy, auditSignIn, openSession } from './open-session.js';
import { Pending } from './pending.js';
import type { SessionStore } from './store.js';

/** The cookie that ties Keystone's answer to the browser that started the sign-on. */
const FLOW_COOKIE = 'cc_sso';
/** Time to sign in at the identity provider; then the flow starts over. */
const FLOW_MS = 10 * 60_000;
/** Keystone's post and the browser's next request follow each other at once. */
const TICKET_MS = 60_000;

/** Why a sign-on did not end in a session, as the sign-in page's `?sso=` tells the user. */
type Failure = 'expired' | 'refused' | 'noProject' | 'busy';

interface Flow {
  cloud: string;
  next: string;
  expiresAt: number;
}

/** Where Keystone sends the browser to sign in at the identity provider of `choice`. */
function keystoneWebsso(keystoneBase: string, choice: WebssoChoice, origin: string): string {
  const where = choice.identityProvider
    ? `identity_providers/${encodeURIComponent(choice.identityProvider)}/protocols/${encodeURIComponent(choice.protocol)}/websso`
    : `websso/${encodeURIComponent(choice.protocol)}`;
  return `${keystoneBase}/auth/OS-FEDERATION/${where}?origin=${encodeURIComponent(origin)}`;
}

/**
 * The session cookie is SameSite=Strict, and this response ends a navigation that began on the
 * identity provider's site, so a redirect would load the console without it. A page of the console
 * that moves on by itself starts a navigation of this site, which carries it.
 */
function continuePage(req: Request, to: string): string {
  const chinese = String(req.acceptsLanguages('en', 'zh-CN', 'zh')).startsWith('zh');
  const [title, link] = chinese ? ['已登录', '继续'] : ['Signed in', 'Continue'];
  const href = htmlAttribute(to);
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
    const state = flows.add({
      cloud: cloud.name,
      next: safeNext(req.query.next, `${req.protocol}://${req.get('host')}`),
      expiresAt: Date.now() + FLOW_MS,
    });
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
      await auditSignIn(audit, res, attemptedBy({ federatedToken: '' }, cloud.config.OS_USER_DOMAIN_NAME), status);
      return toLogin(res, (error as { code?: string }).code === 'noProject' ? 'noProject' : 'refused');
    }
    await openSession(req, res, { store, clouds, audit }, cloud, record);
    res.type('html').send(continuePage(req, flow.next));
  });

  return router;
}
