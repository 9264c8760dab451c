import type { EmulatorContext } from '../context.js';
import type { CinderState } from './state.js';

/** One region's Cinder: its state and where it is mounted (`/volume`, or `/<region>/volume`). */
export interface CinderService {
  ctx: EmulatorContext;
  state: CinderState;
  region: string;
  basePath: string;
}

/** `http://host:port/volume` (no version segment). */
export function serviceUrl(service: CinderService): string {
  return `${service.ctx.publicUrl}${service.basePath}`;
}

/** The API version segment of links: `v2` on a v2-only cloud, else `v3`. */
function versionSegment(service: CinderService): string {
  return service.ctx.v2Only ? 'v2' : 'v3';
}

/** Per-item `links`: `self` with the version, `bookmark` without it, as Cinder's ViewBuilder makes them. */
export function itemLinks(service: CinderService, projectId: string, collection: string, id: string) {
  const base = serviceUrl(service);
  return [
    { rel: 'self', href: `${base}/${versionSegment(service)}/${projectId}/${collection}/${id}` },
    { rel: 'bookmark', href: `${base}/${projectId}/${collection}/${id}` },
  ];
}

/** Where next links of a listing point: `…/v3`, plus the project when the request URL named it. */
export function listingPrefix(service: CinderService, urlProjectId: string | undefined): string {
  return `${serviceUrl(service)}/${versionSegment(service)}${urlProjectId ? `/${urlProjectId}` : ''}`;
}

/**
 * Links as `ViewBuilder._get_links` really builds them: under the project named in the request URL
 * (none for a project-less URL), not the resource's own project. An admin reading another
 * project's transfer, or the project accepting one, gets links under its own project.
 */
export function requestLinks(service: CinderService, urlProjectId: string | undefined, collection: string, id: string) {
  const base = serviceUrl(service);
  const project = urlProjectId ? `/${urlProjectId}` : '';
  return [
    { rel: 'self', href: `${base}/${versionSegment(service)}${project}/${collection}/${id}` },
    { rel: 'bookmark', href: `${base}${project}/${collection}/${id}` },
  ];
}
