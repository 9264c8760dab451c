import {
  availabilityZonesSchema,
  imageListSchema,
  quotaUsageSetSchema,
  quotaUsages,
  userMessagesSchema,
  volumeTypesSchema,
} from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { apiJson } from '../../lib/api-client';
import { changeFollowerKeys } from '../../lib/query-keys';
import { volumeTypeQueries } from '../volume-types/api';

/**
 * What the project offers around its volumes: zones, types, images, quotas and the user messages
 * that explain asynchronous failures. Quotas follow changes (`changeFollowerKeys`), so any live change refreshes them.
 */
export const projectQueries = {
  availabilityZones: () =>
    queryOptions({
      queryKey: ['availability-zones'] as const,
      queryFn: ({ signal }) => apiJson('/api/cinder/os-availability-zone', availabilityZonesSchema, { signal }),
      select: (body) => body.availabilityZoneInfo.filter((zone) => zone.zoneState.available).map((z) => z.zoneName),
      staleTime: 5 * 60_000,
    }),
  volumeTypes: () =>
    queryOptions({
      // Among the volume types' queries, so that an admin's change to types refreshes the pickers.
      queryKey: [...volumeTypeQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => apiJson('/api/cinder/types', volumeTypesSchema, { signal }),
      select: (body) => body.volume_types,
      staleTime: 5 * 60_000,
    }),
  images: () =>
    queryOptions({
      queryKey: ['images', 'active'] as const,
      queryFn: ({ signal }) => apiJson('/api/glance/v2/images?status=active&limit=200', imageListSchema, { signal }),
      select: (body) => body.images,
      staleTime: 60_000,
    }),
  quotas: (projectId: string) =>
    queryOptions({
      queryKey: changeFollowerKeys.quotas(projectId),
      queryFn: ({ signal }) =>
        apiJson(`/api/cinder/os-quota-sets/${encodeURIComponent(projectId)}?usage=true`, quotaUsageSetSchema, {
          signal,
        }),
      select: quotaUsages,
    }),
  messagesFor: (resourceId: string) =>
    queryOptions({
      queryKey: ['messages', resourceId] as const,
      queryFn: ({ signal }) =>
        apiJson(`/api/cinder/messages?resource_uuid=${encodeURIComponent(resourceId)}`, userMessagesSchema, {
          signal,
        }),
      select: (body) => body.messages,
    }),
};
