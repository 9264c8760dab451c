import type { Volume } from '@cinder-console/cinder';
import { Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { volumeCalls } from '../api';
import { displayName } from '../names';

export function EditVolumeForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { name: volume.name ?? '', description: volume.description ?? '' },
    validate: {
      name: (v: string) => (v.length > 255 ? t('forms.tooLong', { max: 255 }) : null),
      description: (v: string) => (v.length > 255 ? t('forms.tooLong', { max: 255 }) : null),
    },
  });
  const save = useCinderMutation({
    call: (values: { name: string; description: string }) =>
      volumeCalls.update(volume.id, { name: values.name.trim() || null, description: values.description || null }),
    done: () => t('volumes.edit.done', { name: displayName(volume) }),
    failed: () => t('volumes.edit.failed', { name: displayName(volume) }),
    affects: ['volumes'],
    onDone: close,
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('volumes.fields.name')} data-autofocus {...form.getInputProps('name')} />
        <Textarea label={t('volumes.fields.description')} autosize minRows={2} {...form.getInputProps('description')} />
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
