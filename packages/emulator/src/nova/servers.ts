import express, { type Request, type Response } from 'express';
import type { CinderCaller } from '../cinder/caller.js';
import type { EmulatorContext } from '../context.js';
import { novaFault } from './faults.js';
import type { ServerRecord } from './state.js';
import { serverDetail, serverSummary } from './views.js';

/** The server the caller may see (its project's; an admin's: any), or Nova's 404. */
export function findServer(ctx: EmulatorContext, res: Response, id: string): ServerRecord | undefined {
  const caller: CinderCaller = res.locals.caller;
  const server = ctx.nova.servers.get(id);
  if (!server || (server.projectId !== caller.projectId && !caller.isAdmin)) {
    novaFault(res, 404, `Instance ${id} could not be found.`);
    return undefined;
  }
  return server;
}

/**
 * The servers a listing shows: the caller's project (an admin's with `all_tenants` too), newest
 * first, `name` as a regular expression and `status` as Nova filters them, paged by limit/marker.
 */
function listServers(
  ctx: EmulatorContext,
  req: Request,
  res: Response,
): { page: ServerRecord[]; next?: string } | undefined {
  const caller: CinderCaller = res.locals.caller;
  const q = req.query as Record<string, string | undefined>;
  const allTenants = caller.isAdmin && q.all_tenants !== undefined && !/^(0|false|off|no)$/i.test(q.all_tenants);
  let servers = [...ctx.nova.servers.values()].filter((s) => allTenants || s.projectId === caller.projectId);
  if (q.name) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(q.name);
    } catch {
      return void novaFault(res, 400, `Invalid filter: name ${q.name}`);
    }
    servers = servers.filter((s) => pattern.test(s.name));
  }
  if (q.status) servers = servers.filter((s) => s.status === q.status!.toUpperCase());
  servers.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  let start = 0;
  if (q.marker) {
    start = servers.findIndex((s) => s.id === q.marker) + 1;
    if (start === 0) return void novaFault(res, 400, `marker [${q.marker}] not found`);
  }
  const limit = q.limit === undefined ? 1000 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 0) {
    return void novaFault(res, 400, `Invalid input for query parameters limit. Value: ${q.limit}.`);
  }
  const page = servers.slice(start, start + limit);
  if (q.limit === undefined || page.length < limit || page.length === 0) return { page };
  const query = new URLSearchParams(req.url.split('?')[1] ?? '');
  query.set('marker', page[page.length - 1]!.id);
  return { page, next: query.toString() };
}

/** `GET /servers`, `/servers/detail` and `/servers/{id}`. */
export function serversRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  const links = (path: string, next?: string) =>
    next ? { servers_links: [{ rel: 'next', href: `${ctx.computeUrl}${path}?${next}` }] } : {};

  router.get('/servers', (req, res) => {
    const listed = listServers(ctx, req, res);
    if (!listed) return;
    res.json({ servers: listed.page.map((s) => serverSummary(ctx.computeUrl, s)), ...links('/servers', listed.next) });
  });
  router.get('/servers/detail', (req, res) => {
    const listed = listServers(ctx, req, res);
    if (!listed) return;
    const servers = listed.page.map((s) => serverDetail(ctx.computeUrl, res.locals, s, ctx.nova.attachmentsOf(s.id)));
    res.json({ servers, ...links('/servers/detail', listed.next) });
  });
  router.get('/servers/:id', (req, res) => {
    const server = findServer(ctx, res, req.params.id);
    if (!server) return;
    const detail = serverDetail(ctx.computeUrl, res.locals, server, ctx.nova.attachmentsOf(server.id));
    // 2.71: show (not the listings) names the server groups
    const [, minor] = res.locals.computeVersion as [number, number];
    res.json({ server: minor >= 71 ? { ...detail, server_groups: [] } : detail });
  });
  return router;
}
