import { IconX } from '@tabler/icons-react';
import { ActionIcon, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
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
        <Table aria-label={t('qos.associate.associated')}>
          <Table.Tbody>
            {linked.map((entry) => (
              <Table.Tr key={entry.id}>
                <Table.Td>{entry.name}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('qos.disassociate.from', { type: entry.name })}
                    onClick={() => disassociate.mutate(entry.id)}
                  >
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (typeId) associate.mutate(typeId);
        }}
      >
        <Group align="flex-end" gap="sm">
          <Select
            label={t('qos.associate.type')}
            searchable
            data={free.map((type) => ({ value: type.id, label: type.name }))}
            value={typeId}
            onChange={setTypeId}
            nothingFoundMessage={t('qos.associate.noFreeTypes')}
          />
          <Button type="submit" disabled={!typeId} loading={associate.isPending}>
            {t('qos.associate.submit')}
          </Button>
        </Group>
      </form>
      <Group justify="flex-end">
        <Button variant="default" onClick={close}>
          {t('actions.close')}
        </Button>
      </Group>
    </Stack>
  );
}
