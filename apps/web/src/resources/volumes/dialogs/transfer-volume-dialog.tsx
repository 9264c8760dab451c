import type { Transfer, Volume } from '@cinder-console/cinder';
import { Alert, Button, Code, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCloudAbilities } from '../../../lib/capabilities';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { volumeCalls } from '../api';
import { displayName } from '../../../lib/display-name';
import { DialogActions } from '../../../components/dialog-actions';

/**
 * Offers a volume to another project. Cinder returns the authorisation key once, at creation;
 * the dialog shows it with the transfer id for the receiver and never again.
 */
export function TransferVolumeForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  const [transfer, setTransfer] = useState<Transfer>();
  const api = useCloudAbilities()?.volumeApi.major;
  const form = useForm({ initialValues: { name: volume.name ?? '' } });
  const create = useCinderMutation({
    call: (name: string) => volumeCalls.createTransfer(api, volume.id, name.trim() || displayName(volume)),
    done: () => t('volumes.transfer.created', { name: displayName(volume) }),
    failed: () => t('volumes.transfer.failed', { name: displayName(volume) }),
    affects: ['volumes'],
    onDone: (result) => setTransfer(result.transfer),
  });
  if (transfer) {
    return (
      <Stack gap="sm">
        <Alert color="orange" role="note">
          {t('volumes.transfer.keyOnce')}
        </Alert>
        <Secret label={t('volumes.transfer.transferId')} value={transfer.id} />
        <Secret label={t('volumes.transfer.authKey')} value={transfer.auth_key ?? ''} />
        <Group justify="flex-end">
          <Button onClick={close}>{t('actions.close')}</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form onSubmit={form.onSubmit((values) => create.mutate(values.name))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('volumes.transfer.explain')}</Text>
        <TextInput label={t('volumes.transfer.name')} data-autofocus {...form.getInputProps('name')} />
        <DialogActions onCancel={close} label={t('volumes.transfer.submit')} pending={create.isPending} />
      </Stack>
    </form>
  );
}

function Secret({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code aria-label={label}>{value}</Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" onClick={copy}>
              {copied ? t('actions.copied') : t('volumes.transfer.copy', { what: label })}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** Takes over a volume offered by another project, with the id and key its owner passed on. */
export function AcceptTransferForm({ close }: { close: () => void }) {
  const { t } = useTranslation();
  const api = useCloudAbilities()?.volumeApi.major;
  const form = useForm({
    initialValues: { transferId: '', authKey: '' },
    validate: {
      transferId: (v: string) => (v.trim() ? null : t('forms.required')),
      authKey: (v: string) => (v.trim() ? null : t('forms.required')),
    },
  });
  const accept = useCinderMutation({
    call: (values: { transferId: string; authKey: string }) =>
      volumeCalls.acceptTransfer(api, values.transferId.trim(), values.authKey.trim()),
    done: () => t('volumes.transfer.accepted'),
    failed: () => t('volumes.transfer.acceptFailed'),
    affects: ['volumes'],
    onDone: close,
  });
  return (
    <form onSubmit={form.onSubmit((values) => accept.mutate(values))} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('volumes.transfer.transferId')}
          required
          data-autofocus
          {...form.getInputProps('transferId')}
        />
        <TextInput label={t('volumes.transfer.authKey')} required {...form.getInputProps('authKey')} />
        <DialogActions onCancel={close} label={t('volumes.transfer.accept')} pending={accept.isPending} />
      </Stack>
    </form>
  );
}
