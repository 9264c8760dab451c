import '@mantine/charts/styles.css';
import { Button, Stack } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { useTranslation } from 'react-i18next';
import { RequireAdmin } from '../../components/require-admin';
import { openDialog } from '../../lib/open-dialog';
import { ImportBackupRecordForm } from '../../resources/storage/dialogs/backup-record-dialogs';
import { ManageableSection } from './manageable-section';
import { PoolsSection } from './pools-section';
import { ServicesSection } from './services-section';

/**
 * The admin's view of the storage behind Cinder (Skyline's "Storage backends", Horizon's System
 * Information): services, pools and their capacity, storage to bring under management, and the
 * import of backup records. A page of its own chunk: the chart library loads only here.
 */
function StoragePage() {
  const { t } = useTranslation();
  return (
    <RequireAdmin title={t('storage.title')}>
      <Stack gap="lg">
        <PageHeader title={t('storage.title')}>
          <Button
            variant="default"
            onClick={() =>
              openDialog(
                t('storage.backupRecord.importTitle'),
                (close) => <ImportBackupRecordForm close={close} />,
                'lg',
              )
            }
          >
            {t('storage.backupRecord.importTitle')}
          </Button>
        </PageHeader>
        <ServicesSection />
        <PoolsSection />
        <ManageableSection />
      </Stack>
    </RequireAdmin>
  );
}

export default StoragePage;
