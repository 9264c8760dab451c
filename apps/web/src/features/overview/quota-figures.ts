import type { QuotaUsage } from '@cinder-console/cinder';

/** The project-wide quotas the overview shows, with the catalogue key of their name. */
export const PROJECT_QUOTAS = [
  { key: 'volumes', labelKey: 'quota.names.volumes', gigabytes: false },
  { key: 'gigabytes', labelKey: 'quota.names.gigabytes', gigabytes: true },
  { key: 'snapshots', labelKey: 'quota.names.snapshots', gigabytes: false },
  { key: 'backups', labelKey: 'quota.names.backups', gigabytes: false },
  { key: 'backup_gigabytes', labelKey: 'quota.names.backupGigabytes', gigabytes: true },
] as const;

/** What counts against a quota: in use plus reserved by requests under way. */
export const usedOf = (usage: QuotaUsage) => usage.in_use + (usage.reserved ?? 0);

/** Share of the limit used, 0–100; 0 for unlimited (-1) quotas, 100 for a zero limit. */
export function percentUsed(usage: QuotaUsage): number {
  if (usage.limit < 0) return 0;
  if (usage.limit === 0) return 100;
  return Math.min(100, (usedOf(usage) / usage.limit) * 100);
}

/** Whether the quota leaves no room for one more. */
export const isFull = (usage: QuotaUsage) => usage.limit >= 0 && usedOf(usage) >= usage.limit;

export interface TypeQuotas {
  type: string;
  volumes?: QuotaUsage | undefined;
  gigabytes?: QuotaUsage | undefined;
  snapshots?: QuotaUsage | undefined;
}

const PER_TYPE = /^(volumes|gigabytes|snapshots)_(.+)$/;

/**
 * The per-volume-type quotas (`volumes_<type>`, `gigabytes_<type>`, `snapshots_<type>`), one entry
 * per type, by name. `backup_gigabytes` and `per_volume_gigabytes` do not match: they start otherwise.
 */
export function quotasByType(usages: Record<string, QuotaUsage>): TypeQuotas[] {
  const byType = new Map<string, TypeQuotas>();
  for (const [key, usage] of Object.entries(usages)) {
    const match = PER_TYPE.exec(key);
    if (!match) continue;
    const [, resource, type] = match as unknown as [string, 'volumes' | 'gigabytes' | 'snapshots', string];
    const entry = byType.get(type) ?? { type };
    entry[resource] = usage;
    byType.set(type, entry);
  }
  return [...byType.values()].sort((a, b) => a.type.localeCompare(b.type));
}
