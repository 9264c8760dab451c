import type { QueryClient } from '@tanstack/react-query';
import type { Snapshot } from '@cinder-console/cinder';
import { Stack } from '@mantine/core';
import { GatedButton } from '../../components/gated-button';
import { PageHeader } from '../../components/page-header';
import { useWriteGate } from '../../lib/action-gate';
import { useTranslation } from 'react-i18next';
import { NameFilter, ResourceList, SelectFilter } from '../../components/resource-table';
import { useRestorableDialogOpener } from '../../lib/open-dialog';
import { prefetchFirstPage, useResourceList } from '../../lib/use-resource-list';
import {
  AllProjectsFilters,
  stringField,
  useProjectAwareColumns,
  type ProjectFields,
} from '../../resources/repair/all-projects';
import { SNAPSHOT_STATUSES, snapshotListSpec } from '../../resources/snapshots/api';
import { CREATE_SNAPSHOT_DRAFT, CreateSnapshotForm } from '../../resources/snapshots/dialogs/create-snapshot-dialog';
import { displayName } from '../../lib/display-name';
import { BulkDeleteButton } from './bulk-delete-button';
import { snapshotColumns } from './snapshot-columns';
import { VolumeFilter } from '../../resources/volumes/volume-names';

const PROJECT_FIELDS: ProjectFields<Snapshot> = { project: stringField('os-extended-snapshot-attributes:project_id') };

/** The project's snapshots: filter, sort, page and export them, create one, act on one or several. */
function SnapshotsPage() {
  const { t } = useTranslation();
  const write = useWriteGate();
  const list = useResourceList(snapshotListSpec);
  const { controls, page, abilities } = list;
  const { columns, projectNames } = useProjectAwareColumns(controls, snapshotColumns, PROJECT_FIELDS);
  const openCreate = useRestorableDialogOpener(
    CREATE_SNAPSHOT_DRAFT,
    t('snapshots.create.title'),
    (close, restored) => <CreateSnapshotForm close={close} restored={restored} />,
    'lg',
  );
  const statusOptions = SNAPSHOT_STATUSES.map((status) => ({
    value: status,
    label: t(`status.values.${status}`, { defaultValue: status }),
  }));
  const filtered = Object.keys(controls.view.filters).length > 0;
  return (
    <Stack gap="md">
      <PageHeader title={t('snapshots.title')}>
        <GatedButton gate={write} onClick={openCreate}>
          {t('snapshots.actions.create')}
        </GatedButton>
      </PageHeader>
      <ResourceList
        label={t('snapshots.title')}
        list={list}
        columns={columns}
        getRowLabel={displayName}
        errorTitle={t('table.loadFailed', { what: t('snapshots.what') })}
        emptyMessage={filtered ? t('snapshots.noMatch') : t('snapshots.empty')}
        exportFileName="snapshots.csv"
        filters={
          <>
            <NameFilter controls={controls} exact={page.data?.nameMatch === 'exact'} />
            <SelectFilter
              controls={controls}
              filterKey="status"
              label={t('snapshots.columns.status')}
              options={statusOptions}
            />
            <VolumeFilter controls={controls} label={t('snapshots.filters.volume')} />
            {abilities?.admin && <AllProjectsFilters controls={controls} projectNames={projectNames} />}
          </>
        }
        bulkActions={(selected: Snapshot[], clearSelection) => (
          <BulkDeleteButton selected={selected} onDeleted={clearSelection} />
        )}
      />
    </Stack>
  );
}

export default SnapshotsPage;

/** Starts the first page of the list ahead of a click on a link here (app/route-modules.ts). */
export const prefetch = (queryClient: QueryClient, search?: string) =>
  prefetchFirstPage(queryClient, snapshotListSpec, search);
