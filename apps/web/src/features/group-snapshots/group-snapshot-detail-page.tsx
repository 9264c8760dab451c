import type { Snapshot } from '@cinder-console/cinder';
import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DetailFields } from '../../components/detail-fields';
import type { ResourceColumn } from '../../components/resource-table';
import { column } from '../../components/resource-table/column-builders';
import { NameLink } from '../../components/name-link';
import { formatDateTime } from '../../lib/format';
import { groupSnapshotQueries } from '../../resources/group-snapshots/api';
import { useGroupSnapshotActions } from '../../resources/group-snapshots/group-snapshot-actions';
import { groupQueries } from '../../resources/groups/api';
import { DetailFrame } from '../../components/detail-frame';
import { TitledSection } from '../../components/titled-section';
import { PlainTable } from '../../resources/groups/plain-table';
import { displayName } from '../../lib/display-name';

/** The volume snapshots the group snapshot is made of, one per volume of the group. */
function MemberSnapshots({ id }: { id: string }) {
  const { t } = useTranslation();
  const members = useQuery(groupSnapshotQueries.members(id));
  const label = (column: string) => t(`snapshots.columns.${column}`);
  const columns: ResourceColumn<Snapshot>[] = [
    column.display('name', label('name'), (snapshot) => (
      <NameLink to={`/snapshots/${snapshot.id}`} name={displayName(snapshot)} unnamed="" />
    )),
    column.status(label('status')),
    column.display('volume', label('volume'), (snapshot) => (
      <Anchor component={Link} to={`/volumes/${snapshot.volume_id}`} size="sm" ff="monospace">
        {snapshot.volume_id}
      </Anchor>
    )),
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
function GroupSnapshotDetailPage() {
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
      id={groupSnapshotId}
      kind="groupSnapshots"
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
          <TitledSection title={t('groupSnapshots.detail.members')}>
            <MemberSnapshots id={s.id} />
          </TitledSection>
        </>
      )}
    </DetailFrame>
  );
}

export default GroupSnapshotDetailPage;
