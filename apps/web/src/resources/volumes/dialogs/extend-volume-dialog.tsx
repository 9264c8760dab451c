import type { Volume } from '@cinder-console/cinder';
import { Button, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fitsQuota, QuotaMeter } from '../../../components/quota-meter';
import { useCurrentSession } from '../../../lib/current-session';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { projectQueries } from '../../project/api';
import { volumeCalls } from '../api';
import { displayName } from '../names';

/** Grows a volume (Cinder cannot shrink one), with the gigabytes quota it would use. */
export function ExtendVolumeForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const quotas = useQuery({ ...projectQueries.quotas(session?.project.id ?? ''), enabled: Boolean(session) });
  const form = useForm({
    initialValues: { size: volume.size + 1 },
    validate: {
      size: (size: number) => (size <= volume.size ? t('volumes.extend.mustGrow', { size: volume.size }) : null),
    },
  });
  const adding = Math.max(0, form.values.size - volume.size);
  const gigabytes = quotas.data?.gigabytes;
  const exceeds = !fitsQuota(gigabytes, adding);
  const extend = useCinderMutation({
    call: (size: number) => volumeCalls.action(volume.id, 'os-extend', { new_size: size }),
    done: (size) => t('volumes.extend.done', { name: displayName(volume), size }),
    failed: () => t('volumes.extend.failed', { name: displayName(volume) }),
    affects: ['volumes'],
    onDone: close,
  });
  return (
    <form onSubmit={form.onSubmit(({ size }) => extend.mutate(size))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('volumes.extend.current', { size: volume.size })}</Text>
        <NumberInput
          label={t('volumes.extend.newSize')}
          min={volume.size + 1}
          required
          data-autofocus
          {...form.getInputProps('size')}
        />
        {gigabytes && <QuotaMeter label={t('quota.names.gigabytes')} usage={gigabytes} adding={adding} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={extend.isPending} disabled={exceeds}>
            {t('volumes.actions.extend')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
