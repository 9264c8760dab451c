import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NameFilter, SelectFilter } from '../../components/resource-table';
import type { ListViewControls } from '../../lib/list-view';
import { BACKUP_STATUSES } from '../../resources/backups/api';

/** Backups of one volume, by its id; applied after a pause in typing, like the name filter. */
function VolumeIdFilter({ controls }: { controls: ListViewControls }) {
  const { t } = useTranslation();
  const [text, setText] = useState(controls.view.filters.volume ?? '');
  const apply = useDebouncedCallback((value: string) => controls.setFilter('volume', value.trim() || undefined), 350);
  return (
    <TextInput
      size="xs"
      type="search"
      label={t('backups.filters.volume')}
      placeholder={t('backups.filters.volumePlaceholder')}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        apply(event.currentTarget.value);
      }}
      w={260}
      ff="monospace"
    />
  );
}

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
      <VolumeIdFilter controls={controls} />
    </>
  );
}
