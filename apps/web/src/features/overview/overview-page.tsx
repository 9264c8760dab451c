import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCloudAbilities } from '../../lib/capabilities';
import { useCurrentSession } from '../../lib/current-session';
import { ActivitySection } from './activity-section';
import { CountsSection } from './counts-section';
import { QuotaSection } from './quota-section';

/**
 * The project at a glance: how much of its quotas it uses, its resources by status, and what was
 * done through the console lately. Each part loads and fails on its own, one call each.
 */
function OverviewPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const abilities = useCloudAbilities();
  return (
    <Stack gap="xl">
      <div>
        <Title order={1} size="h2">
          {t('overview.title')}
        </Title>
        {session && (
          <Text size="sm" c="dimmed">
            {session.region
              ? t('overview.scopeWithRegion', { project: session.project.name, region: session.region })
              : t('overview.scope', { project: session.project.name })}
          </Text>
        )}
      </div>
      {session && <QuotaSection projectId={session.project.id} />}
      {abilities ? <CountsSection abilities={abilities} /> : <Skeleton height={160} />}
      <ActivitySection />
    </Stack>
  );
}

export default OverviewPage;
