import { VOLUME_ACTION_SCHEMAS, type Volume } from '@cinder-console/cinder';
import { Radio, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bodyRules, requestValidator } from '../../../lib/request-rules';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { projectQueries } from '../../project/api';
import { volumeCalls } from '../api';
import { displayName } from '../../../lib/display-name';
import { DialogActions } from '../../../components/dialog-actions';

interface RetypeValues {
  type: string;
  policy: 'never' | 'on-demand';
}

/** `os-retype` as the BFF checks it. */
const rules = bodyRules<RetypeValues>({
  schema: VOLUME_ACTION_SCHEMAS['os-retype']!,
  toBody: (values) => ({ new_type: values.type, migration_policy: values.policy }),
  fields: { new_type: 'type', migration_policy: 'policy' },
});

/**
 * Changes a volume's type. With "on demand" Cinder may migrate the data to another backend when
 * the new type lives elsewhere; "never" refuses such a retype instead.
 */
export function RetypeVolumeForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  const types = useQuery(projectQueries.volumeTypes());
  const form = useForm<RetypeValues>({
    initialValues: { type: '', policy: 'never' },
    validate: requestValidator(rules, t, ({ type }) => ({ type: type ? null : t('volumes.retype.typeRequired') })),
  });
  const retype = useCinderMutation({
    call: (values: RetypeValues) => volumeCalls.action(volume.id, 'os-retype', rules.toRequest(values)),
    done: (values) => t('volumes.retype.done', { name: displayName(volume), type: values.type }),
    failed: () => t('volumes.retype.failed', { name: displayName(volume) }),
    affects: ['volumes'],
    onDone: close,
  });
  const choices = (types.data ?? []).map((type) => type.name).filter((name) => name !== volume.volume_type);
  return (
    <form onSubmit={form.onSubmit((values) => retype.mutate(values))} noValidate>
      <Stack gap="sm">
        <Select
          label={t('volumes.retype.newType')}
          data={choices}
          required
          data-autofocus
          {...form.getInputProps('type')}
        />
        <Radio.Group label={t('volumes.retype.policy')} {...form.getInputProps('policy')}>
          <Stack gap={4} mt={4}>
            <Radio value="never" label={t('volumes.retype.never')} />
            <Radio value="on-demand" label={t('volumes.retype.onDemand')} />
          </Stack>
        </Radio.Group>
        <DialogActions onCancel={close} label={t('volumes.actions.retype')} pending={retype.isPending} />
      </Stack>
    </form>
  );
}
