import express from 'express';
import { z } from 'zod';
import { validationError } from '../errors.js';
import { currentSession, requireSession } from '../session/middleware.js';
import type { AuditLog } from './audit-log.js';

const querySchema = z.strictObject({
  project: z.string().max(64).optional(),
  user: z.string().max(255).optional(),
  action: z.string().max(255).optional(),
  result: z.enum(['success', 'failure']).optional(),
  target: z.string().max(64).optional(),
  since: z.iso.datetime().optional(),
  until: z.iso.datetime().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** `GET /api/audit`: admins see every project's trail; everyone else only their current project's. */
export function auditRouter(audit: AuditLog): express.Router {
  const router = express.Router();
  router.get('/', requireSession, async (req, res) => {
    const parsed = querySchema.safeParse(req.query);
    if (!parsed.success) throw validationError(parsed.error);
    const { record } = currentSession(res)!;
    const isAdmin = record.roles.includes('admin');
    const entries = await audit.query({
      projectId: isAdmin ? parsed.data.project : record.project.id,
      userName: parsed.data.user,
      action: parsed.data.action,
      result: parsed.data.result,
      targetId: parsed.data.target,
      since: parsed.data.since,
      until: parsed.data.until,
      limit: parsed.data.limit,
    });
    res.json({ entries });
  });
  return router;
}
