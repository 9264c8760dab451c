import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTypeMutation } from '../../volume-types/use-type-mutation';
import { qosCalls, qosQueries, type QosSpecs } from '../api';
import { DialogActions } from '../../../components/dialog-actions';

/** Deletes QoS specs; while types use them, only with force, which also detaches them from those types. */
export function DeleteQosForm({ qos, close }: { qos: QosSpecs; close: () => void }) {
  const { t } = useTranslation();
  const associations = useQuery(qosQueries.associations(qos.id));
  const linked = associations.data ?? [];
  const [force, setForce] = useState(false);
  const remove = useTypeMutation({
    call: (withForce: boolean) => qosCalls.remove(qos.id, withForce),
    done: () => t('qos.delete.done', { name: qos.name }),
    failed: () => t('qos.delete.failed', { name: qos.name }),
    onDone: close,
  });
  return (
    <Stack gap="sm">
      <Text size="sm">{t('qos.delete.confirm', { name: qos.name })}</Text>
      {linked.length > 0 && (
        <Alert color="orange" variant="light" title={t('qos.delete.associatedTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('qos.delete.associated', { types: linked.map((entry) => entry.name).join(', ') })}</Text>
            <Checkbox
              label={t('qos.delete.force')}
              checked={force}
              onChange={(event) => setForce(event.currentTarget.checked)}
            />
          </Stack>
        </Alert>
      )}
      <DialogActions
        onCancel={close}
        label={t('qos.delete.submit')}
        color="red"
        pending={remove.isPending}
        disabled={associations.isPending || (linked.length > 0 && !force)}
        onConfirm={() => remove.mutate(linked.length > 0 && force)}
      />
    </Stack>
  );
}
