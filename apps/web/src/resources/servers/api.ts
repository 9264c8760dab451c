import { serverListSchema, type VolumeAttachRequest } from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson, apiVoid } from '../../lib/api-client';

const attachmentPath = (serverId: string) => `/api/nova/servers/${encodeURIComponent(serverId)}/os-volume_attachments`;

const attachedSchema = z
  .object({
    volumeAttachment: z.object({ volumeId: z.string(), device: z.string().nullable().optional() }).passthrough(),
  })
  .passthrough();

/** The project's servers (Nova, through the BFF), to pick one and to name attachments. */
export const serverQueries = {
  list: () =>
    queryOptions({
      queryKey: ['servers', 'list'],
      queryFn: async ({ signal }) => (await apiJson('/api/nova/servers', serverListSchema, { signal })).servers,
      staleTime: 60_000,
    }),
};

/** Attach and detach go through Nova, which drives Cinder's attachment of the volume. */
export const serverCalls = {
  attach: (serverId: string, body: VolumeAttachRequest) =>
    apiJson(attachmentPath(serverId), attachedSchema, { method: 'POST', body }),
  detach: (serverId: string, volumeId: string) =>
    apiVoid(`${attachmentPath(serverId)}/${encodeURIComponent(volumeId)}`, { method: 'DELETE' }),
};
