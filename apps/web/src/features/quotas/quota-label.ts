import type { TFunction } from 'i18next';

const PER_TYPE = /^(volumes|gigabytes|snapshots)_(.+)$/;
const GENERAL = new Set([
  'volumes',
  'gigabytes',
  'snapshots',
  'backups',
  'backup_gigabytes',
  'per_volume_gigabytes',
  'groups',
]);

/** A quota's name in the user's language: "Gigabytes", "Volumes of type ssd"; unknown keys as Cinder names them. */
export function quotaLabel(t: TFunction, key: string): string {
  if (GENERAL.has(key)) return t(`quotas.names.${key}`);
  const match = PER_TYPE.exec(key);
  if (match) return t(`quotas.names.ofType.${match[1]}`, { type: match[2] });
  return key;
}
