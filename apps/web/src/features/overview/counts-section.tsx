import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CloudAbilities } from '../../lib/capabilities';
import { StatusCountsCard } from './status-counts-card';

/** Volumes, snapshots and backups by status; backups only where the cloud offers them. */
export function CountsSection({ abilities }: { abilities: CloudAbilities }) {
  const { t } = useTranslation();
  const withCount = abilities.features.withCount;
  return (
    <Stack gap="sm" component="section" aria-labelledby="overview-counts">
      <Title order={2} size="h4" id="overview-counts">
        {t('overview.counts.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <StatusCountsCard kind="volumes" title={t('nav.volumes')} withCount={withCount} />
        <StatusCountsCard kind="snapshots" title={t('nav.snapshots')} withCount={withCount} />
        {abilities.features.backupService && (
          <StatusCountsCard kind="backups" title={t('nav.backups')} withCount={withCount} />
        )}
      </SimpleGrid>
    </Stack>
  );
}
