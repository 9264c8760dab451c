import { Checkbox, Loader, MultiSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolumeGroup } from '@cinder-console/cinder';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { projectQueries } from '../../project/api';
import { displayName } from '../../../lib/display-name';
import { groupCalls, groupQueries } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

/**
 * Adds volumes to a group and removes others, in one update: the candidates are the project's
 * volumes of the group's types that are in no group; the members are listed to tick for removal.
 */
export function GroupVolumesForm({ group, close }: { group: VolumeGroup; close: () => void }) {
  const { t } = useTranslation();
  const types = useQuery(projectQueries.volumeTypes());
  const typeRefs = (types.data ?? [])
    .filter((type) => group.volume_types.includes(type.id))
    .flatMap((type) => [type.id, type.name]);
  const members = useQuery(groupQueries.volumes(group));
  const candidates = useQuery({ ...groupQueries.candidates(group, typeRefs), enabled: types.isSuccess });
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const name = displayName(group);
  const save = useCinderMutation({
    call: () =>
      groupCalls.update(group.id, {
        ...(add.length ? { add_volumes: add.join(',') } : {}),
        ...(remove.length ? { remove_volumes: remove.join(',') } : {}),
      }),
    done: () => t('groups.volumes.done', { name }),
    failed: () => t('groups.volumes.failed', { name }),
    affects: ['groups', 'volumes'],
    onDone: close,
  });
  if (members.isPending || types.isPending) return <Loader size="sm" aria-label={t('app.loading')} />;
  return (
    <Stack gap="sm">
      <MultiSelect
        label={t('groups.volumes.add')}
        description={t('groups.volumes.addHelp')}
        data={(candidates.data ?? []).map((volume) => ({ value: volume.id, label: displayName(volume) }))}
        value={add}
        onChange={setAdd}
        // Not searchable: a searchable picker opens as it takes the dialog's first focus, over the list below.
        nothingFoundMessage={t('groups.volumes.noCandidates')}
        data-autofocus
      />
      <Checkbox.Group label={t('groups.volumes.remove')} value={remove} onChange={setRemove}>
        <Stack gap={4} mt={4}>
          {(members.data ?? []).length === 0 && (
            <Text size="sm" c="dimmed">
              {t('groups.volumes.none')}
            </Text>
          )}
          {(members.data ?? []).map((volume) => (
            <Checkbox key={volume.id} value={volume.id} label={displayName(volume)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <DialogActions
        onCancel={close}
        label={t('groups.volumes.submit')}
        onConfirm={() => save.mutate(undefined)}
        pending={save.isPending}
        disabled={add.length + remove.length === 0}
      />
    </Stack>
  );
}
