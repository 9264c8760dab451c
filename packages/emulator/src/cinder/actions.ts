import type { Request } from 'express';
import { badRequest } from './errors.js';

/**
 * Reads an action body: exactly one top-level key naming a known action, as
 * `wsgi.Resource` dispatches them.
 */
export function actionOf(req: Request, known: readonly string[]): { name: string; args: Record<string, unknown> } {
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).length !== 1) {
    throw badRequest('Malformed request body');
  }
  const [name, args] = Object.entries(body)[0]!;
  if (!known.includes(name)) {
    throw badRequest(
      `There is no such action: ${name}. Verify the request body and Content-Type header and try again.`,
    );
  }
  return {
    name,
    args: args && typeof args === 'object' && !Array.isArray(args) ? (args as Record<string, unknown>) : {},
  };
}
