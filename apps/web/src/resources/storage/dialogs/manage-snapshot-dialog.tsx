import { manageSnapshotSchema } from '@cinder-console/cinder';
import { Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { bodyRules, requestValidator } from '../../../lib/request-rules';
import { storageCalls } from '../api';
import { useStorageMutation } from '../use-storage-mutation';
import { DialogActions } from '../../../components/dialog-actions';

interface ManageSnapshotValues {
  volumeId: string;
  reference: string;
  name: string;
  description: string;
}

/** `POST /manageable_snapshots` as the BFF checks it. */
const rules = bodyRules<ManageSnapshotValues>({
  schema: manageSnapshotSchema,
  wrap: 'snapshot',
  toBody: (values) => ({
    volume_id: values.volumeId.trim(),
    ref: { 'source-name': values.reference },
    ...(values.name ? { name: values.name } : {}),
    ...(values.description ? { description: values.description } : {}),
  }),
  fields: { volume_id: 'volumeId', ref: 'reference', name: 'name', description: 'description' },
});

/** The volume id in a driver's `volume-<id>` source name, if it is one. */
const volumeIdOf = (source: string | undefined) => /^volume-([0-9a-f-]{36})$/.exec(source ?? '')?.[1] ?? '';

/** Brings a snapshot a backend holds under Cinder's management, as a snapshot of a managed volume (admin). */
export function ManageSnapshotForm({
  reference,
  source,
  close,
}: {
  reference: string;
  source: string | undefined;
  close: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<ManageSnapshotValues>({
    initialValues: { volumeId: volumeIdOf(source), reference, name: '', description: '' },
    validate: requestValidator(rules, t),
  });
  const manage = useStorageMutation({
    call: (values: ManageSnapshotValues) => storageCalls.manageSnapshot(rules.toRequest(values)),
    done: (values) => t('storage.manage.done', { name: values.name || values.reference }),
    failed: (values) => t('storage.manage.failed', { name: values.reference }),
    affects: ['snapshots'],
    onDone: close,
  });
  return (
    <form onSubmit={form.onSubmit((values) => manage.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('storage.manage.volumeId')} required {...form.getInputProps('volumeId')} />
        <TextInput label={t('storage.manage.reference')} required {...form.getInputProps('reference')} />
        <TextInput label={t('storage.manage.name')} data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('storage.manage.description')} {...form.getInputProps('description')} />
        <DialogActions onCancel={close} label={t('storage.manage.submit')} pending={manage.isPending} />
      </Stack>
    </form>
  );
}
