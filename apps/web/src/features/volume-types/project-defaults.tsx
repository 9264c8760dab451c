import { Loader, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { InlineAddForm } from '../../components/inline-add-form';
import { RemoveButton } from '../../components/remove-button';
import { SimpleTable } from '../../components/simple-table';
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
      <InlineAddForm
        ready={Boolean(project && typeName)}
        pending={set.isPending}
        submitLabel={t('volumeTypes.defaults.set')}
        onSubmit={() => project && typeName && set.mutate({ project, type: typeName })}
      >
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
      </InlineAddForm>
      {defaults.data.length === 0 ? (
        <Text c="dimmed">{t('volumeTypes.defaults.none')}</Text>
      ) : (
        <SimpleTable
          label={t('volumeTypes.tabs.defaults')}
          rows={defaults.data}
          rowKey={(entry) => entry.project_id}
          columns={[
            {
              id: 'project',
              header: t('volumeTypes.defaults.project'),
              cell: (entry) => projectName(entry.project_id),
            },
            { id: 'type', header: t('volumeTypes.defaults.type'), cell: (entry) => typeNameOf(entry.volume_type_id) },
            {
              id: 'actions',
              header: t('volumeTypes.fields.actions'),
              cell: (entry) => (
                <RemoveButton
                  label={t('volumeTypes.defaults.unsetFor', { project: projectName(entry.project_id) })}
                  onClick={() => unset.mutate(entry.project_id)}
                />
              ),
            },
          ]}
        />
      )}
    </Stack>
  );
}
