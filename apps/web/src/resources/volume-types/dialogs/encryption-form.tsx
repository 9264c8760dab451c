import { Autocomplete, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  ENCRYPTION_CIPHERS,
  ENCRYPTION_PROVIDERS,
  volumeTypeCalls,
  type AdminVolumeType,
  type TypeEncryption,
} from '../api';
import { useTypeMutation } from '../use-type-mutation';
import { DialogActions } from '../../../components/dialog-actions';

interface FormValues {
  provider: string;
  cipher: string;
  keySize: string;
  controlLocation: 'front-end' | 'back-end';
}

const WHOLE_NUMBER = /^\d+$/;

/**
 * Adds encryption to a type, or changes it. Cinder refuses either while a volume uses the type,
 * so the form says so; the cloud's own message shows if it refuses anyway.
 */
export function EncryptionForm({
  type,
  encryption,
  close,
}: {
  type: AdminVolumeType;
  /** The type's encryption when editing; absent when adding. */
  encryption?: TypeEncryption;
  close: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<FormValues>({
    initialValues: {
      provider: encryption?.provider ?? 'luks',
      cipher: encryption?.cipher ?? 'aes-xts-plain64',
      keySize: encryption ? (encryption.key_size?.toString() ?? '') : '256',
      controlLocation: encryption?.control_location === 'back-end' ? 'back-end' : 'front-end',
    },
    validate: {
      provider: (v) =>
        !v.trim()
          ? t('volumeTypes.encryption.providerRequired')
          : v.length > 255
            ? t('forms.tooLong', { max: 255 })
            : null,
      cipher: (v) => (v.length > 255 ? t('forms.tooLong', { max: 255 }) : null),
      keySize: (v) => (v.trim() && !WHOLE_NUMBER.test(v.trim()) ? t('volumeTypes.encryption.keySizeInvalid') : null),
    },
  });
  const encryptionId = encryption?.encryption_id;
  const save = useTypeMutation({
    call: (values: FormValues) => {
      const input = {
        provider: values.provider.trim(),
        cipher: values.cipher.trim() || null,
        keySize: values.keySize.trim() ? Number(values.keySize.trim()) : null,
        controlLocation: values.controlLocation,
      };
      return encryptionId
        ? volumeTypeCalls.updateEncryption(type.id, encryptionId, input)
        : volumeTypeCalls.createEncryption(type.id, input);
    },
    done: () =>
      t(encryptionId ? 'volumeTypes.encryption.updated' : 'volumeTypes.encryption.created', { name: type.name }),
    failed: () =>
      t(encryptionId ? 'volumeTypes.encryption.updateFailed' : 'volumeTypes.encryption.createFailed', {
        name: type.name,
      }),
    onDone: close,
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('volumeTypes.encryption.inUseNote')}
        </Text>
        <Autocomplete
          label={t('volumeTypes.encryption.provider')}
          description={t('volumeTypes.encryption.providerHelp')}
          data={[...ENCRYPTION_PROVIDERS]}
          required
          data-autofocus
          {...form.getInputProps('provider')}
        />
        <Autocomplete
          label={t('volumeTypes.encryption.cipher')}
          description={t('volumeTypes.encryption.cipherHelp')}
          data={[...ENCRYPTION_CIPHERS]}
          {...form.getInputProps('cipher')}
        />
        <TextInput
          label={t('volumeTypes.encryption.keySize')}
          description={t('volumeTypes.encryption.keySizeHelp')}
          inputMode="numeric"
          {...form.getInputProps('keySize')}
        />
        <Radio.Group label={t('volumeTypes.encryption.controlLocation')} {...form.getInputProps('controlLocation')}>
          <Stack gap={4} mt={4}>
            <Radio value="front-end" label={t('volumeTypes.encryption.frontEnd')} />
            <Radio value="back-end" label={t('volumeTypes.encryption.backEnd')} />
          </Stack>
        </Radio.Group>
        <DialogActions
          onCancel={close}
          label={encryptionId ? t('actions.save') : t('volumeTypes.encryption.add')}
          pending={save.isPending}
        />
      </Stack>
    </form>
  );
}
