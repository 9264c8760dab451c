import { quotaLimitsSchema, type QuotaUsage } from '@cinder-console/cinder';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson, apiVoid } from '../../lib/api-client';
import { changeFollowerKeys } from '../../lib/query-keys';

export { projectQueries } from '../project/api';

/** Quota limits by resource; -1 means unlimited. */
export type QuotaLimits = Record<string, number>;

/** `GET /os-quota-class-sets/default`: limits keyed by resource, plus `id`. */
const quotaClassSetSchema = z.object({
  quota_class_set: z.record(z.string(), z.union([z.number().int(), z.string(), z.null()])),
});

const limitsOf = (set: Record<string, number | string | null>): QuotaLimits =>
  Object.fromEntries(
    Object.entries(set).filter((entry): entry is [string, number] => entry[0] !== 'id' && typeof entry[1] === 'number'),
  );

/**
 * The default quotas (the `default` quota class). Kept under `overview` like the project quotas,
 * so every change refreshes everything that shows a quota.
 */
export const quotaQueries = {
  defaults: () =>
    queryOptions({
      queryKey: changeFollowerKeys.defaultQuotaClass(),
      queryFn: ({ signal }) => apiJson('/api/cinder/os-quota-class-sets/default', quotaClassSetSchema, { signal }),
      select: (body) => limitsOf(body.quota_class_set),
    }),
};

const quotaSetPath = (projectId: string) => `/api/cinder/os-quota-sets/${encodeURIComponent(projectId)}`;

export const quotaCalls = {
  update: (projectId: string, limits: QuotaLimits) =>
    apiVoid(quotaSetPath(projectId), { method: 'PUT', body: { quota_set: quotaLimitsSchema.parse(limits) } }),
  /** Cinder's DELETE drops the project's own limits: the defaults apply again. */
  revert: (projectId: string) => apiVoid(quotaSetPath(projectId), { method: 'DELETE' }),
  updateDefaults: (limits: QuotaLimits) =>
    apiVoid('/api/cinder/os-quota-class-sets/default', {
      method: 'PUT',
      body: { quota_class_set: quotaLimitsSchema.parse(limits) },
    }),
};

/** The project-wide quotas, in the order Cinder documents them. */
export const GENERAL_QUOTAS = [
  'volumes',
  'gigabytes',
  'snapshots',
  'backups',
  'backup_gigabytes',
  'per_volume_gigabytes',
  'groups',
] as const;
/** A per-type quota's key: `volumes_ssd` is the volumes of type ssd. */
export const PER_TYPE_QUOTA = /^(volumes|gigabytes|snapshots)_(.+)$/;

interface QuotaRow {
  key: string;
  usage: QuotaUsage;
}
export interface QuotaGroup {
  /** `undefined` for the project-wide group, the type's name otherwise. */
  type: string | undefined;
  rows: QuotaRow[];
}

/**
 * Quotas grouped for the table: project-wide first, then one group per volume type
 * (`volumes_<type>`, `gigabytes_<type>`, `snapshots_<type>`); anything else the cloud adds joins
 * the project-wide group.
 */
export function groupQuotas(quotas: Record<string, QuotaUsage>): QuotaGroup[] {
  const general: QuotaRow[] = [];
  const byType = new Map<string, QuotaRow[]>();
  const known = new Set<string>(GENERAL_QUOTAS);
  for (const [key, usage] of Object.entries(quotas)) {
    const match = known.has(key) ? null : PER_TYPE_QUOTA.exec(key);
    if (match) byType.set(match[2]!, [...(byType.get(match[2]!) ?? []), { key, usage }]);
    else general.push({ key, usage });
  }
  const rank = (key: string) => {
    const index = GENERAL_QUOTAS.indexOf(key as (typeof GENERAL_QUOTAS)[number]);
    return index < 0 ? GENERAL_QUOTAS.length : index;
  };
  general.sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
  const order = ['volumes', 'gigabytes', 'snapshots'];
  const types = [...byType.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, rows]) => ({
      type,
      rows: rows.sort(
        (a, b) => order.indexOf(PER_TYPE_QUOTA.exec(a.key)![1]!) - order.indexOf(PER_TYPE_QUOTA.exec(b.key)![1]!),
      ),
    }));
  return [{ type: undefined, rows: general }, ...types];
}
