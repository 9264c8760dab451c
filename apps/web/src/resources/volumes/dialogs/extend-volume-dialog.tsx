import { VOLUME_ACTION_SCHEMAS, type Volume } from '@cinder-console/cinder';
import { NumberInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fitsQuota, QuotaMeter } from '../../../components/quota-meter';
import { useCurrentSession } from '../../../lib/current-session';
import { requestValidator, showServerIssues, type RequestRules } from '../../../lib/request-rules';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { projectQueries } from '../../project/api';
import { volumeCalls } from '../api';
import { displayName } from '../../../lib/display-name';
import { DialogActions } from '../../../components/dialog-actions';

interface ExtendValues {
  /** A number input's value: '' while empty. */
  size: number | string;
}

/** `os-extend` as the BFF checks it: a whole number of GiB. */
const extendRules: RequestRules<ExtendValues> = {
  schema: VOLUME_ACTION_SCHEMAS['os-extend']!,
  toRequest: (values) => ({ new_size: values.size }),
  fieldOf: () => 'size',
};

/**
 * Grows a volume (Cinder cannot shrink one), with the gigabytes quota it would use. A size that
 * does not grow it is refused on the field, never raised to one that would.
 */
export function ExtendVolumeForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const quotas = useQuery({ ...projectQueries.quotas(session?.project.id ?? ''), enabled: Boolean(session) });
  const form = useForm<ExtendValues>({
    initialValues: { size: volume.size + 1 },
    validate: requestValidator(extendRules, t, ({ size }) => ({
      size:
        typeof size === 'number' && size <= volume.size ? t('volumes.extend.mustGrow', { size: volume.size }) : null,
    })),
  });
  const size = form.values.size;
  const adding = typeof size === 'number' ? Math.max(0, size - volume.size) : 0;
  const gigabytes = quotas.data?.gigabytes;
  const exceeds = !fitsQuota(gigabytes, adding);
  const extend = useCinderMutation({
    call: (values: ExtendValues) => volumeCalls.action(volume.id, 'os-extend', extendRules.toRequest(values)),
    done: (values) => t('volumes.extend.done', { name: displayName(volume), size: values.size }),
    failed: () => t('volumes.extend.failed', { name: displayName(volume) }),
    affects: ['volumes'],
    onDone: close,
    onFailed: (error, values) => showServerIssues(error, extendRules, values, form.setFieldError),
  });
  return (
    <form onSubmit={form.onSubmit((values) => extend.mutate(values))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('volumes.extend.current', { size: volume.size })}</Text>
        <NumberInput
          label={t('volumes.extend.newSize')}
          min={volume.size + 1}
          clampBehavior="none"
          required
          data-autofocus
          {...form.getInputProps('size')}
        />
        {gigabytes && <QuotaMeter label={t('quota.names.gigabytes')} usage={gigabytes} adding={adding} />}
        <DialogActions
          onCancel={close}
          label={t('volumes.actions.extend')}
          pending={extend.isPending}
          disabled={exceeds}
        />
      </Stack>
    </form>
  );
}
