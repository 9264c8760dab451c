import { volumeListSchema, type Volume } from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { apiJson } from '../../lib/api-client';

/** Cinder's largest page (`osapi_max_limit`). */
const PAGE_SIZE = 1000;

function nextMarker(links: Array<{ rel: string; href: string }> | undefined): string | undefined {
  const next = links?.find((link) => link.rel === 'next');
  return next ? (new URL(next.href).searchParams.get('marker') ?? undefined) : undefined;
}

/**
 * Every volume of the project, following Cinder's `next` links page by page. A page that adds
 * nothing new ends the walk, since Cinder also links "next" from a last page that happens to be full.
 */
async function fetchAllVolumes(signal: AbortSignal): Promise<Volume[]> {
  const volumes: Volume[] = [];
  let marker: string | undefined;
  do {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (marker) query.set('marker', marker);
    const page = await apiJson(`/api/cinder/volumes/detail?${query}`, volumeListSchema, { signal });
    volumes.push(...page.volumes);
    marker = page.volumes.length > 0 ? nextMarker(page.volumes_links) : undefined;
  } while (marker);
  return volumes;
}

export const volumeQueries = {
  all: () => ['volumes'] as const,
  list: () =>
    queryOptions({
      queryKey: [...volumeQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => fetchAllVolumes(signal),
    }),
};
