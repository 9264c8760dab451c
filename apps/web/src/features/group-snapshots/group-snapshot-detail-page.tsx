import type { Snapshot } from '@cinder-console/cinder';
import { Anchor, Group, Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ActionBar } from '../../components/action-bar';
import { CopyId } from '../../components/copy-id';
import { DetailFields } from '../../components/detail-fields';
import { ErrorAlert } from '../../components/error-alert';
import type { ResourceColumn } from '../../components/resource-table';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTime } from '../../lib/format';
import { groupSnapshotQueries } from '../../resources/group-snapshots/api';
import { useGroupSnapshotActions } from '../../resources/group-snapshots/group-snapshot-actions';
import { groupQueries } from '../../resources/groups/api';
import { PlainTable } from '../../resources/groups/plain-table';
import { displayName } from '../../resources/volumes/names';

const column = createColumnHelper<Snapshot>();

/** The volume snapshots the group snapshot is made of, one per volume of the group. */
function MemberSnapshots({ id }: { id: string }) {
  const { t } = useTranslation();
  const members = useQuery(groupSnapshotQueries.members(id));
  const columns: ResourceColumn<Snapshot>[] = [
    column.display({
      id: 'name',
      header: t('snapshots.columns.name'),
      meta: { label: t('snapshots.columns.name') },
      cell: ({ row }) => (
        <Anchor component={Link} to={`/snapshots/${row.original.id}`} size="sm">
          {displayName(row.original)}
        </Anchor>
      ),
    }),
    column.display({
      id: 'status',
      header: t('snapshots.columns.status'),
      meta: { label: t('snapshots.columns.status') },
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    }),
    column.display({
      id: 'volume',
      header: t('snapshots.columns.volume'),
      meta: { label: t('snapshots.columns.volume') },
      cell: ({ row }) => (
        <Anchor component={Link} to={`/volumes/${row.original.volume_id}`} size="sm" ff="monospace">
          {row.original.volume_id}
        </Anchor>
      ),
    }),
  ];
  return (
    <PlainTable
      label={t('groupSnapshots.detail.members')}
      data={members.data}
      columns={columns}
      isLoading={members.isPending}
      error={members.error}
      errorTitle={t('table.loadFailed', { what: t('groupSnapshots.detail.members') })}
      emptyMessage={t('groupSnapshots.detail.noMembers')}
      onRetry={() => void members.refetch()}
    />
  );
}

/** One group snapshot: its fields, its volume snapshots and its actions. */
export function GroupSnapshotDetailPage() {
  const { groupSnapshotId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const snapshot = useQuery(groupSnapshotQueries.detail(groupSnapshotId));
  const group = useQuery({
    ...groupQueries.detail(snapshot.data?.group_id ?? ''),
    enabled: snapshot.data !== undefined,
  });
  const actionsOf = useGroupSnapshotActions(() => void navigate('/group-snapshots'));
  const back = (
    <Anchor component={Link} to="/group-snapshots" size="sm">
      {t('groupSnapshots.detail.back')}
    </Anchor>
  );
  if (snapshot.isPending) return <Loader aria-label={t('app.loading')} />;
  if (snapshot.error)
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <ErrorAlert
          error={snapshot.error}
          title={t('groupSnapshots.detail.loadFailed')}
          onRetry={() => void snapshot.refetch()}
        />
      </Stack>
    );
  const s = snapshot.data;
  return (
    <Stack gap="md">
      {back}
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1} size="h2">
            {displayName(s)}
          </Title>
          <StatusBadge status={s.status} />
        </Group>
        <CopyId id={s.id} />
      </Stack>
      <ActionBar actions={actionsOf(s)} label={t('groupSnapshots.detail.actions')} />
      <DetailFields
        fields={[
          { label: t('groupSnapshots.fields.description'), value: s.description },
          {
            label: t('groupSnapshots.fields.group'),
            value: (
              <Anchor component={Link} to={`/groups/${s.group_id}`} size="sm">
                {group.data ? displayName(group.data) : s.group_id}
              </Anchor>
            ),
          },
          {
            label: t('groupSnapshots.fields.created'),
            value: formatDateTime(s.created_at, i18n.resolvedLanguage ?? 'en'),
          },
        ]}
      />
      <Stack gap={4} component="section" aria-labelledby="group-snapshot-members-heading">
        <Title order={2} size="h4" id="group-snapshot-members-heading">
          {t('groupSnapshots.detail.members')}
        </Title>
        <MemberSnapshots id={s.id} />
      </Stack>
    </Stack>
  );
}

export default GroupSnapshotDetailPage;
