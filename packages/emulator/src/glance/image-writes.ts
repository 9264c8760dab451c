import { createHash } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { EmulatorContext } from '../context.js';
import { jsonBody } from '../http/json-body.js';
import type { ImageRecord } from './state.js';
import { imageView } from './views.js';

type Caller = { projectId: string; isAdmin: boolean };

function glanceError(res: Response, status: number, title: string, detail: string): void {
  res.status(status).type('text/plain').send(`${status} ${title}\n\n${detail}\n\n   `);
}

const VISIBILITIES = ['public', 'private', 'shared', 'community'] as const;

/**
 * Glance v2's image writes as a project member uses them (Zed's legacy policies, as on the rig):
 * create a queued image, upload its data (it becomes active), deactivate or reactivate it, delete it.
 * Only the owner (or an admin) may change an image; publishing one is an admin's.
 */
export function imageWritesRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const owned = (req: Request, res: Response): ImageRecord | undefined => {
    const { projectId, isAdmin } = res.locals.glanceCaller as Caller;
    const image = ctx.glance.images.get(String(req.params.id));
    if (!image || !ctx.glance.visibleTo(image, projectId, isAdmin)) {
      glanceError(res, 404, 'Not Found', `No image found with ID ${String(req.params.id)}`);
      return undefined;
    }
    if (!isAdmin && image.owner !== projectId) {
      glanceError(res, 403, 'Forbidden', 'You are not authorized to complete this action.');
      return undefined;
    }
    return image;
  };

  router.post('/images', jsonBody, (req, res) => {
    const { projectId, isAdmin } = res.locals.glanceCaller as Caller;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const visibility = (body.visibility ?? 'shared') as ImageRecord['visibility'];
    if (!VISIBILITIES.includes(visibility))
      return glanceError(res, 400, 'Bad Request', `Invalid visibility value: ${String(visibility)}`);
    if (visibility === 'public' && !isAdmin)
      return glanceError(res, 403, 'Forbidden', 'You are not authorized to complete publicize_image action.');
    const { name, disk_format, container_format, min_disk, min_ram, protected: isProtected, id, ...rest } = body;
    const properties = Object.fromEntries(
      Object.entries(rest)
        .filter(([key, value]) => !['visibility', 'tags'].includes(key) && typeof value === 'string')
        .map(([key, value]) => [key, String(value)]),
    );
    const image = ctx.glance.add({
      ...(typeof id === 'string' ? { id } : {}),
      name: typeof name === 'string' ? name : null,
      visibility,
      owner: projectId,
      diskFormat: typeof disk_format === 'string' ? disk_format : null,
      containerFormat: typeof container_format === 'string' ? container_format : null,
      minDisk: Number(min_disk ?? 0) || 0,
      minRam: Number(min_ram ?? 0) || 0,
      protected: isProtected === true,
      properties,
    });
    ctx.persist();
    res.status(201).location(`${ctx.imageUrl}/v2/images/${image.id}`).json(imageView(image));
  });

  router.put('/images/:id/file', express.raw({ type: () => true, limit: '64mb' }), (req, res) => {
    const image = owned(req, res);
    if (!image) return;
    if (image.status !== 'queued')
      return glanceError(res, 409, 'Conflict', `Image status transition from ${image.status} to saving is not allowed`);
    const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    image.size = data.length;
    image.checksum = createHash('md5').update(data).digest('hex');
    image.status = 'active';
    image.updatedAt = new Date();
    ctx.persist();
    res.status(204).end();
  });

  for (const [action, from, to] of [
    ['deactivate', 'active', 'deactivated'],
    ['reactivate', 'deactivated', 'active'],
  ] as const) {
    router.post(`/images/:id/actions/${action}`, (req, res) => {
      const image = owned(req, res);
      if (!image) return;
      if (image.status !== from && image.status !== to)
        return glanceError(res, 403, 'Forbidden', `Not allowed to ${action} image in status '${image.status}'`);
      image.status = to;
      image.updatedAt = new Date();
      ctx.persist();
      res.status(204).end();
    });
  }

  router.delete('/images/:id', (req, res) => {
    const image = owned(req, res);
    if (!image) return;
    if (image.protected)
      return glanceError(res, 403, 'Forbidden', `Image ${image.id} is protected and cannot be deleted.`);
    ctx.glance.images.delete(image.id);
    ctx.persist();
    res.status(204).end();
  });

  return router;
}
