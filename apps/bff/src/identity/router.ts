import express from 'express';
import { currentCloud } from '../cloud/directory.js';
import { HttpError } from '../errors.js';
import { currentSession, requireSession } from '../session/middleware.js';

/**
 * `GET /api/identity/projects`: every project's id and name, so admin pages show names rather
 * than ids (type access, all-projects lists, quotas). Keystone itself decides: for anyone it
 * refuses, the answer is its 403 in the envelope. Members get a 403 from the BFF first, since the
 * console has no use for the call without the admin role.
 */
export function identityRouter(): express.Router {
  const router = express.Router();
  router.get('/projects', requireSession, async (_req, res) => {
    const { record } = currentSession(res)!;
    if (!record.roles.includes('admin')) {
      throw new HttpError(403, 'forbidden', 'Listing every project needs the admin role.');
    }
    const projects = await currentCloud(res).keystone.listAllProjects(record.token);
    res.json({ projects: projects.sort((a, b) => a.name.localeCompare(b.name)) });
  });
  return router;
}
