import { Anchor, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/error-alert';
import { AuditTable } from '../../resources/audit/audit-table';
import { auditListQueries } from '../../resources/audit/api';
import { RECENT_ACTIVITY } from '../../resources/overview/api';

/** Recent changes made through the console in this project. */
export function ActivitySection() {
  const { t } = useTranslation();
  const activity = useQuery(auditListQueries.recent(RECENT_ACTIVITY));
  return (
    <Stack gap="sm" component="section" aria-labelledby="overview-activity">
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={2} size="h4" id="overview-activity">
            {t('overview.activity.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('overview.activity.hint')}
          </Text>
        </div>
        <Anchor component={Link} to="/audit" size="sm">
          {t('overview.activity.viewAll')}
        </Anchor>
      </Group>
      {activity.isPending && <Skeleton height={120} />}
      {activity.error && (
        <ErrorAlert
          error={activity.error}
          title={t('overview.activity.loadFailed')}
          onRetry={() => void activity.refetch()}
        />
      )}
      {activity.data?.length === 0 && <Text size="sm">{t('overview.activity.empty')}</Text>}
      {activity.data && activity.data.length > 0 && (
        <AuditTable entries={activity.data} label={t('overview.activity.title')} compact />
      )}
    </Stack>
  );
}
