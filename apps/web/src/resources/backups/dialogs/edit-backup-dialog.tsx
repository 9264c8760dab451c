import type { Backup } from '@cinder-console/cinder';
import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../../volumes/names';
import { backupCalls, backupQueries } from '../api';

/** Renames a backup or changes its description (3.9+); neither touches the backed-up data. */
export function EditBackupForm({ backup, close }: { backup: Backup; close: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { name: backup.name ?? '', description: backup.description ?? '' },
    validate: {
      name: (v: string) => (v.length > 255 ? t('forms.tooLong', { max: 255 }) : null),
      description: (v: string) => (v.length > 255 ? t('forms.tooLong', { max: 255 }) : null),
    },
  });
  const save = useCinderMutation({
    call: (values: { name: string; description: string }) =>
      backupCalls.update(backup.id, { name: values.name.trim() || null, description: values.description || null }),
    done: () => t('backups.edit.done', { name: displayName(backup) }),
    failed: () => t('backups.edit.failed', { name: displayName(backup) }),
    affects: ['backups'],
    onDone: () => {
      // Names do not change the status, so no live event follows: the detail view refetches itself.
      void queryClient.invalidateQueries({ queryKey: backupQueries.detail(backup.id).queryKey });
      close();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('backups.fields.name')} data-autofocus {...form.getInputProps('name')} />
        <Textarea label={t('backups.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
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
