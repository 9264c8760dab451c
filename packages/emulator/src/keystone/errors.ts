import type { Response } from 'express';
import type { EmulatorContext } from '../context.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
};

/** Keystone's error body: `{"error": {"code", "message", "title"}}`. */
export function keystoneError(res: Response, status: number, message: string): void {
  res.status(status).json({ error: { code: status, message, title: TITLES[status] ?? 'Error' } });
}

/**
 * Keystone's (and keystonemiddleware's) 401: one fixed message whatever went wrong, so that a
 * wrong password and an unknown user cannot be told apart, plus `WWW-Authenticate`.
 */
export function unauthorized(res: Response, ctx: EmulatorContext): void {
  res.setHeader('WWW-Authenticate', `Keystone uri="${ctx.identityUrl}/v3"`);
  keystoneError(res, 401, 'The request you have made requires authentication.');
}
