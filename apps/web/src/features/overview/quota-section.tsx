import { Paper, SimpleGrid, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { projectQueries } from '../../resources/project/api';
import { PROJECT_QUOTAS, quotasByType } from './quota-figures';
import { TypeQuotasTable } from './type-quotas-table';
import { UsageMeter } from './usage-meter';

/** The project's quota usage: the project-wide quotas as bars, the per-type ones as a table. */
export function QuotaSection({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const quotas = useQuery(projectQueries.quotas(projectId));
  const types = quotas.data ? quotasByType(quotas.data) : [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="overview-quotas">
      <Title order={2} size="h4" id="overview-quotas">
        {t('overview.quota.title')}
      </Title>
      {quotas.error ? (
        <ErrorAlert error={quotas.error} title={t('overview.quota.loadFailed')} onRetry={() => void quotas.refetch()} />
      ) : (
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" verticalSpacing="md">
            {PROJECT_QUOTAS.map(({ key, labelKey, gigabytes }) => {
              const usage = quotas.data?.[key];
              if (quotas.isPending) return <Skeleton key={key} height={44} />;
              return usage ? <UsageMeter key={key} label={t(labelKey)} usage={usage} gigabytes={gigabytes} /> : null;
            })}
          </SimpleGrid>
        </Paper>
      )}
      {types.length > 0 && (
        <>
          <Title order={3} size="h5">
            {t('overview.quota.byType')}
          </Title>
          <TypeQuotasTable types={types} />
        </>
      )}
    </Stack>
  );
}
