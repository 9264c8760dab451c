import type { Request, Response } from 'express';
import type { CinderCaller } from './caller.js';
import { badRequest, forbidden } from './errors.js';
import { atLeast, type Microversion } from './microversion.js';
import { invalidField, pyRepr } from './validation.js';

export function callerOf(res: Response): CinderCaller {
  return res.locals.caller as CinderCaller;
}

export function versionOf(res: Response): Microversion {
  return res.locals.microversion as Microversion;
}

/** True when the request's microversion is at least 3.<minor>. */
export function versionAtLeast(res: Response, minor: number): boolean {
  return atLeast(versionOf(res), minor);
}

/** Refuses with Cinder's policy message unless the caller is an admin. */
export function requireAdmin(res: Response, rule: string): void {
  if (!callerOf(res).isAdmin) throw forbidden(rule);
}

/** Members and admins may change things; a reader-only token may not (Zed's `member` rule). */
export function requireMember(res: Response, rule: string): void {
  const caller = callerOf(res);
  if (!caller.isAdmin && !caller.roles.includes('member')) throw forbidden(rule);
}

/** The single top-level object of a request body (`{"volume": {...}}`), or Cinder's error when absent. */
export function bodyObject(req: Request, key: string): Record<string, unknown> {
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Malformed request body');
  if (!(key in body)) throw badRequest(`'${key}' is a required property`);
  const value = body[key];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidField(key, value, `${pyRepr(value)} is not of type 'object'`);
  }
  return value as Record<string, unknown>;
}

/**
 * `additionalProperties: false` at the top of a body schema: jsonschema's error has an empty path,
 * so Cinder prints the bare message (`Additional properties are not allowed ('x' was unexpected)`).
 */
export function checkBodyKeys(req: Request, allowed: readonly string[]): void {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const extra = Object.keys(body).filter((key) => !allowed.includes(key));
  if (extra.length === 0) return;
  const list = extra.map(pyRepr).join(', ');
  throw badRequest(`Additional properties are not allowed (${list} ${extra.length === 1 ? 'was' : 'were'} unexpected)`);
}

/** Whether the caller may see a resource of `projectId`: its own project, or any for an admin. */
export function visibleTo(res: Response, projectId: string): boolean {
  const caller = callerOf(res);
  return caller.isAdmin || caller.projectId === projectId;
}

/** A route parameter as a string (Express types parameters of computed paths loosely). */
export function param(req: Request, name: string): string {
  return String((req.params as Record<string, unknown>)[name]);
}

const TRUE_STRINGS = ['1', 't', 'true', 'on', 'y', 'yes'];
const FALSE_STRINGS = ['0', 'f', 'false', 'off', 'n', 'no'];

/**
 * Cinder's `utils.get_bool_param`: oslo's strict boolean strings in any case (`True`, `yes`, `1`,
 * `on`...), absent is false, anything else a 400 naming the parameter.
 */
export function boolQuery(req: Request, name: string): boolean {
  const raw = req.query[name];
  if (raw === undefined) return false;
  const value = String(Array.isArray(raw) ? raw.at(-1) : raw);
  const lowered = value.trim().toLowerCase();
  if (TRUE_STRINGS.includes(lowered)) return true;
  if (FALSE_STRINGS.includes(lowered)) return false;
  throw badRequest(`Value '${value}' for '${name}' is not a boolean.`);
}
