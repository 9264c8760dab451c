import type { Snapshot } from '@cinder-console/cinder';
import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../../volumes/names';
import { snapshotCalls, snapshotQueries } from '../api';

interface FormValues {
  name: string;
  description: string;
}

/** Renames a snapshot or changes its description; Cinder allows this in any status. */
export function EditSnapshotForm({ snapshot, close }: { snapshot: Snapshot; close: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<FormValues>({
    initialValues: { name: snapshot.name ?? '', description: snapshot.description ?? '' },
    validate: {
      name: (v) => (v.length > 255 ? t('forms.tooLong', { max: 255 }) : null),
      description: (v) => (v.length > 255 ? t('forms.tooLong', { max: 255 }) : null),
    },
  });
  const save = useCinderMutation({
    call: (values: FormValues) =>
      snapshotCalls.update(snapshot.id, { name: values.name.trim() || null, description: values.description || null }),
    done: () => t('snapshots.edit.done', { name: displayName(snapshot) }),
    failed: () => t('snapshots.edit.failed', { name: displayName(snapshot) }),
    affects: ['snapshots'],
    onDone: (result) => {
      // The answer is the snapshot as stored; an open detail page shows it at once.
      queryClient.setQueryData(snapshotQueries.detail(snapshot.id).queryKey, (current) =>
        current ? result.snapshot : current,
      );
      close();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('snapshots.fields.name')} data-autofocus {...form.getInputProps('name')} />
        <Textarea
          label={t('snapshots.fields.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
