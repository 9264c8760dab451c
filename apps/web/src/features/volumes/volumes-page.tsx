import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ResourceTable } from '../../components/resource-table';
import { volumeQueries } from './api';
import { volumeColumns } from './volume-columns';

export function VolumesPage() {
  const { t, i18n } = useTranslation();
  const volumes = useQuery(volumeQueries.list());
  const language = i18n.resolvedLanguage ?? 'en';
  const columns = useMemo(() => volumeColumns(t, language), [t, language]);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('volumes.title')}
      </Title>
      <ResourceTable
        label={t('volumes.title')}
        data={volumes.data}
        columns={columns}
        getRowId={(v) => v.id}
        isLoading={volumes.isPending}
        error={volumes.error}
        errorTitle={t('table.loadFailed', { what: t('volumes.what') })}
        emptyMessage={t('volumes.empty')}
        onRetry={() => void volumes.refetch()}
      />
    </Stack>
  );
}

export default VolumesPage;
