import { Button, Group, Loader, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { InlineAddForm } from '../../../components/inline-add-form';
import { RemoveButton } from '../../../components/remove-button';
import { SimpleTable } from '../../../components/simple-table';
import { volumeTypeQueries } from '../../volume-types/api';
import { useTypeMutation } from '../../volume-types/use-type-mutation';
import { qosCalls, qosQueries, type QosSpecs } from '../api';

/** The types QoS specs apply to, with associate and disassociate. */
export function AssociateQosForm({ qos, close }: { qos: QosSpecs; close: () => void }) {
  const { t } = useTranslation();
  const associations = useQuery(qosQueries.associations(qos.id));
  const types = useQuery(volumeTypeQueries.list());
  const [typeId, setTypeId] = useState<string | null>(null);
  const typeName = (id: string) => types.data?.find((type) => type.id === id)?.name ?? id;
  const associate = useTypeMutation({
    call: (id: string) => qosCalls.associate(qos.id, id),
    done: (id) => t('qos.associate.done', { type: typeName(id), name: qos.name }),
    failed: (id) => t('qos.associate.failed', { type: typeName(id) }),
    onDone: () => setTypeId(null),
  });
  const disassociate = useTypeMutation({
    call: (id: string) => qosCalls.disassociate(qos.id, id),
    done: (id) => t('qos.disassociate.done', { type: typeName(id), name: qos.name }),
    failed: (id) => t('qos.disassociate.failed', { type: typeName(id) }),
  });
  const linked = associations.data ?? [];
  // A type has at most one QoS spec: offer only the free ones.
  const free = (types.data ?? []).filter((type) => !type.qos_specs_id);
  return (
    <Stack gap="sm">
      {associations.isPending ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : associations.error ? (
        <ErrorAlert error={associations.error} title={t('qos.associate.loadFailed')} />
      ) : linked.length === 0 ? (
        <Text c="dimmed">{t('qos.associate.none')}</Text>
      ) : (
        <SimpleTable
          label={t('qos.associate.associated')}
          rows={linked}
          rowKey={(entry) => entry.id}
          columns={[
            { id: 'type', header: t('qos.associate.type'), cell: (entry) => entry.name },
            {
              id: 'actions',
              header: <VisuallyHidden>{t('qos.fields.actions')}</VisuallyHidden>,
              cell: (entry) => (
                <RemoveButton
                  label={t('qos.disassociate.from', { type: entry.name })}
                  onClick={() => disassociate.mutate(entry.id)}
                />
              ),
            },
          ]}
        />
      )}
      <InlineAddForm
        ready={Boolean(typeId)}
        pending={associate.isPending}
        submitLabel={t('qos.associate.submit')}
        onSubmit={() => typeId && associate.mutate(typeId)}
      >
        <Select
          label={t('qos.associate.type')}
          searchable
          data={free.map((type) => ({ value: type.id, label: type.name }))}
          value={typeId}
          onChange={setTypeId}
          nothingFoundMessage={t('qos.associate.noFreeTypes')}
        />
      </InlineAddForm>
      <Group justify="flex-end">
        <Button variant="default" onClick={close}>
          {t('actions.close')}
        </Button>
      </Group>
    </Stack>
  );
}
