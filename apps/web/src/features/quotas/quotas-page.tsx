import { Alert, Button, Group, Loader, Select, Stack } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/error-alert';
import { useCloudAbilities } from '../../lib/capabilities';
import { useCurrentSession } from '../../lib/current-session';
import { openDialog } from '../../lib/open-dialog';
import { identityQueries } from '../../resources/identity/api';
import { projectQueries } from '../../resources/quotas/api';
import { EditDefaultQuotasForm, EditProjectQuotasForm, RevertQuotasForm } from './quota-dialogs';
import { QuotaTable } from './quota-table';

/**
 * Every quota of a project with its usage. Admins pick any project (the session's by default, the
 * choice kept in the URL) and may change its limits, revert them to the defaults, and change the
 * defaults; members see their own project's quotas, read-only.
 */
function QuotasPage() {
  const { t } = useTranslation();
  const abilities = useCloudAbilities();
  const session = useCurrentSession();
  const admin = abilities?.admin === true;
  const [search, setSearch] = useSearchParams();
  const projects = useQuery({ ...identityQueries.projects(), enabled: admin });
  const own = session?.project;
  const projectId = (admin && search.get('project')) || own?.id || '';
  const projectName =
    projects.data?.find((project) => project.id === projectId)?.name ?? (projectId === own?.id ? own.name : projectId);
  const project = { id: projectId, name: projectName };
  const quotas = useQuery({ ...projectQueries.quotas(projectId), enabled: Boolean(projectId) });
  const selectProject = (id: string | null) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      if (id && id !== own?.id) next.set('project', id);
      else next.delete('project');
      return next;
    });
  const limits = () => Object.fromEntries(Object.entries(quotas.data ?? {}).map(([key, usage]) => [key, usage.limit]));
  const inUse = () =>
    Object.fromEntries(
      Object.entries(quotas.data ?? {}).map(([key, usage]) => [key, usage.in_use + (usage.reserved ?? 0)]),
    );
  return (
    <Stack gap="md">
      <PageHeader title={t('quotas.title')} align="flex-end">
        {admin && (
          <Button
            variant="default"
            onClick={() =>
              openDialog(t('quotas.defaults.title'), (close) => <EditDefaultQuotasForm close={close} />, 'xl')
            }
          >
            {t('quotas.actions.editDefaults')}
          </Button>
        )}
      </PageHeader>
      {admin ? (
        <Group align="flex-end">
          <Select
            label={t('quotas.project')}
            data={(projects.data ?? [{ id: projectId, name: projectName }]).map((p) => ({
              value: p.id,
              label: p.name,
            }))}
            value={projectId}
            onChange={selectProject}
            allowDeselect={false}
            searchable
            w={280}
          />
          <Button
            disabled={!quotas.data}
            onClick={() =>
              openDialog(
                t('quotas.edit.title', { project: projectName }),
                (close) => <EditProjectQuotasForm project={project} limits={limits()} inUse={inUse()} close={close} />,
                'xl',
              )
            }
          >
            {t('quotas.actions.edit')}
          </Button>
          <Button
            variant="default"
            color="red"
            onClick={() =>
              openDialog(t('quotas.revert.title', { project: projectName }), (close) => (
                <RevertQuotasForm project={project} close={close} />
              ))
            }
          >
            {t('quotas.actions.revert')}
          </Button>
        </Group>
      ) : (
        abilities && <Alert color="gray">{t('quotas.readOnly', { project: projectName })}</Alert>
      )}
      {quotas.isError ? (
        <ErrorAlert title={t('quotas.loadFailed')} error={quotas.error} onRetry={() => void quotas.refetch()} />
      ) : quotas.data ? (
        <QuotaTable label={t('quotas.tableLabel', { project: projectName })} quotas={quotas.data} />
      ) : (
        <Loader aria-label={t('app.loading')} />
      )}
    </Stack>
  );
}

export default QuotasPage;
