import type { QuotaUsage } from '@cinder-console/cinder';
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isFull, percentUsed } from './quota-figures';
import { describeUsage } from './quota-text';

/** Green while there is room, orange from 80 %, red when full. */
function colorOf(percent: number): string {
  if (percent >= 100) return 'red';
  if (percent >= 80) return 'orange';
  return 'teal';
}

/** How much of one quota the project uses, as a bar and in words (reserved counts as used). */
export function UsageMeter({ label, usage, gigabytes }: { label: string; usage: QuotaUsage; gigabytes: boolean }) {
  const { t, i18n } = useTranslation();
  const text = describeUsage(t, i18n, usage, gigabytes);
  const percent = percentUsed(usage);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm" c={isFull(usage) ? 'red' : undefined} fw={isFull(usage) ? 600 : undefined}>
          {text}
        </Text>
      </Group>
      <Progress.Root size="md">
        <Progress.Section value={percent} color={colorOf(percent)} aria-label={`${label}: ${text}`} />
      </Progress.Root>
      {(usage.reserved ?? 0) > 0 && (
        <Text size="xs" c="dimmed">
          {t('overview.quota.reserved', { count: usage.reserved })}
        </Text>
      )}
    </Stack>
  );
}
