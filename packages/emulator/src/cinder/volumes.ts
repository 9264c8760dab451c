import express, { type Request, type Response } from 'express';
import type { EmulatorContext } from '../context.js';
import { atLeast } from './microversion.js';
import { cinderFault, markCinderResponse } from './faults.js';
import { nextLink, pageParams } from './pagination.js';
import type { VolumeRecord } from './state.js';
import { volumeDetail, volumeSummary, type ViewContext } from './volume-views.js';
import type { CinderCaller } from './caller.js';

function viewContext(ctx: EmulatorContext, res: Response): ViewContext {
  const caller: CinderCaller = res.locals.caller;
  return { ctx, version: res.locals.microversion, isAdmin: caller.isAdmin, urlProjectId: caller.urlProjectId };
}

/** Cinder's default order: newest first, ties broken by id, both descending. */
function byCreatedDesc(a: VolumeRecord, b: VolumeRecord): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1);
}

/** Volumes the caller may list: its project's, or every project's for an admin asking `all_tenants`. */
function visibleVolumes(ctx: EmulatorContext, req: Request, caller: CinderCaller): VolumeRecord[] {
  const allTenants = caller.isAdmin && req.query.all_tenants !== undefined && req.query.all_tenants !== '0';
  return [...ctx.cinder.volumes.values()].filter((v) => allTenants || v.projectId === caller.projectId);
}

/** Volume reads: the summary list, the detail list and show. */
export function volumesRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();

  const list = (detailed: boolean) => (req: Request, res: Response) => {
    const caller: CinderCaller = res.locals.caller;
    const page = pageParams(req);
    if ('error' in page) return cinderFault(res, 400, page.error);
    const all = visibleVolumes(ctx, req, caller).sort(byCreatedDesc);
    let start = 0;
    if (page.marker !== undefined) {
      const index = all.findIndex((v) => v.id === page.marker);
      if (index < 0) return cinderFault(res, 404, `Volume ${page.marker} could not be found.`);
      start = index + 1;
    }
    const items = all.slice(start, start + page.limit);
    const view = viewContext(ctx, res);
    const withCount = atLeast(view.version, 45) && req.query.with_count === 'true';
    const count = withCount ? all.length : undefined;
    const body: Record<string, unknown> = {
      volumes: items.map((v) => (detailed ? volumeDetail(view, v, { extended: true }) : volumeSummary(view, v))),
    };
    const links = nextLink(
      req,
      `${ctx.publicUrl}/volume/v3${caller.urlProjectId ? `/${caller.urlProjectId}` : ''}`,
      items,
      page.limit,
      count,
    );
    if (links) body.volumes_links = links;
    if (count !== undefined) body.count = count;
    markCinderResponse(res);
    res.json(body);
  };

  router.get('/volumes', list(false));
  router.get('/volumes/detail', list(true));
  router.get('/volumes/:id', (req, res) => {
    const caller: CinderCaller = res.locals.caller;
    const volume = ctx.cinder.volumes.get(req.params.id);
    // Another project's volume is "not found", never "forbidden".
    if (!volume || (!caller.isAdmin && volume.projectId !== caller.projectId)) {
      return cinderFault(res, 404, `Volume ${req.params.id} could not be found.`);
    }
    markCinderResponse(res);
    res.json({ volume: volumeDetail(viewContext(ctx, res), volume, { extended: true }) });
  });
  return router;
}
