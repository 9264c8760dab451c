import type { QueryClient } from '@tanstack/react-query';
import type { Backup } from '@cinder-console/cinder';
import { Stack } from '@mantine/core';
import { DeleteSelectedButton, GatedButton } from '../../components/gated-button';
import { PageHeader } from '../../components/page-header';
import { useWriteGate } from '../../lib/action-gate';
import { useTranslation } from 'react-i18next';
import { ResourceList } from '../../components/resource-table';
import { openDialog, useRestorableDialogOpener } from '../../lib/open-dialog';
import { prefetchFirstPage, useResourceList } from '../../lib/use-resource-list';
import { backupListSpec } from '../../resources/backups/api';
import {
  AllProjectsFilters,
  stringField,
  useProjectAwareColumns,
  type ProjectFields,
} from '../../resources/repair/all-projects';
import { CREATE_BACKUP_DRAFT, CreateBackupForm } from '../../resources/backups/dialogs/create-backup-dialog';
import { DeleteBackupsForm } from '../../resources/backups/dialogs/delete-backups-dialog';
import { displayName } from '../../lib/display-name';
import { BackupRowActions } from './backup-action-menu';
import { backupColumns } from './backup-columns';
import { BackupFilters } from './backup-filters';

const PROJECT_FIELDS: ProjectFields<Backup> = {
  project: stringField('os-backup-project-attr:project_id', 'project_id'),
};

/** The project's backups: filter, sort, export, restore, create volumes from them, delete. */
function BackupsPage() {
  const { t } = useTranslation();
  const write = useWriteGate();
  const list = useResourceList(backupListSpec);
  const admin = list.abilities?.admin === true;
  const { columns, projectNames } = useProjectAwareColumns(list.controls, backupColumns, PROJECT_FIELDS);
  const filtered = Object.keys(list.controls.view.filters).length > 0;
  const openCreate = useRestorableDialogOpener(CREATE_BACKUP_DRAFT, t('backups.dialogs.create'), (close, restored) => (
    <CreateBackupForm close={close} restored={restored} />
  ));
  const openBulkDelete = (selected: Backup[], clearSelection: () => void) =>
    openDialog(t('backups.dialogs.deleteMany', { count: selected.length }), (close) => (
      <DeleteBackupsForm backups={selected} close={close} onDeleted={clearSelection} />
    ));

  return (
    <Stack gap="md">
      <PageHeader title={t('backups.title')}>
        <GatedButton gate={write} onClick={openCreate}>
          {t('backups.actions.create')}
        </GatedButton>
      </PageHeader>
      <BackupRowActions.Provider>
        <ResourceList
          label={t('backups.title')}
          list={list}
          columns={columns}
          getRowLabel={displayName}
          errorTitle={t('table.loadFailed', { what: t('backups.what') })}
          emptyMessage={filtered ? t('backups.noMatch') : t('backups.empty')}
          exportFileName="backups.csv"
          filters={
            <>
              <BackupFilters controls={list.controls} exactName={list.page.data?.nameMatch === 'exact'} />
              {admin && <AllProjectsFilters controls={list.controls} projectNames={projectNames} />}
            </>
          }
          bulkActions={(selected, clearSelection) =>
            selected.length > 0 && (
              <DeleteSelectedButton gate={write} onClick={() => openBulkDelete(selected, clearSelection)}>
                {t('backups.actions.deleteSelected', { count: selected.length })}
              </DeleteSelectedButton>
            )
          }
        />
      </BackupRowActions.Provider>
    </Stack>
  );
}

export default BackupsPage;

/** Starts the first page of the list ahead of a click on a link here (app/route-modules.ts). */
export const prefetch = (queryClient: QueryClient, search?: string) =>
  prefetchFirstPage(queryClient, backupListSpec, search);
