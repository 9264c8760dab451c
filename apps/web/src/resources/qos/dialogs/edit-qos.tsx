import { Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { metadataObject, metadataRowErrors, metadataRows, type MetadataRow } from '../../../components/metadata-fields';
import { QosKeyFields } from './qos-key-fields';
import { useTypeMutation } from '../../volume-types/use-type-mutation';
import { qosCalls, type QosSpecs } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

/** Edits QoS keys: changed and new keys go in one `PUT`, removed ones in one `delete_keys`. */
export function EditQosForm({ qos, close }: { qos: QosSpecs; close: () => void }) {
  const { t } = useTranslation();
  const before = qos.specs ?? {};
  const form = useForm<{ specs: MetadataRow[] }>({
    initialValues: { specs: metadataRows(before) },
    validate: (values) => metadataRowErrors(t, 'specs', values.specs),
  });
  const save = useTypeMutation({
    call: async (values: { specs: MetadataRow[] }) => {
      const after = metadataObject(values.specs);
      const changed = Object.fromEntries(Object.entries(after).filter(([key, value]) => before[key] !== value));
      const removed = Object.keys(before).filter((key) => !(key in after));
      if (Object.keys(changed).length > 0) await qosCalls.setKeys(qos.id, changed);
      if (removed.length > 0) await qosCalls.deleteKeys(qos.id, removed);
    },
    done: () => t('qos.edit.done', { name: qos.name }),
    failed: () => t('qos.edit.failed', { name: qos.name }),
    onDone: close,
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('qos.edit.help')}
        </Text>
        <QosKeyFields form={form} />
        <DialogActions onCancel={close} label={t('actions.save')} pending={save.isPending} />
      </Stack>
    </form>
  );
}
