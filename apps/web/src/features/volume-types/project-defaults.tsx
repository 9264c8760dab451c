import { IconX } from '@tabler/icons-react';
import { ActionIcon, Button, Group, Loader, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { identityQueries } from '../../resources/identity/api';
import { volumeTypeCalls, volumeTypeQueries } from '../../resources/volume-types/api';
import { useTypeMutation } from '../../resources/volume-types/use-type-mutation';

/** Per-project default types (3.62): a volume created without a type in that project gets this one. */
export function ProjectDefaults() {
  const { t } = useTranslation();
  const defaults = useQuery(volumeTypeQueries.projectDefaults());
  const types = useQuery(volumeTypeQueries.list());
  const projects = useQuery(identityQueries.projects());
  const [project, setProject] = useState<string | null>(null);
  const [typeName, setTypeName] = useState<string | null>(null);
  const projectName = (id: string) => projects.data?.find((p) => p.id === id)?.name ?? id;
  const typeNameOf = (id: string) => types.data?.find((type) => type.id === id)?.name ?? id;
  const set = useTypeMutation({
    call: (v: { project: string; type: string }) => volumeTypeCalls.setProjectDefault(v.project, v.type),
    done: (v) => t('volumeTypes.defaults.setDone', { project: projectName(v.project), type: v.type }),
    failed: (v) => t('volumeTypes.defaults.setFailed', { project: projectName(v.project) }),
    onDone: () => {
      setProject(null);
      setTypeName(null);
    },
  });
  const unset = useTypeMutation({
    call: (id: string) => volumeTypeCalls.unsetProjectDefault(id),
    done: (id) => t('volumeTypes.defaults.unsetDone', { project: projectName(id) }),
    failed: (id) => t('volumeTypes.defaults.unsetFailed', { project: projectName(id) }),
  });
  if (defaults.isPending) return <Loader aria-label={t('app.loading')} />;
  if (defaults.error) return <ErrorAlert error={defaults.error} title={t('volumeTypes.defaults.loadFailed')} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('volumeTypes.defaults.help')}
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (project && typeName) set.mutate({ project, type: typeName });
        }}
      >
        <Group align="flex-end" gap="sm">
          <Select
            label={t('volumeTypes.defaults.project')}
            searchable
            data={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={project}
            onChange={setProject}
          />
          <Select
            label={t('volumeTypes.defaults.type')}
            searchable
            data={(types.data ?? []).map((type) => type.name)}
            value={typeName}
            onChange={setTypeName}
          />
          <Button type="submit" disabled={!project || !typeName} loading={set.isPending}>
            {t('volumeTypes.defaults.set')}
          </Button>
        </Group>
      </form>
      {defaults.data.length === 0 ? (
        <Text c="dimmed">{t('volumeTypes.defaults.none')}</Text>
      ) : (
        <Table aria-label={t('volumeTypes.tabs.defaults')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('volumeTypes.defaults.project')}</Table.Th>
              <Table.Th scope="col">{t('volumeTypes.defaults.type')}</Table.Th>
              <Table.Th scope="col">{t('volumeTypes.fields.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {defaults.data.map((entry) => (
              <Table.Tr key={entry.project_id}>
                <Table.Td>{projectName(entry.project_id)}</Table.Td>
                <Table.Td>{typeNameOf(entry.volume_type_id)}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('volumeTypes.defaults.unsetFor', { project: projectName(entry.project_id) })}
                    onClick={() => unset.mutate(entry.project_id)}
                  >
                    <IconX size={14} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
