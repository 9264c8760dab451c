import { createHash } from 'node:crypto';
import type { EmulatorContext } from '../context.js';

const INTERFACES = ['public', 'internal', 'admin'] as const;

/** Stable ids derived from the service and interface, so a catalog looks the same on every call. */
function stableId(...parts: string[]): string {
  return createHash('md5').update(parts.join('/')).digest('hex');
}

interface CatalogEntry {
  type: string;
  name: string;
  /** The URL of the service in each region. */
  urls: Array<[region: string, url: string]>;
}

function render(entry: CatalogEntry) {
  return {
    endpoints: entry.urls.flatMap(([region, url]) =>
      INTERFACES.map((iface) => ({
        id: stableId(entry.type, region, iface),
        interface: iface,
        region_id: region,
        url,
        region,
      })),
    ),
    id: stableId(entry.type),
    type: entry.type,
    name: entry.name,
  };
}

/**
 * The service catalog of a token. Like devstack, the services share one host and differ by path;
 * each region has its own Cinder, registered twice (`volumev3` and `block-storage`) as real
 * deployments do, and `volumev2` when the v2 API is on. Glance and Keystone serve every region.
 */
export function buildCatalog(ctx: EmulatorContext, projectId: string | undefined) {
  const regions = [...ctx.regions.keys()];
  const everywhere = (url: string): Array<[string, string]> => regions.map((region) => [region, url]);
  const entries: CatalogEntry[] = [{ type: 'identity', name: 'keystone', urls: everywhere(ctx.identityUrl) }];
  if (projectId) {
    const volume = (version: string): Array<[string, string]> =>
      regions.map((region) => [region, `${ctx.publicUrl}${ctx.volumeBasePath(region)}/${version}/${projectId}`]);
    if (!ctx.v2Only) {
      entries.push({ type: 'volumev3', name: 'cinderv3', urls: volume('v3') });
      entries.push({ type: 'block-storage', name: 'cinder', urls: volume('v3') });
    }
    if (ctx.v2 || ctx.profile === 'huawei-evs')
      entries.push({ type: 'volumev2', name: 'cinderv2', urls: volume('v2') });
    entries.push({ type: 'image', name: 'glance', urls: everywhere(ctx.imageUrl) });
    entries.push({ type: 'compute', name: 'nova', urls: everywhere(ctx.computeUrl) });
  }
  return entries.map(render);
}
