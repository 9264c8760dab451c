import express from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../context.js';
import { jsonBody } from '../http/json-body.js';
import { unauthorized } from '../keystone/errors.js';
import { FAULT_OPERATIONS } from '../sim/faults.js';

const faultSchema = z.union([
  z.strictObject({
    failNext: z.strictObject({
      operation: z.enum(FAULT_OPERATIONS),
      count: z.number().int().min(1).max(1000).default(1),
    }),
  }),
  z.strictObject({
    http: z.strictObject({
      path: z.string().min(1).max(500),
      method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
      delayMs: z.number().int().min(0).max(600_000).optional(),
      status: z.number().int().min(400).max(599).optional(),
      drop: z.boolean().optional(),
      count: z.number().int().min(1).optional(),
    }),
  }),
  z.strictObject({ keystoneDown: z.boolean() }),
  z.strictObject({ revokeTokensOf: z.strictObject({ user: z.string().min(1).max(255) }) }),
]);

const holdSchema = z.strictObject({
  operation: z.enum(FAULT_OPERATIONS),
  name: z.string().min(1).max(255).optional(),
});

/**
 * Revokes every live token of a user (Default domain) in Keystone and makes Cinder and Glance
 * forget them at once, as if their keystonemiddleware cache had lapsed: the console's next call
 * with such a token is refused. How many were revoked.
 */
function revokeTokensOf(ctx: EmulatorContext, userName: string): number {
  const user = ctx.identity.findUserByName(userName, 'default');
  if (!user) return 0;
  let revoked = 0;
  for (const [id, token] of ctx.tokens.entries()) {
    if (token.userId !== user.id) continue;
    ctx.tokens.revoke(id);
    ctx.serviceTokens.forget(id);
    revoked++;
  }
  return revoked;
}

/**
 * `/emulator/control`: fault injection for tests and demos, for cloud admins only (a token with the
 * admin role). Not part of any OpenStack API.
 *
 * - `GET  /emulator/control/faults`: what is armed
 * - `POST /emulator/control/faults`: `{failNext: {operation, count}}`, `{http: {path, method?, delayMs?, status?, drop?, count?}}`,
 *   `{keystoneDown}` or `{revokeTokensOf: {user}}`
 * - `DELETE /emulator/control/faults`: disarm everything
 * - `GET  /emulator/control/holds`: the holds that stand, with how many operations wait on each
 * - `POST /emulator/control/holds`: `{operation, name?}` keeps that operation (on the resource of
 *   that name) in its transitional status once it comes due, until the hold is released
 * - `DELETE /emulator/control/holds/{id}` (or every hold without an id): release, completing what waited
 */
export function controlRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  router.use((req, res, next) => {
    const token = ctx.tokens.validate(req.get('X-Auth-Token'));
    if (!token?.projectId) return unauthorized(res, ctx);
    if (!ctx.identity.isAdmin(token)) {
      res
        .status(403)
        .json({ error: { code: 403, title: 'Forbidden', message: 'Only cloud admins may inject faults.' } });
      return;
    }
    next();
  });
  router.get('/faults', (_req, res) => {
    res.json(ctx.faults.snapshot());
  });
  router.post('/faults', jsonBody, (req, res) => {
    const parsed = faultSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: { code: 400, title: 'Bad Request', message: z.prettifyError(parsed.error) } });
      return;
    }
    const fault = parsed.data;
    if ('failNext' in fault) ctx.faults.failNext(fault.failNext.operation, fault.failNext.count);
    else if ('http' in fault) {
      const { count, ...rest } = fault.http;
      try {
        ctx.faults.addHttpFault({ ...rest, ...(count ? { remaining: count } : {}) });
      } catch {
        res
          .status(400)
          .json({ error: { code: 400, title: 'Bad Request', message: 'path is not a valid regular expression' } });
        return;
      }
    } else if ('revokeTokensOf' in fault) {
      res.status(201).json({ revoked: revokeTokensOf(ctx, fault.revokeTokensOf.user) });
      return;
    } else ctx.faults.keystoneDown = fault.keystoneDown;
    res.status(201).json(ctx.faults.snapshot());
  });
  router.delete('/faults', (_req, res) => {
    ctx.faults.clear();
    res.status(204).end();
  });
  router.get('/holds', (_req, res) => {
    res.json({ holds: ctx.holds.snapshot() });
  });
  router.post('/holds', jsonBody, (req, res) => {
    const parsed = holdSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: { code: 400, title: 'Bad Request', message: z.prettifyError(parsed.error) } });
      return;
    }
    res.status(201).json(ctx.holds.add(parsed.data));
  });
  router.delete('/holds', (_req, res) => {
    ctx.holds.releaseAll();
    res.status(204).end();
  });
  router.delete('/holds/:id', (req, res) => {
    if (!ctx.holds.release(Number(req.params.id))) {
      res.status(404).json({ error: { code: 404, title: 'Not Found', message: 'No such hold.' } });
      return;
    }
    res.status(204).end();
  });
  return router;
}
