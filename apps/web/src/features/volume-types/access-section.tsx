import { Loader, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { InlineAddForm } from '../../components/inline-add-form';
import { RemoveButton } from '../../components/remove-button';
import { SimpleTable } from '../../components/simple-table';
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
        <SimpleTable
          label={t('volumeTypes.access.title')}
          rows={granted}
          rowKey={(id) => id}
          columns={[
            { id: 'project', header: t('volumeTypes.access.project'), cell: nameOf },
            { id: 'projectId', header: t('volumeTypes.access.projectId'), mono: true, cell: (id) => id },
            {
              id: 'actions',
              header: t('volumeTypes.fields.actions'),
              cell: (id) => (
                <RemoveButton
                  label={t('volumeTypes.access.removeFor', { project: nameOf(id) })}
                  onClick={() => remove.mutate(id)}
                />
              ),
            },
          ]}
        />
      )}
      <InlineAddForm
        ready={Boolean(project)}
        pending={add.isPending}
        submitLabel={t('volumeTypes.access.add')}
        onSubmit={() => project && add.mutate(project)}
      >
        <Select
          label={t('volumeTypes.access.project')}
          searchable
          data={(projects.data ?? [])
            .filter((p) => !granted.includes(p.id))
            .map((p) => ({ value: p.id, label: p.name }))}
          value={project}
          onChange={setProject}
        />
      </InlineAddForm>
    </Stack>
  );
}
