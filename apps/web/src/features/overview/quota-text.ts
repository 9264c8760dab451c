import type { QuotaUsage } from '@cinder-console/cinder';
import type { i18n as I18n, TFunction } from 'i18next';
import { usedOf } from './quota-figures';

/**
 * A quota's usage in words: "3 of 10", "3,433 GiB of 50,000 GiB", "3 (no limit)", with numbers
 * grouped the way the interface language writes them. Reserved counts as used.
 */
export function describeUsage(t: TFunction, i18n: I18n, usage: QuotaUsage, gigabytes: boolean): string {
  const number = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en');
  const used = number.format(usedOf(usage));
  if (usage.limit < 0)
    return gigabytes ? t('overview.quota.unlimitedGib', { used }) : t('overview.quota.unlimited', { used });
  const limit = number.format(usage.limit);
  return gigabytes ? t('overview.quota.usedOfGib', { used, limit }) : t('overview.quota.usedOf', { used, limit });
}
