import type { Bootstrap, Capabilities } from '@cinder-console/cinder';
import { BOOTSTRAP_ELEMENT_ID } from '@cinder-console/cinder';
import type { Request, Response } from 'express';
import type { CapabilitiesOf } from './capabilities.js';
import { buildManifest, routePreloads } from './route-preloads.js';
import { currentCloud } from './cloud/directory.js';
import { htmlAttribute } from './html-escape.js';
import { currentSession } from './session/middleware.js';
import { toSessionView } from './session/session.js';

/**
 * The first list call of each list page in its default view (no filter, order or marker in the
 * address), exactly as the SPA makes it (apps/web/src/lib/cinder-list.ts `buildQuery`): only the
 * same URL lets the browser hand the preloaded answer to the SPA's fetch. A page opened with a
 * filter or a marker gets no preload and loads its list when its code runs.
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

/** The API path the page at `url` asks for first, when the BFF can tell; undefined otherwise. */
export function firstListCall(url: URL, capabilities: Capabilities): string | undefined {
  const page = FIRST_LISTS[url.pathname.replace(/\/+$/, '')];
  if (!page || (page.adminOnly && !capabilities.admin)) return undefined;
  if (!page.paged) return url.search ? undefined : page.path;
  if ([...url.searchParams.keys()].some((key) => !PRESENTATION_ONLY.has(key))) return undefined;
  const size = url.searchParams.get('size') ?? DEFAULT_PAGE_SIZE;
  const query = new URLSearchParams({ limit: PAGE_SIZES.includes(size) ? size : DEFAULT_PAGE_SIZE });
  if (capabilities.features.withCount) query.set('with_count', 'true');
  return `${page.path}?${query}`;
}

/** JSON that is safe inside `<script>`: nothing in it can close the element or open a comment. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * What `index.html` carries for this request, written into its `<head>`: the bootstrap as inline
 * JSON (a data block, which the CSP never runs; it carries the response's nonce all the same), and
 * for a list page, a `preload` of its first list call, so that call is on the wire while the
 * scripts still download (the SPA's own fetch of the same URL receives the preloaded answer); and
 * `modulepreload`s of the page's code (route-preloads.ts).
 */
export function bootstrapper(deps: { capabilities: CapabilitiesOf; idleMs: number; staticDir: string }) {
  const manifest = buildManifest(deps.staticDir);
  return async (req: Request, res: Response, nonce: string): Promise<string> => {
    const loaded = currentSession(res);
    const cloud = currentCloud(res);
    const bootstrap: Bootstrap = {
      ...(cloud.label ? { cloud: cloud.name } : {}),
      session: null,
      capabilities: null,
      websso: cloud.websso.map(({ id, label }) => ({ id, label })),
    };
    let preload: string | undefined;
    if (loaded) {
      bootstrap.session = toSessionView(loaded.record, deps.idleMs, cloud.label);
      try {
        bootstrap.capabilities = await deps.capabilities(loaded.record);
      } catch (error) {
        // The SPA asks `/api/capabilities` itself, and shows that call's error if it fails again.
        req.log?.warn({ err: error }, 'capabilities for the page bootstrap failed');
      }
      if (bootstrap.capabilities)
        preload = firstListCall(new URL(req.originalUrl, 'http://page'), bootstrap.capabilities);
    }
    const json = `<script type="application/json" id="${BOOTSTRAP_ELEMENT_ID}" nonce="${htmlAttribute(nonce)}">${scriptSafeJson(bootstrap)}</script>`;
    // The data first: of everything the page needs, the list call takes longest upstream.
    const list = preload ? `<link rel="preload" as="fetch" href="${htmlAttribute(preload)}" crossorigin>` : '';
    return (
      json + list + routePreloads(manifest(), new URL(req.originalUrl, 'http://page').pathname, loaded !== undefined)
    );
  };
}
