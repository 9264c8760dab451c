import { Anchor, Group, Paper, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/error-alert';
import { StatusBadge } from '../../components/status-badge';
import { overviewQueries, type CountedKind } from '../../resources/overview/api';
import classes from './overview.module.css';

/** Where each kind's list lives; `?status=` filters it. */
const LIST_PATH: Record<CountedKind, string> = { volumes: '/volumes', snapshots: '/snapshots', backups: '/backups' };

/** One kind's resources by status, each status a link to the list filtered to it. */
export function StatusCountsCard({ kind, title, withCount }: { kind: CountedKind; title: string; withCount: boolean }) {
  const { t } = useTranslation();
  const counts = useQuery(overviewQueries.statusCounts(kind, withCount));
  const headingId = `overview-counts-${kind}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="nowrap">
          <Title order={3} size="h5" id={headingId}>
            <Anchor component={Link} to={LIST_PATH[kind]} inherit>
              {title}
            </Anchor>
          </Title>
          {counts.data && (
            <Text size="xl" fw={700}>
              <VisuallyHidden>{t('overview.counts.total')}</VisuallyHidden>
              {counts.data.partial ? t('overview.counts.atLeast', { count: counts.data.total }) : counts.data.total}
            </Text>
          )}
        </Group>
        {counts.isPending && <Skeleton height={60} />}
        {counts.error && (
          <ErrorAlert
            error={counts.error}
            title={t('overview.counts.loadFailed')}
            onRetry={() => void counts.refetch()}
          />
        )}
        {counts.data?.total === 0 && (
          <Text size="sm" c="dimmed">
            {t('overview.counts.none')}
          </Text>
        )}
        {counts.data && counts.data.byStatus.length > 0 && (
          <Stack gap={6} component="ul" className={classes.plainList}>
            {counts.data.byStatus.map(({ status, count }) => (
              <Group key={status} component="li" justify="space-between" wrap="nowrap" gap="xs">
                <Anchor
                  component={Link}
                  to={`${LIST_PATH[kind]}?status=${encodeURIComponent(status)}`}
                  aria-label={t('overview.counts.showStatus', {
                    count,
                    status: t(`status.values.${status}`, { defaultValue: status }),
                  })}
                >
                  <StatusBadge status={status} />
                </Anchor>
                <Text size="sm" fw={600} aria-hidden>
                  {count}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
