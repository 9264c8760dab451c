import type { CatalogService } from '@cinder-console/cinder';

/**
 * Cinder registers under several service types depending on the cloud's age and installer.
 * Preferred first: `volumev3` and `block-storage` (current), `volume` (some installers), then
 * `volumev2` for clouds that still serve only the v2 API.
 */
export const VOLUME_SERVICE_TYPES = ['volumev3', 'block-storage', 'volume', 'volumev2'] as const;

export interface SelectedEndpoint {
  type: string;
  url: string;
  region: string | null;
}

/** The first endpoint, by preference of service type, that matches the interface and (if given) the region. */
export function selectEndpoint(
  catalog: CatalogService[],
  types: readonly string[],
  iface: string,
  region: string | undefined,
): SelectedEndpoint | undefined {
  for (const type of types) {
    for (const service of catalog.filter((s) => s.type === type)) {
      const endpoint = service.endpoints.find(
        (e) => e.interface === iface && (region === undefined || (e.region_id ?? e.region) === region),
      );
      if (endpoint)
        return { type, url: endpoint.url.replace(/\/+$/, ''), region: endpoint.region_id ?? endpoint.region ?? null };
    }
  }
  return undefined;
}

/** Every region named in the catalog, for the region switcher. */
export function catalogRegions(catalog: CatalogService[]): string[] {
  const regions = new Set<string>();
  for (const service of catalog) {
    for (const endpoint of service.endpoints) {
      const region = endpoint.region_id ?? endpoint.region;
      if (region) regions.add(region);
    }
  }
  return [...regions].sort();
}
