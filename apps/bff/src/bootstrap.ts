import type { Bootstrap, Capabilities } from '@cinder-console/cinder';
import { BOOTSTRAP_ELEMENT_ID } from '@cinder-console/cinder';
import type { Request, Response } from 'express';
import type { CapabilitiesOf } from './capabilities.js';
import { buildManifest, routePreloads } from './route-preloads.js';
import { currentCloud } from './cloud/directory.js';
import { firstPaint, type FirstPaintRenderer } from './first-paint.js';
import { htmlAttribute, scriptSafeJson } from './html-escape.js';
import { currentSession } from './session/middleware.js';
import { toSessionView } from './session/session.js';

/**
 * The first list call of each list page in its default view (no filter, order or marker in the
 * address; an admin's view of all projects too), exactly as the SPA makes it
 * (apps/web/src/lib/cinder-list.ts `buildQuery`): only the same URL lets the SPA take the answer
 * the page brings for its own call. A page opened with a filter or a marker gets none and loads its
 * list when its code runs.
 */
const FIRST_LISTS: Record<string, { path: string; adminOnly?: boolean; paged: boolean }> = {
  '/volumes': { path: '/api/cinder/volumes/detail', paged: true },
  '/snapshots': { path: '/api/cinder/snapshots/detail', paged: true },
  '/backups': { path: '/api/cinder/backups/detail', paged: true },
  '/volume-types': { path: '/api/cinder/types?is_public=none', adminOnly: true, paged: false },
};
/** apps/web/src/lib/list-view.ts: the page sizes a table offers and the default. */
const PAGE_SIZES = ['20', '50', '100', '200'];
const DEFAULT_PAGE_SIZE = '50';
/** Address parameters that do not change the list call (`hide` only hides columns). */
const PRESENTATION_ONLY = new Set(['size', 'hide']);
/** The admin's view of every project (apps/web/src/lib/cinder-list.ts `ALL_PROJECTS_FILTERS`). */
const ALL_PROJECTS = 'allProjects';

/** The API path the page at `url` asks for first, when the BFF can tell; undefined otherwise. */
export function firstListCall(url: URL, capabilities: Capabilities): string | undefined {
  const page = FIRST_LISTS[url.pathname.replace(/\/+$/, '')];
  if (!page || (page.adminOnly && !capabilities.admin)) return undefined;
  if (!page.paged) return url.search ? undefined : page.path;
  const allProjects = capabilities.admin ? url.searchParams.get(ALL_PROJECTS) : null;
  const known = (key: string) => PRESENTATION_ONLY.has(key) || (key === ALL_PROJECTS && allProjects);
  if (![...url.searchParams.keys()].every(known)) return undefined;
  const size = url.searchParams.get('size') ?? DEFAULT_PAGE_SIZE;
  const query = new URLSearchParams({ limit: PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE });
  if (capabilities.features.withCount) query.set('with_count', 'true');
  if (allProjects) query.set('all_tenants', allProjects);
  return `${page.path}?${query}`;
}

/**
 * How many pages the BFF draws or has waiting at once (first-paint.ts): each takes tens of
 * milliseconds of a render thread's CPU, and a page queued behind many others would come later
 * than the app would draw it.
 */
const MAX_DRAWING = 4;

/** What `index.html` carries for one request (static.ts writes it in). */
export interface PageExtras {
  /** Markup for the end of `<head>`. */
  head: string;
  /**
   * The page drawn with its rows, for `<div id="root">`, and what goes at the end of `<body>` (the
   * list's answer); written once ready, after the rest of the document is already on its way.
   */
  firstPaint?: Promise<{ root: string; end: string }>;
}

/**
 * What `index.html` carries for this request, written into its `<head>`: the bootstrap as inline
 * JSON (a data block, which the CSP never runs; it carries the response's nonce all the same), and
 * `modulepreload`s of the page's code (route-preloads.ts). A list page in its default view also
 * gets its first list call made here, as the page is served: with the first paint's renderer, the
 * page comes drawn with its rows (first-paint.ts); without it, a `preload` puts the call on the
 * wire while the scripts still download (the SPA's own fetch of the same URL receives the answer).
 */
export function bootstrapper(deps: {
  capabilities: CapabilitiesOf;
  idleMs: number;
  staticDir: string;
  renderer: FirstPaintRenderer;
}) {
  const manifest = buildManifest(deps.staticDir);
  let drawing = 0;
  return async (req: Request, res: Response, nonce: string): Promise<PageExtras> => {
    const loaded = currentSession(res);
    const cloud = currentCloud(res);
    const bootstrap: Bootstrap = {
      ...(cloud.label ? { cloud: cloud.name } : {}),
      session: null,
      capabilities: null,
      websso: cloud.websso.map(({ id, label }) => ({ id, label })),
    };
    const url = new URL(req.originalUrl, 'http://page');
    let listPath: string | undefined;
    if (loaded) {
      bootstrap.session = toSessionView(loaded.record, deps.idleMs, cloud.label);
      try {
        bootstrap.capabilities = await deps.capabilities(loaded.record);
      } catch (error) {
        // The SPA asks `/api/capabilities` itself, and shows that call's error if it fails again.
        req.log?.warn({ err: error }, 'capabilities for the page bootstrap failed');
      }
      if (bootstrap.capabilities) listPath = firstListCall(url, bootstrap.capabilities);
    }
    const json = `<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}" nonce="${htmlAttribute(nonce)}">${scriptSafeJson(bootstrap)}</script>`;
    const preloads = (drawn: boolean) => routePreloads(manifest(), url.pathname, loaded !== undefined, { drawn });
    const { session, capabilities } = bootstrap;
    if (!listPath || !loaded || !session || !capabilities) return { head: json + preloads(false) };

    const render = await deps.renderer.current();
    // Drawing takes the BFF's CPU: past a few pages at once, the app draws the others itself.
    if (!render || drawing >= MAX_DRAWING) {
      // The data first: of everything the page needs, the list call takes longest upstream.
      const list = `<link rel="preload" as="fetch" href="${htmlAttribute(listPath)}" crossorigin>`;
      return { head: json + list + preloads(false) };
    }
    drawing += 1;
    const input = { req, record: loaded.record, session, capabilities, listPath, nonce: htmlAttribute(nonce) };
    const drawn = firstPaint(render, input, req.log).finally(() => {
      drawing -= 1;
    });
    return { head: json + preloads(true), firstPaint: drawn };
  };
}
