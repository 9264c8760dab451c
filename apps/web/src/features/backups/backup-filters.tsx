import { useTranslation } from 'react-i18next';
import { NameFilter, SelectFilter } from '../../components/resource-table';
import type { ListViewControls } from '../../lib/list-view';
import { BACKUP_STATUSES } from '../../resources/backups/api';
import { VolumeFilter } from '../../resources/volumes/volume-names';

/** The backups list's filters: name, status and volume. */
export function BackupFilters({ controls, exactName }: { controls: ListViewControls; exactName: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <NameFilter controls={controls} exact={exactName} />
      <SelectFilter
        controls={controls}
        filterKey="status"
        label={t('backups.filters.status')}
        options={BACKUP_STATUSES.map((status) => ({
          value: status,
          label: t(`status.values.${status}`, { defaultValue: status }),
        }))}
      />
      <VolumeFilter controls={controls} label={t('backups.filters.volume')} />
    </>
  );
}
