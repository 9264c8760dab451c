import { VOLUME_STATUSES, type Volume } from '@cinder-console/cinder';
import { Group, Stack, VisuallyHidden } from '@mantine/core';
import { DeleteSelectedButton, GatedButton } from '../../components/gated-button';
import { PageHeader } from '../../components/page-header';
import { useWriteGate } from '../../lib/action-gate';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { NameFilter, ResourceList, SelectFilter, type ResourceColumn } from '../../components/resource-table';
import { openDialog, useRestorableDialogOpener } from '../../lib/open-dialog';
import { prefetchFirstPage, useResourceList } from '../../lib/use-resource-list';
import { projectQueries } from '../../resources/project/api';
import {
  AllProjectsFilters,
  stringField,
  useProjectAwareColumns,
  type ProjectFields,
} from '../../resources/repair/all-projects';
import { volumeListSpec } from '../../resources/volumes/api';
import { CREATE_VOLUME_DRAFT, CreateVolumeForm } from '../../resources/volumes/dialogs/create-volume-dialog';
import { DeleteVolumesForm } from '../../resources/volumes/dialogs/delete-volumes-dialog';
import { AcceptTransferForm } from '../../resources/volumes/dialogs/transfer-volume-dialog';
import { displayName } from '../../lib/display-name';
import { VolumeActionMenu, VolumeRowActions } from './volume-action-menu';
import { volumeColumns } from './volume-columns';

const PROJECT_FIELDS: ProjectFields<Volume> = {
  project: stringField('os-vol-tenant-attr:tenant_id'),
  host: stringField('os-vol-host-attr:host'),
};

/** The volume columns and, last, each row's action menu. */
const columnsWithActions = (t: TFunction, language: string): ResourceColumn<Volume>[] => [
  ...volumeColumns(t, language),
  {
    id: 'actions',
    header: () => <VisuallyHidden>{t('volumes.columns.actions')}</VisuallyHidden>,
    meta: { label: t('volumes.columns.actions') },
    cell: ({ row }) => <VolumeActionMenu volume={row.original} />,
  },
];

function VolumesPage() {
  const { t } = useTranslation();
  const write = useWriteGate();
  const list = useResourceList(volumeListSpec);
  const { controls, page, abilities } = list;
  const zones = useQuery(projectQueries.availabilityZones());
  const types = useQuery({ ...projectQueries.volumeTypes(), enabled: abilities?.admin === true });
  const { columns, projectNames } = useProjectAwareColumns(controls, columnsWithActions, PROJECT_FIELDS);
  const openCreate = useRestorableDialogOpener(
    CREATE_VOLUME_DRAFT,
    t('volumes.dialogs.create'),
    (close, restored) => <CreateVolumeForm close={close} restored={restored} />,
    'lg',
  );
  const statusOptions = VOLUME_STATUSES.map((status) => ({ value: status, label: t(`status.values.${status}`) }));
  return (
    <Stack gap="md">
      <PageHeader title={t('volumes.title')}>
        <Group gap="xs">
          <GatedButton
            variant="default"
            gate={write}
            onClick={() =>
              openDialog(t('volumes.dialogs.acceptTransfer'), (close) => <AcceptTransferForm close={close} />)
            }
          >
            {t('volumes.actions.acceptTransfer')}
          </GatedButton>
          <GatedButton gate={write} onClick={openCreate}>
            {t('volumes.actions.create')}
          </GatedButton>
        </Group>
      </PageHeader>
      <VolumeRowActions.Provider>
        <ResourceList
          label={t('volumes.title')}
          list={list}
          columns={columns}
          getRowLabel={displayName}
          errorTitle={t('table.loadFailed', { what: t('volumes.what') })}
          emptyMessage={Object.keys(controls.view.filters).length > 0 ? t('volumes.noMatch') : t('volumes.empty')}
          exportFileName="volumes.csv"
          filters={
            <>
              <NameFilter controls={controls} exact={page.data?.nameMatch === 'exact'} />
              <SelectFilter
                controls={controls}
                filterKey="status"
                label={t('volumes.columns.status')}
                options={statusOptions}
              />
              <SelectFilter
                controls={controls}
                filterKey="bootable"
                label={t('volumes.columns.bootable')}
                options={[
                  { value: 'true', label: t('common.yes') },
                  { value: 'false', label: t('common.no') },
                ]}
              />
              <SelectFilter
                controls={controls}
                filterKey="az"
                label={t('volumes.columns.availabilityZone')}
                options={(zones.data ?? []).map((zone) => ({ value: zone, label: zone }))}
              />
              {abilities?.admin && (
                <SelectFilter
                  controls={controls}
                  filterKey="type"
                  label={t('volumes.columns.type')}
                  options={(types.data ?? []).map((type) => ({ value: type.id, label: type.name }))}
                />
              )}
              {abilities?.admin && <AllProjectsFilters controls={controls} projectNames={projectNames} />}
            </>
          }
          bulkActions={(selected, clearSelection) =>
            selected.length > 0 && (
              <DeleteSelectedButton
                gate={write}
                onClick={() =>
                  openDialog(t('volumes.dialogs.deleteMany', { count: selected.length }), (close) => (
                    <DeleteVolumesForm volumes={selected} close={close} onDeleted={clearSelection} />
                  ))
                }
              >
                {t('volumes.actions.deleteSelected', { count: selected.length })}
              </DeleteSelectedButton>
            )
          }
        />
      </VolumeRowActions.Provider>
    </Stack>
  );
}

export default VolumesPage;

/** Starts the first page of the list ahead of a click on a link here (app/route-modules.ts). */
export const prefetch = (queryClient: QueryClient, search?: string) =>
  prefetchFirstPage(queryClient, volumeListSpec, search);
