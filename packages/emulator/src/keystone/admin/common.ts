import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { EmulatorContext } from '../../context.js';
import { keystoneError } from '../errors.js';
import type { IssuedToken } from '../tokens.js';

/** The token `requireToken` validated for this request. */
export function callerToken(res: Response): IssuedToken {
  return res.locals.token as IssuedToken;
}

export function forbidden(res: Response, action: string): void {
  keystoneError(res, 403, `You are not authorized to perform the requested action: identity:${action}.`);
}

/**
 * Keystone 22's default policy with `enforce_scope = False`: the identity admin API is for the
 * admin role (the deprecated `rule:admin_required` still applies to project-scoped tokens);
 * `self` lets a user act on their own user record where Keystone allows it.
 */
export function adminOnly(
  ctx: EmulatorContext,
  action: string,
  self?: (req: Request, token: IssuedToken) => boolean,
): RequestHandler {
  return (req, res, next) => {
    const token = callerToken(res);
    if (ctx.identity.isAdmin(token) || self?.(req, token)) return next();
    forbidden(res, action);
  };
}

export function notFound(res: Response, kind: string, id: string): void {
  keystoneError(res, 404, `Could not find ${kind}: ${id}.`);
}

export function conflict(res: Response, kind: string, detail: string): void {
  keystoneError(res, 409, `Conflict occurred attempting to store ${kind} - ${detail}.`);
}

/** Parses a request body, answering Keystone's schema 400 when it does not fit. */
export function parseBody<T extends z.ZodType>(schema: T, req: Request, res: Response): z.infer<T> | undefined {
  const parsed = schema.safeParse(req.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('/') ?? '';
  keystoneError(res, 400, `Invalid input for field '${field}': ${issue?.message ?? 'malformed'}`);
  return undefined;
}

/** A Keystone collection: `{ <key>: [...], links: { self, previous, next } }`. */
export function collection(ctx: EmulatorContext, req: Request, key: string, items: unknown[]) {
  return {
    [key]: items,
    links: { self: `${ctx.identityUrl}${req.originalUrl.replace(/^\/identity/, '')}`, previous: null, next: null },
  };
}

/** Keystone's list filters compare strings exactly; `enabled` takes Keystone's boolean spellings. */
export function queryString(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' ? value : undefined;
}

export function queryEnabled(req: Request): boolean | undefined {
  const value = queryString(req, 'enabled');
  if (value === undefined) return undefined;
  return !['0', 'false', 'f', 'no', 'n', 'off'].includes(value.toLowerCase());
}

/** A path parameter as a string (Express types them loosely). */
export function param(req: Request, name: string): string {
  return String(req.params[name] ?? '');
}

/** Keystone's schema 400 for a create body without a name. */
export function nameRequired(res: Response): void {
  keystoneError(res, 400, "Invalid input for field 'name': 'name' is a required property");
}

/**
 * The domain a new project, user or group goes into: the one asked for, else the domain of the
 * caller's project (Keystone's default for a project-scoped token). Answers 404 and returns
 * undefined when it does not exist.
 */
export function domainForCreate(
  ctx: EmulatorContext,
  res: Response,
  requested: string | undefined,
): string | undefined {
  const tokenProject = ctx.identity.findProject(callerToken(res).projectId ?? '');
  const domainId = requested ?? tokenProject?.domainId ?? ctx.identity.defaultDomain.id;
  if (ctx.identity.findDomain({ id: domainId })) return domainId;
  notFound(res, 'domain', domainId);
  return undefined;
}
