import { statusClass, type StatusClass } from '@cinder-console/cinder';
import { Badge, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<StatusClass, string> = { stable: 'teal', transitional: 'blue', error: 'red' };

/**
 * A status as a coloured badge: green at rest, blue with a spinner while it changes, red on error.
 * Statuses are translated when known and shown as the cloud sent them otherwise.
 */
export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const kind = statusClass(status);
  const label = t(`status.values.${status}`, { defaultValue: status });
  return (
    <Badge
      color={COLORS[kind]}
      variant="light"
      leftSection={kind === 'transitional' ? <Loader size={10} color="blue" aria-hidden /> : undefined}
      aria-label={kind === 'transitional' ? t('status.transitional', { status: label }) : label}
      data-status={status}
    >
      {label}
    </Badge>
  );
}
