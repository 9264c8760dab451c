import express, { type Request, type Response } from 'express';
import type { EmulatorContext } from '../context.js';
import { unauthorized } from '../keystone/errors.js';
import type { ImageRecord } from './state.js';
import { imageWritesRouter } from './image-writes.js';
import { imageView } from './views.js';

/** Glance answers errors with webob's plain-text pages, not JSON faults. */
function glanceError(res: Response, status: number, title: string, detail: string): void {
  res.status(status).type('text/plain').send(`${status} ${title}\n\n${detail}\n\n   `);
}

/** Sortable API keys and the record fields behind them. */
const SORT_FIELDS: Record<string, keyof ImageRecord> = {
  name: 'name',
  status: 'status',
  created_at: 'createdAt',
  updated_at: 'updatedAt',
  size: 'size',
  id: 'id',
  visibility: 'visibility',
  disk_format: 'diskFormat',
};

function sortable(value: unknown): string | number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return String(value ?? '');
}

/** Glance v2 under `/image`: image list and show, and the owner's writes (image-writes.ts). */
export function glanceRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  router.get('/', (_req, res) => {
    res.status(300).json({
      versions: [{ id: 'v2.16', status: 'CURRENT', links: [{ rel: 'self', href: `${ctx.imageUrl}/v2/` }] }],
    });
  });

  const v2 = express.Router();
  v2.use((req, res, next) => {
    const token = ctx.serviceTokens.validate(req.get('X-Auth-Token'));
    if (!token?.projectId) return unauthorized(res, ctx);
    res.locals.glanceCaller = { projectId: token.projectId, isAdmin: ctx.identity.isAdmin(token) };
    next();
  });

  v2.get('/images', (req: Request, res: Response) => {
    const { projectId, isAdmin } = res.locals.glanceCaller as { projectId: string; isAdmin: boolean };
    const q = req.query as Record<string, string | undefined>;
    const limit = Math.min(Number(q.limit ?? 25) || 25, 1000);
    const sortKey = q.sort_key ?? 'created_at';
    const sortDir = q.sort_dir ?? 'desc';
    const field = SORT_FIELDS[sortKey];
    if (!field || !['asc', 'desc'].includes(sortDir)) {
      return glanceError(res, 400, 'Bad Request', `Invalid sort key or direction: ${sortKey} ${sortDir}`);
    }
    let images = [...ctx.glance.images.values()].filter((i) => ctx.glance.visibleTo(i, projectId, isAdmin));
    if (q.visibility) images = images.filter((i) => i.visibility === q.visibility);
    if (q.status) images = images.filter((i) => i.status === q.status);
    if (q.name) images = images.filter((i) => i.name === q.name);
    if (q.owner) images = images.filter((i) => i.owner === q.owner);
    images.sort((a, b) => {
      const [x, y] = [sortable(a[field]), sortable(b[field])];
      const order = x < y ? -1 : x > y ? 1 : 0;
      return (sortDir === 'asc' ? order : -order) || (a.id < b.id ? 1 : -1);
    });
    let start = 0;
    if (q.marker) {
      const index = images.findIndex((i) => i.id === q.marker);
      if (index < 0) return glanceError(res, 400, 'Bad Request', `No image found with ID ${q.marker}`);
      start = index + 1;
    }
    const page = images.slice(start, start + limit);
    // `first` repeats the request's own query; `next` follows every full page, even the last.
    const query = new URLSearchParams(req.url.split('?')[1] ?? '');
    query.delete('marker');
    const body: Record<string, unknown> = {
      images: page.map(imageView),
      first: `/v2/images${query.size > 0 ? `?${query}` : ''}`,
      schema: '/v2/schemas/images',
    };
    if (page.length === limit && page.length > 0) {
      query.append('marker', page[page.length - 1]!.id);
      body.next = `/v2/images?${query}`;
    }
    res.json(body);
  });

  v2.get('/images/:id', (req, res) => {
    const { projectId, isAdmin } = res.locals.glanceCaller as { projectId: string; isAdmin: boolean };
    const image = ctx.glance.images.get(req.params.id);
    if (!image || !ctx.glance.visibleTo(image, projectId, isAdmin)) {
      return glanceError(res, 404, 'Not Found', `No image found with ID ${req.params.id}`);
    }
    res.json(imageView(image));
  });

  v2.use(imageWritesRouter(ctx));
  v2.use((_req, res) => glanceError(res, 404, 'Not Found', 'The resource could not be found.'));
  router.use('/v2', v2);
  return router;
}
