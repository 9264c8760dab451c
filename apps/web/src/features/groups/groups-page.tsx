import { GROUP_LIFECYCLE } from '@cinder-console/cinder';
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GatedButton } from '../../components/gated-button';
import { PageHeader } from '../../components/page-header';
import { useActionGate } from '../../lib/action-gate';
import { useCloudAbilities } from '../../lib/capabilities';
import { openDialog } from '../../lib/open-dialog';
import { AllProjectsSwitch, useAllProjects } from '../../resources/groups/all-projects-switch';
import { groupQueries } from '../../resources/groups/api';
import { GroupForm } from '../../resources/groups/dialogs/group-form';
import { useGroupActions } from '../../resources/groups/group-actions';
import { NeedsMicroversion } from '../../resources/groups/group-version-notice';
import { PlainTable } from '../../resources/groups/plain-table';
import { groupColumns } from './group-columns';
import { useTypeNames } from './use-type-names';

function GroupsTable() {
  const { t, i18n } = useTranslation();
  const minor = useCloudAbilities()?.minor ?? 0;
  const [allProjects, setAllProjects] = useAllProjects();
  const groups = useQuery({ ...groupQueries.list(allProjects), enabled: minor >= 13 });
  const names = useTypeNames();
  const actionsOf = useGroupActions();
  const columns = groupColumns(t, i18n.resolvedLanguage ?? 'en', names, actionsOf);
  return (
    <Stack gap="sm">
      <AllProjectsSwitch on={allProjects} onChange={setAllProjects} />
      <PlainTable
        label={t('groups.title')}
        data={groups.data?.items}
        columns={columns}
        isLoading={groups.isPending}
        error={groups.error}
        errorTitle={t('table.loadFailed', { what: t('groups.what') })}
        emptyMessage={t('groups.empty')}
        onRetry={() => void groups.refetch()}
      />
    </Stack>
  );
}

/** The project's generic volume groups (3.13): create one, open one, act on one. */
function GroupsPage() {
  const { t } = useTranslation();
  const gate = useActionGate();
  return (
    <Stack gap="md">
      <PageHeader title={t('groups.title')}>
        <GatedButton
          gate={gate(GROUP_LIFECYCLE.create, '')}
          onClick={() => openDialog(t('groups.create.title'), (close) => <GroupForm close={close} />)}
        >
          {t('groups.actions.create')}
        </GatedButton>
      </PageHeader>
      <NeedsMicroversion minor={13}>
        <GroupsTable />
      </NeedsMicroversion>
    </Stack>
  );
}

export default GroupsPage;
