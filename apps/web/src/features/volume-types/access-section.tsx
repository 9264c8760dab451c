import { IconX } from '@tabler/icons-react';
import { ActionIcon, Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { identityQueries, useProjectNames } from '../../resources/identity/api';
import { volumeTypeCalls, volumeTypeQueries } from '../../resources/volume-types/api';
import { useTypeMutation } from '../../resources/volume-types/use-type-mutation';

/** The projects that may use a private type, with add and remove. */
export function AccessSection({ typeId }: { typeId: string }) {
  const { t } = useTranslation();
  const access = useQuery(volumeTypeQueries.access(typeId));
  const projects = useQuery(identityQueries.projects());
  const names = useProjectNames();
  const [project, setProject] = useState<string | null>(null);
  const nameOf = (id: string) => names.get(id) ?? id;
  const add = useTypeMutation({
    call: (id: string) => volumeTypeCalls.addAccess(typeId, id),
    done: (id) => t('volumeTypes.access.addDone', { project: nameOf(id) }),
    failed: (id) => t('volumeTypes.access.addFailed', { project: nameOf(id) }),
    onDone: () => setProject(null),
  });
  const remove = useTypeMutation({
    call: (id: string) => volumeTypeCalls.removeAccess(typeId, id),
    done: (id) => t('volumeTypes.access.removeDone', { project: nameOf(id) }),
    failed: (id) => t('volumeTypes.access.removeFailed', { project: nameOf(id) }),
  });
  const granted = access.data ?? [];
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('volumeTypes.access.title')}
      </Title>
      {access.isPending ? (
        <Loader size="sm" aria-label={t('app.loading')} />
      ) : access.error ? (
        <ErrorAlert error={access.error} title={t('volumeTypes.access.loadFailed')} />
      ) : granted.length === 0 ? (
        <Text c="dimmed">{t('volumeTypes.access.none')}</Text>
      ) : (
        <Table aria-label={t('volumeTypes.access.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('volumeTypes.access.project')}</Table.Th>
              <Table.Th scope="col">{t('volumeTypes.access.projectId')}</Table.Th>
              <Table.Th scope="col">{t('volumeTypes.fields.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {granted.map((id) => (
              <Table.Tr key={id}>
                <Table.Td>{nameOf(id)}</Table.Td>
                <Table.Td ff="monospace">{id}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('volumeTypes.access.removeFor', { project: nameOf(id) })}
                    onClick={() => remove.mutate(id)}
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
          if (project) add.mutate(project);
        }}
      >
        <Group align="flex-end" gap="sm">
          <Select
            label={t('volumeTypes.access.project')}
            searchable
            data={(projects.data ?? [])
              .filter((p) => !granted.includes(p.id))
              .map((p) => ({ value: p.id, label: p.name }))}
            value={project}
            onChange={setProject}
          />
          <Button type="submit" disabled={!project} loading={add.isPending}>
            {t('volumeTypes.access.add')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
