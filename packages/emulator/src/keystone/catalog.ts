import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../context.js';

const INTERFACES = ['public', 'internal', 'admin'] as const;

/** Stable ids derived from the service and interface, so a catalog looks the same on every call. */
function stableId(...parts: string[]): string {
  return createHash('md5').update(parts.join('/')).digest('hex');
}

function service(ctx: EmulatorContext, type: string, name: string, url: string) {
  return {
    endpoints: INTERFACES.map((iface) => ({
      id: stableId(type, iface),
      interface: iface,
      region_id: ctx.region,
      url,
      region: ctx.region,
    })),
    id: stableId(type),
    type,
    name,
  };
}

/**
 * The service catalog of a token. Like devstack, the services share one host and differ by path;
 * Cinder is registered twice (`volumev3` and `block-storage`) as real deployments do.
 */
export function buildCatalog(ctx: EmulatorContext, projectId: string | undefined) {
  const catalog = [service(ctx, 'identity', 'keystone', ctx.identityUrl)];
  if (projectId) {
    catalog.push(service(ctx, 'volumev3', 'cinderv3', ctx.volumeUrl(projectId)));
    catalog.push(service(ctx, 'block-storage', 'cinder', ctx.volumeUrl(projectId)));
  }
  return catalog;
}
