import { GROUP_SNAPSHOT_LIFECYCLE } from '@cinder-console/cinder';
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GatedButton } from '../../components/gated-button';
import { PageHeader } from '../../components/page-header';
import { useActionGate } from '../../lib/action-gate';
import { useCloudAbilities } from '../../lib/capabilities';
import { openDialog } from '../../lib/open-dialog';
import { useGroupSnapshotActions } from '../../resources/group-snapshots/group-snapshot-actions';
import { groupSnapshotQueries } from '../../resources/group-snapshots/api';
import { AllProjectsSwitch, useAllProjects } from '../../resources/groups/all-projects-switch';
import { groupQueries } from '../../resources/groups/api';
import { CreateGroupSnapshotForm } from '../../resources/groups/dialogs/create-group-snapshot-form';
import { NeedsMicroversion } from '../../resources/groups/group-version-notice';
import { PlainTable } from '../../resources/groups/plain-table';
import { groupSnapshotColumns } from './group-snapshot-columns';

function GroupSnapshotsTable() {
  const { t, i18n } = useTranslation();
  const minor = useCloudAbilities()?.minor ?? 0;
  const [allProjects, setAllProjects] = useAllProjects();
  const snapshots = useQuery({ ...groupSnapshotQueries.list(allProjects), enabled: minor >= 14 });
  const groups = useQuery({ ...groupQueries.list(allProjects), enabled: minor >= 14 });
  const groupNames = new Map((groups.data?.items ?? []).map((group) => [group.id, group.name ?? '']));
  const actionsOf = useGroupSnapshotActions();
  return (
    <Stack gap="sm">
      <AllProjectsSwitch on={allProjects} onChange={setAllProjects} />
      <PlainTable
        label={t('groupSnapshots.title')}
        data={snapshots.data?.items}
        columns={groupSnapshotColumns(t, i18n.resolvedLanguage ?? 'en', groupNames, actionsOf)}
        isLoading={snapshots.isPending}
        error={snapshots.error}
        errorTitle={t('table.loadFailed', { what: t('groupSnapshots.what') })}
        emptyMessage={t('groupSnapshots.empty')}
        onRetry={() => void snapshots.refetch()}
      />
    </Stack>
  );
}

/** The project's group snapshots (3.14): take one of a group, make a new group of one, delete one. */
function GroupSnapshotsPage() {
  const { t } = useTranslation();
  const gate = useActionGate();
  return (
    <Stack gap="md">
      <PageHeader title={t('groupSnapshots.title')}>
        <GatedButton
          gate={gate(GROUP_SNAPSHOT_LIFECYCLE.create, '')}
          onClick={() =>
            openDialog(t('groupSnapshots.create.title'), (close) => <CreateGroupSnapshotForm close={close} />)
          }
        >
          {t('groupSnapshots.actions.create')}
        </GatedButton>
      </PageHeader>
      <NeedsMicroversion minor={14}>
        <GroupSnapshotsTable />
      </NeedsMicroversion>
    </Stack>
  );
}

export default GroupSnapshotsPage;
