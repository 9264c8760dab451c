import { capabilitiesSchema, supportsMinor, type Capabilities } from '@cinder-console/cinder';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiJson } from './api-client';

/** "Like" filters (`name~`) exist from 3.34; whether a member may use them is the cloud's policy. */
const LIKE_FILTER_MINOR = 34;

export const capabilitiesQuery = () =>
  queryOptions({
    queryKey: ['capabilities'] as const,
    queryFn: ({ signal }) => apiJson('/api/capabilities', capabilitiesSchema, { signal }),
    staleTime: Infinity,
  });

/** What the session's cloud can do, with the 3.x minor version in use (0 on v2). */
export interface CloudAbilities extends Capabilities {
  minor: number;
  likeFilter: boolean;
}

export function abilitiesOf(capabilities: Capabilities): CloudAbilities {
  const microversion = capabilities.volumeApi.microversion;
  const minor = microversion?.startsWith('3.') ? Number(microversion.slice(2)) : 0;
  return { ...capabilities, minor, likeFilter: supportsMinor(microversion, LIKE_FILTER_MINOR) };
}

/** The session's cloud abilities; undefined while they load. */
export function useCloudAbilities(): CloudAbilities | undefined {
  const { data } = useQuery({ ...capabilitiesQuery(), select: abilitiesOf });
  return data;
}
