import type { EmulatorContext } from '../context.js';
import { findUsableCredential } from './admin/application-credentials.js';
import type { AuthRequest, ProjectRef } from './auth-request.js';
import { totpMatches, unmetRules, type Receipt } from './mfa.js';
import type { IssuedToken } from './tokens.js';

export type AuthOutcome =
  | {
      ok: true;
      userId: string;
      projectId: string | undefined;
      methods: string[];
      parent?: IssuedToken;
      applicationCredentialId?: string;
    }
  | { ok: false; status: 400 | 401 | 404; message?: string }
  /** Some but not all of the user's MFA rule was met: 401 with a receipt for what was. */
  | { ok: false; status: 401; receipt: { id: string; receipt: Receipt }; rules: string[][] };

const UNAUTHORIZED = { ok: false, status: 401 } as const;
const MALFORMED =
  'The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.';

function resolveProject(ctx: EmulatorContext, ref: ProjectRef) {
  if (ref.id !== undefined) return { project: ctx.identity.findProject(ref.id) };
  if (ref.name === undefined) return { error: `Expecting to find id or name in project. ${MALFORMED}` };
  if (!ref.domain) return { error: `Expecting to find domain in project. ${MALFORMED}` };
  const domain = ctx.identity.findDomain(ref.domain);
  return { project: domain ? ctx.identity.findProjectByName(ref.name, domain.id) : undefined };
}

function findUser(
  ctx: EmulatorContext,
  ref: {
    id?: string | undefined;
    name?: string | undefined;
    domain?: { id?: string | undefined; name?: string | undefined } | undefined;
  },
) {
  if (ref.id !== undefined) return ctx.identity.findUser(ref.id);
  if (ref.name === undefined || !ref.domain) return undefined;
  const domain = ctx.identity.findDomain(ref.domain);
  return domain ? ctx.identity.findUserByName(ref.name, domain.id) : undefined;
}

/** The user every given method (password, totp) proves, or undefined when any fails or they disagree. */
function authenticateUser(ctx: EmulatorContext, request: AuthRequest) {
  const { identity } = request.auth;
  if (identity.methods.includes('token')) {
    const parent = ctx.tokens.validate(identity.token?.id);
    return parent ? { userId: parent.userId, parent } : undefined;
  }
  const proven = new Set<string>();
  if (identity.methods.includes('password')) {
    const ref = identity.password?.user;
    const user = ref && findUser(ctx, ref);
    if (!user || !user.enabled || user.password !== ref.password) return undefined;
    proven.add(user.id);
  }
  if (identity.methods.includes('totp')) {
    const ref = identity.totp?.user;
    const user = ref && findUser(ctx, ref);
    if (!user || !user.enabled || !totpMatches(ctx.identity, user.id, ref.passcode)) return undefined;
    proven.add(user.id);
  }
  if (proven.size !== 1) return undefined;
  return { userId: [...proven][0]!, parent: undefined };
}

/**
 * Keystone's `POST /v3/auth/tokens` decision. Every failure to identify the user or to find a
 * project the user holds a role on is the same opaque 401, as Keystone hides the reason.
 * Without a scope the token is scoped to the user's default project when the user has a role there.
 */
export function authenticate(ctx: EmulatorContext, request: AuthRequest, receiptId?: string): AuthOutcome {
  if (request.auth.identity.methods.includes('application_credential')) return withApplicationCredential(ctx, request);
  const who = authenticateUser(ctx, request);
  if (!who) return UNAUTHORIZED;
  let methods = who.parent ? who.parent.methods : [...new Set(request.auth.identity.methods)];
  if (!who.parent) {
    // A receipt brings the methods already passed, for the same user only (Keystone's extract_receipt).
    if (receiptId !== undefined) {
      const receipt = ctx.receipts.validate(receiptId);
      if (!receipt || receipt.userId !== who.userId)
        return { ok: false, status: 404, message: `Could not find auth receipt: ${receiptId}.` };
      methods = [...new Set([...receipt.methods, ...methods])];
    }
    const rules = unmetRules(ctx.identity.findUser(who.userId)!, methods);
    if (rules) return { ok: false, status: 401, receipt: ctx.receipts.issue(who.userId, methods), rules };
  }
  const delegated = who.parent?.applicationCredentialId;
  const base = {
    ok: true as const,
    userId: who.userId,
    methods,
    ...(who.parent ? { parent: who.parent } : {}),
    ...(delegated ? { applicationCredentialId: delegated } : {}),
  };

  const scope = request.auth.scope;
  if (scope === undefined || scope === 'unscoped') {
    const user = ctx.identity.findUser(who.userId)!;
    const fallback = scope === undefined && !who.parent ? user.defaultProjectId : undefined;
    const scoped = fallback && ctx.identity.effectiveRoles(user.id, fallback).length > 0 ? fallback : undefined;
    return { ...base, projectId: scoped };
  }
  const resolved = resolveProject(ctx, scope.project);
  if ('error' in resolved) return { ok: false, status: 400, message: resolved.error };
  const project = resolved.project;
  if (!project || !project.enabled) return UNAUTHORIZED;
  if (ctx.identity.effectiveRoles(who.userId, project.id).length === 0) return UNAUTHORIZED;
  return { ...base, projectId: project.id };
}

/**
 * The `application_credential` method: the credential's user, project and roles, whoever asks.
 * Keystone refuses a scope in the request (the credential carries its own) and any credential
 * whose user or project is gone, disabled, or no longer holds the delegated roles.
 */
function withApplicationCredential(ctx: EmulatorContext, request: AuthRequest): AuthOutcome {
  const ref = request.auth.identity.application_credential;
  if (!ref)
    return { ok: false, status: 400, message: `Expecting to find application_credential in identity. ${MALFORMED}` };
  if (ref.id === undefined && (ref.name === undefined || !ref.user))
    return {
      ok: false,
      status: 400,
      message: `Expecting to find id or name and user in application_credential. ${MALFORMED}`,
    };
  let userId = ref.user?.id;
  if (userId === undefined && ref.user?.name !== undefined && ref.user.domain) {
    const domain = ctx.identity.findDomain(ref.user.domain);
    userId = domain ? ctx.identity.findUserByName(ref.user.name, domain.id)?.id : undefined;
  }
  // Keystone tells an unknown credential id apart (404), unlike an unknown name or a wrong secret.
  if (ref.id !== undefined && !ctx.identity.applicationCredentials.some((c) => c.id === ref.id))
    return { ok: false, status: 404, message: `Could not find Application Credential: ${ref.id}.` };
  const credential = findUsableCredential(ctx.identity, { id: ref.id, name: ref.name, secret: ref.secret, userId });
  if (!credential || request.auth.scope !== undefined) return UNAUTHORIZED;
  const outcome = {
    ok: true as const,
    userId: credential.userId,
    projectId: credential.projectId,
    methods: ['application_credential'],
    applicationCredentialId: credential.id,
  };
  const probe = { ...outcome, issuedAt: new Date() };
  if (!ctx.identity.tokenStands(probe) || ctx.identity.tokenRoles(probe).length === 0) return UNAUTHORIZED;
  return outcome;
}
