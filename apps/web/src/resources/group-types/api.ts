import { groupTypeEnvelopeSchema, groupTypeListSchema } from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson, apiVoid } from '../../lib/api-client';
import { adminKeyRoots } from '../../lib/query-keys';

const typePath = (id: string) => `/api/cinder/group_types/${encodeURIComponent(id)}`;
const specsSchema = z.object({ group_specs: z.record(z.string(), z.string()) });

/** Group types (3.11): every one for an admin (`is_public=None`), the public ones for a member's pickers. */
const GROUP_TYPES = adminKeyRoots.groupTypes;

export const groupTypeQueries = {
  all: () => GROUP_TYPES,
  list: (everyType: boolean) =>
    queryOptions({
      queryKey: [...GROUP_TYPES, 'list', everyType] as const,
      queryFn: ({ signal }) =>
        apiJson(`/api/cinder/group_types${everyType ? '?is_public=None' : ''}`, groupTypeListSchema, { signal }),
      select: (body) => body.group_types,
    }),
};

/** The group specs Cinder itself reads (the generic group code and the replication manager). */
export const COMMON_GROUP_SPECS = [
  'consistent_group_snapshot_enabled',
  'group_replication_enabled',
  'consistent_group_replication_enabled',
] as const;

export interface GroupTypeInput {
  name: string;
  description: string | null;
  is_public: boolean;
}

export const groupTypeCalls = {
  create: (type: GroupTypeInput & { group_specs?: Record<string, string> }) =>
    apiJson('/api/cinder/group_types', groupTypeEnvelopeSchema, { method: 'POST', body: { group_type: type } }),
  update: (id: string, type: GroupTypeInput) =>
    apiJson(typePath(id), groupTypeEnvelopeSchema, { method: 'PUT', body: { group_type: type } }),
  remove: (id: string) => apiVoid(typePath(id), { method: 'DELETE' }),
  /** Adds or changes the given specs; the others stay. */
  setSpecs: (id: string, specs: Record<string, string>) =>
    apiJson(`${typePath(id)}/group_specs`, specsSchema, { method: 'POST', body: { group_specs: specs } }),
  unsetSpec: (id: string, key: string) =>
    apiVoid(`${typePath(id)}/group_specs/${encodeURIComponent(key)}`, { method: 'DELETE' }),
};
