import type { QuotaUsage } from '@cinder-console/cinder';
import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * One quota as a bar: what is used, what this request would add, and the limit. Red when the
 * request would pass the limit. Unlimited quotas (-1) say so instead.
 */
export function QuotaMeter({ label, usage, adding = 0 }: { label: string; usage: QuotaUsage; adding?: number }) {
  const { t } = useTranslation();
  const used = usage.in_use + (usage.reserved ?? 0);
  const unlimited = usage.limit < 0;
  const over = !unlimited && used + adding > usage.limit;
  const percent = (value: number) => (unlimited || usage.limit === 0 ? 0 : Math.min(100, (value / usage.limit) * 100));
  const text = unlimited
    ? t('quota.unlimitedUsage', { used, adding })
    : t('quota.usage', { used, adding, limit: usage.limit });
  return (
    <Stack gap={2}>
      <Text size="xs" c={over ? 'red' : undefined} fw={over ? 600 : undefined}>
        {label}: {text}
      </Text>
      <Progress.Root size="sm" aria-label={`${label}: ${text}`}>
        <Progress.Section value={percent(used)} color="gray" aria-label={t('quota.usedPart', { label, used })} />
        <Progress.Section
          value={percent(adding)}
          color={over ? 'red' : 'orange'}
          aria-label={t('quota.addingPart', { label, adding })}
        />
      </Progress.Root>
    </Stack>
  );
}

/** Whether adding to a quota stays within its limit. */
export function fitsQuota(usage: QuotaUsage | undefined, adding: number): boolean {
  if (!usage || usage.limit < 0) return true;
  return usage.in_use + (usage.reserved ?? 0) + adding <= usage.limit;
}
