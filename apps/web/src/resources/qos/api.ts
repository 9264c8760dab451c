import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson, apiVoid } from '../../lib/api-client';
import { adminKeyRoots } from '../../lib/query-keys';

export const QOS_CONSUMERS = ['back-end', 'front-end', 'both'] as const;
/** Keys most back ends and the hypervisor understand. */
export const QOS_KEYS = [
  'total_iops_sec',
  'read_iops_sec',
  'write_iops_sec',
  'total_bytes_sec',
  'read_bytes_sec',
  'write_bytes_sec',
] as const;

export type QosConsumer = (typeof QOS_CONSUMERS)[number];

const qosSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  consumer: z.string(),
  specs: z.record(z.string(), z.string()).nullable().optional(),
});
export type QosSpecs = z.infer<typeof qosSchema>;
const qosListSchema = z.object({ qos_specs: z.array(qosSchema) });
const qosBodySchema = z.object({ qos_specs: qosSchema });
const associationsSchema = z.object({
  qos_associations: z.array(z.looseObject({ association_type: z.string(), name: z.string(), id: z.string() })),
});

const qosPath = (id: string) => `/api/cinder/qos-specs/${encodeURIComponent(id)}`;

const QOS = adminKeyRoots.qosSpecs;

/** QoS specs (admin only). */
export const qosQueries = {
  list: () =>
    queryOptions({
      queryKey: [...QOS, 'list'] as const,
      queryFn: ({ signal }) => apiJson('/api/cinder/qos-specs', qosListSchema, { signal }),
      select: (body) => body.qos_specs,
    }),
  associations: (id: string) =>
    queryOptions({
      queryKey: [...QOS, 'associations', id] as const,
      queryFn: ({ signal }) => apiJson(`${qosPath(id)}/associations`, associationsSchema, { signal }),
      select: (body) => body.qos_associations,
    }),
};

export const qosCalls = {
  create: (name: string, consumer: QosConsumer, specs: Record<string, string>) =>
    apiJson('/api/cinder/qos-specs', qosBodySchema, {
      method: 'POST',
      body: { qos_specs: { ...specs, name, consumer } },
    }),
  setKeys: (id: string, specs: Record<string, string>) =>
    apiVoid(qosPath(id), { method: 'PUT', body: { qos_specs: specs } }),
  deleteKeys: (id: string, keys: string[]) => apiVoid(`${qosPath(id)}/delete_keys`, { method: 'PUT', body: { keys } }),
  remove: (id: string, force: boolean) => apiVoid(`${qosPath(id)}${force ? '?force=True' : ''}`, { method: 'DELETE' }),
  associate: (id: string, typeId: string) =>
    apiVoid(`${qosPath(id)}/associate?vol_type_id=${encodeURIComponent(typeId)}`),
  disassociate: (id: string, typeId: string) =>
    apiVoid(`${qosPath(id)}/disassociate?vol_type_id=${encodeURIComponent(typeId)}`),
};
