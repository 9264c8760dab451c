import type { Volume } from '@cinder-console/cinder';
import { NativeSelect, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { volumeCalls } from '../api';
import { displayName } from '../../../lib/display-name';
import { DialogActions } from '../../../components/dialog-actions';

const DISK_FORMATS = ['raw', 'qcow2', 'vmdk', 'vdi', 'vhd', 'vhdx'] as const;

/** Copies a volume into a new Glance image (`os-volume_upload_image`). */
export function UploadImageForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { imageName: volume.name ?? '', diskFormat: 'raw' as string },
    validate: { imageName: (v: string) => (v.trim() ? null : t('volumes.upload.nameRequired')) },
  });
  const upload = useCinderMutation({
    call: (values: { imageName: string; diskFormat: string }) =>
      volumeCalls.action(volume.id, 'os-volume_upload_image', {
        image_name: values.imageName.trim(),
        disk_format: values.diskFormat,
        container_format: 'bare',
      }),
    done: (values) => t('volumes.upload.done', { name: displayName(volume), image: values.imageName }),
    failed: () => t('volumes.upload.failed', { name: displayName(volume) }),
    affects: ['volumes'],
    onDone: close,
  });
  return (
    <form onSubmit={form.onSubmit((values) => upload.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('volumes.upload.imageName')} required data-autofocus {...form.getInputProps('imageName')} />
        <NativeSelect
          label={t('volumes.upload.diskFormat')}
          data={[...DISK_FORMATS]}
          {...form.getInputProps('diskFormat')}
        />
        <DialogActions onCancel={close} label={t('volumes.actions.uploadImage')} pending={upload.isPending} />
      </Stack>
    </form>
  );
}
