import type { Snapshot } from '@cinder-console/cinder';
import { Anchor, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DetailFields } from '../../components/detail-fields';
import type { ResourceColumn } from '../../components/resource-table';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTime } from '../../lib/format';
import { groupSnapshotQueries } from '../../resources/group-snapshots/api';
import { useGroupSnapshotActions } from '../../resources/group-snapshots/group-snapshot-actions';
import { groupQueries } from '../../resources/groups/api';
import { DetailFrame } from '../../resources/groups/detail-frame';
import { PlainTable } from '../../resources/groups/plain-table';
import { displayName } from '../../lib/display-name';

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
  return (
    <DetailFrame
      query={snapshot}
      back="/group-snapshots"
      texts={{
        back: t('groupSnapshots.detail.back'),
        loadFailed: t('groupSnapshots.detail.loadFailed'),
        actions: t('groupSnapshots.detail.actions'),
      }}
      actionsOf={actionsOf}
    >
      {(s) => (
        <>
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
        </>
      )}
    </DetailFrame>
  );
}

export default GroupSnapshotDetailPage;
