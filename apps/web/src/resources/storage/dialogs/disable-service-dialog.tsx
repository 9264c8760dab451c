import { disabledReasonSchema, type CinderService } from '@cinder-console/cinder';
import { Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { bodyRules, requestValidator } from '../../../lib/request-rules';
import { useStorageMutation } from '../use-storage-mutation';
import { z } from 'zod';
import { storageCalls } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

interface DisableValues {
  reason: string;
}

/** The reason as `disable-log-reason` takes it. */
const rules = bodyRules<DisableValues>({
  schema: z.object({ disabled_reason: disabledReasonSchema }),
  toBody: (values) => ({ disabled_reason: values.reason }),
  fields: { disabled_reason: 'reason' },
});

/** Turns a service off with the reason other admins will read in the services list. */
export function DisableServiceForm({ service, close }: { service: CinderService; close: () => void }) {
  const { t } = useTranslation();
  const form = useForm<DisableValues>({ initialValues: { reason: '' }, validate: requestValidator(rules, t) });
  const disable = useStorageMutation({
    call: (values: DisableValues) => storageCalls.changeService(service, { kind: 'disable', reason: values.reason }),
    done: () => t('storage.services.done.disable', { binary: service.binary, host: service.host }),
    failed: () => t('storage.services.changeFailed', { binary: service.binary, host: service.host }),
    affects: [],
    onDone: close,
  });
  return (
    <form onSubmit={form.onSubmit((values) => disable.mutate(values))} noValidate>
      <Stack gap="sm">
        <Textarea
          label={t('storage.services.reason')}
          description={t('storage.services.reasonHint')}
          required
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <DialogActions
          onCancel={close}
          label={t('storage.services.disable')}
          pending={disable.isPending}
          color="orange"
        />
      </Stack>
    </form>
  );
}
