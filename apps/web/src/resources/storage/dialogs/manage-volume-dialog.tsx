import { manageVolumeSchema } from '@cinder-console/cinder';
import { Checkbox, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bodyRules, requestValidator } from '../../../lib/request-rules';
import { projectQueries } from '../../project/api';
import { storageCalls } from '../api';
import { useStorageMutation } from '../use-storage-mutation';
import { DialogActions } from '../../../components/dialog-actions';

interface ManageVolumeValues {
  host: string;
  reference: string;
  name: string;
  description: string;
  type: string;
  bootable: boolean;
}

/** `POST /manageable_volumes` as the BFF checks it. */
const rules = bodyRules<ManageVolumeValues>({
  schema: manageVolumeSchema,
  wrap: 'volume',
  toBody: (values) => ({
    host: values.host,
    ref: { 'source-name': values.reference },
    ...(values.name ? { name: values.name } : {}),
    ...(values.description ? { description: values.description } : {}),
    ...(values.type ? { volume_type: values.type } : {}),
    bootable: values.bootable,
  }),
  fields: { host: 'host', ref: 'reference', name: 'name', description: 'description', volume_type: 'type' },
});

/**
 * Brings storage a backend holds under Cinder's management as a volume of the admin's current
 * project (admin). The pool and the backend's name for the storage come from the manageable list.
 */
export function ManageVolumeForm({ host, reference, close }: { host: string; reference: string; close: () => void }) {
  const { t } = useTranslation();
  const types = useQuery(projectQueries.volumeTypes());
  const form = useForm<ManageVolumeValues>({
    initialValues: { host, reference, name: '', description: '', type: '', bootable: false },
    validate: requestValidator(rules, t),
  });
  const manage = useStorageMutation({
    call: (values: ManageVolumeValues) => storageCalls.manageVolume(rules.toRequest(values)),
    done: (values) => t('storage.manage.done', { name: values.name || values.reference }),
    failed: (values) => t('storage.manage.failed', { name: values.reference }),
    affects: ['volumes'],
    onDone: close,
  });
  return (
    <form onSubmit={form.onSubmit((values) => manage.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('storage.manage.pool')} readOnly {...form.getInputProps('host')} />
        <TextInput label={t('storage.manage.reference')} required {...form.getInputProps('reference')} />
        <TextInput label={t('storage.manage.name')} data-autofocus {...form.getInputProps('name')} />
        <TextInput label={t('storage.manage.description')} {...form.getInputProps('description')} />
        <Select
          label={t('storage.manage.type')}
          data={(types.data ?? []).map((type) => type.name)}
          clearable
          {...form.getInputProps('type')}
          onChange={(value) => form.setFieldValue('type', value ?? '')}
        />
        <Checkbox label={t('storage.manage.bootable')} {...form.getInputProps('bootable', { type: 'checkbox' })} />
        <DialogActions onCancel={close} label={t('storage.manage.submit')} pending={manage.isPending} />
      </Stack>
    </form>
  );
}
