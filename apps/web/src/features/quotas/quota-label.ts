import type { TFunction } from 'i18next';
import { GENERAL_QUOTAS, PER_TYPE_QUOTA } from '../../resources/quotas/api';

const GENERAL = new Set<string>(GENERAL_QUOTAS);

/** A quota's name in the user's language: "Gigabytes", "Volumes of type ssd"; unknown keys as Cinder names them. */
export function quotaLabel(t: TFunction, key: string): string {
  if (GENERAL.has(key)) return t(`quotas.names.${key}`);
  const match = PER_TYPE_QUOTA.exec(key);
  if (match) return t(`quotas.names.ofType.${match[1]}`, { type: match[2] });
  return key;
}
