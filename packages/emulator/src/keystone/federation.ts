import { randomBytes } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { EmulatorContext } from '../context.js';
import { keystoneError } from './errors.js';
import type { Group, User } from './identity.js';

/**
 * The emulator's built-in identity provider, as a Keystone federated with one would see it: the
 * IdP `emulator-idp` over the `openid` protocol, whose users are mapped (as a mapping rule would)
 * into the group `federated_users` of the IdP's domain, which holds the member role on the project
 * each account names. The accounts are the IdP's own, not Keystone's.
 */
const TEST_IDP = {
  id: 'emulator-idp',
  protocol: 'openid',
  group: 'federated_users',
  accounts: { sso_demo: { password: 'sso_demo', project: 'demo' } } as Record<
    string,
    { password: string; project: string }
  >,
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `[federation] trusted_dashboard`, or by default any page served from this machine. */
function trusted(ctx: EmulatorContext, origin: string): boolean {
  if (ctx.trustedDashboards) return ctx.trustedDashboards.includes(origin);
  try {
    const url = new URL(origin);
    return ['http:', 'https:'].includes(url.protocol) && LOOPBACK.has(url.hostname);
  } catch {
    return false;
  }
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The IdP's sign-in page: what a browser meets where a real deployment's web server sends it to its IdP. */
function signInPage(action: string, problem?: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Emulator identity provider</title></head>
<body>
<main>
<h1>Emulator identity provider</h1>
<p>Single sign-on to the embedded cloud. Try sso_demo / sso_demo.</p>
${problem ? `<p role="alert">${escape(problem)}</p>` : ''}
<form method="post" action="${escape(action)}">
<p><label for="username">User name</label> <input id="username" name="username" autocomplete="username" required></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p>
</form>
</main>
</body></html>`;
}

/** Keystone's `sso_callback_template.html`: posts the unscoped token to the dashboard that asked. */
function callbackPage(host: string, token: string): string {
  return `<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml">
  <head>
    <title>Keystone WebSSO redirect</title>
  </head>
  <body>
     <form id="sso" name="sso" action="${escape(host)}" method="post">
       Please wait...
       <br/>
       <input type="hidden" name="token" id="token" value="${escape(token)}"/>
       <noscript>
         <input type="submit" name="submit_no_javascript" id="submit_no_javascript"
            value="If your JavaScript is disabled, please click to continue"/>
       </noscript>
     </form>
     <script type="text/javascript">
       window.onload = function() {
         document.forms['sso'].submit();
       }
     </script>
  </body>
</html>`;
}

/** The shadow user and mapped group Keystone keeps for a federated account, made at its first sign-in. */
function shadowUser(ctx: EmulatorContext, account: string, projectName: string): { user: User; group: Group } {
  const identity = ctx.identity;
  let domain = identity.findDomain({ name: TEST_IDP.id });
  if (!domain) {
    domain = {
      id: randomBytes(16).toString('hex'),
      name: TEST_IDP.id,
      description: 'Domain of emulator-idp',
      enabled: true,
    };
    identity.domains.push(domain);
  }
  let group = identity.groups.find((g) => g.name === TEST_IDP.group && g.domainId === domain.id);
  if (!group) {
    group = {
      id: randomBytes(16).toString('hex'),
      name: TEST_IDP.group,
      domainId: domain.id,
      description: 'Mapped from emulator-idp',
    };
    identity.groups.push(group);
    const member = identity.roles.find((r) => r.name === 'member');
    const project = identity.findProjectByName(projectName, identity.defaultDomain.id);
    if (member && project) identity.assignments.push({ groupId: group.id, projectId: project.id, roleId: member.id });
  }
  const user =
    identity.findUserByName(account, domain.id) ??
    // A shadow user has no password of Keystone's: it signs in only through its IdP.
    identity.addUser({ name: account, domainId: domain.id, password: randomBytes(32).toString('hex') });
  if (!identity.memberships.some((m) => m.userId === user.id && m.groupId === group.id))
    identity.memberships.push({ userId: user.id, groupId: group.id });
  return { user, group };
}

/**
 * Keystone's WebSSO (`/v3/auth/OS-FEDERATION/websso/{protocol}` and the per-IdP form), with the
 * emulator playing the web server's federation module and its IdP too: the browser signs in on the
 * IdP's page, then gets Keystone's page that posts an unscoped token to `origin`, which must be a
 * trusted dashboard.
 */
export function federationRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const paths = [
    '/v3/auth/OS-FEDERATION/websso/:protocol',
    '/v3/auth/OS-FEDERATION/identity_providers/:idp/protocols/:protocol/websso',
  ];
  const handle = (req: Request, res: Response) => {
    const { protocol, idp = TEST_IDP.id } = req.params as { protocol: string; idp?: string };
    if (idp !== TEST_IDP.id) return keystoneError(res, 404, `Could not find Identity Provider: ${idp}.`);
    if (protocol !== TEST_IDP.protocol)
      return keystoneError(res, 404, `Could not find federated protocol ${protocol} for Identity Provider: ${idp}.`);
    const origin = typeof req.query.origin === 'string' ? req.query.origin : '';
    if (!origin) return keystoneError(res, 400, 'Request must have an origin query parameter');
    const host = decodeURIComponent(origin.replace(/\+/g, ' '));
    if (!trusted(ctx, host)) return keystoneError(res, 401, `${host} is not a trusted dashboard host`);

    res.type('html').setHeader('Cache-Control', 'no-store');
    const form = req.body as Record<string, unknown> | undefined;
    if (req.method === 'GET' || typeof form?.username !== 'string') return res.send(signInPage(req.originalUrl));
    const account = TEST_IDP.accounts[form.username];
    if (!account || account.password !== form.password)
      return res.send(signInPage(req.originalUrl, 'Unknown user name or wrong password.'));
    const { user, group } = shadowUser(ctx, form.username, account.project);
    const { id } = ctx.tokens.issue({
      userId: user.id,
      projectId: undefined,
      methods: ['mapped'],
      federation: { identityProvider: TEST_IDP.id, protocol: TEST_IDP.protocol, groups: [group.id] },
    });
    ctx.persist();
    res.send(callbackPage(host, id));
  };
  router.get(paths, handle);
  router.post(paths, express.urlencoded({ extended: false, limit: '4kb' }), handle);
  return router;
}
