import type { Volume, VolumeGroup } from '@cinder-console/cinder';
import { Anchor, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DetailFields } from '../../components/detail-fields';
import type { ResourceColumn } from '../../components/resource-table';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTime } from '../../lib/format';
import { groupQueries } from '../../resources/groups/api';
import { DetailFrame } from '../../resources/groups/detail-frame';
import { useGroupActions } from '../../resources/groups/group-actions';
import { PlainTable } from '../../resources/groups/plain-table';
import { displayName } from '../../lib/display-name';
import { namesOf } from './group-columns';
import { useTypeNames } from './use-type-names';

const column = createColumnHelper<Volume>();

function GroupVolumes({ group }: { group: VolumeGroup }) {
  const { t } = useTranslation();
  const volumes = useQuery(groupQueries.volumes(group));
  const columns: ResourceColumn<Volume>[] = [
    column.display({
      id: 'name',
      header: t('volumes.columns.name'),
      meta: { label: t('volumes.columns.name') },
      cell: ({ row }) => (
        <Anchor component={Link} to={`/volumes/${row.original.id}`} size="sm">
          {displayName(row.original)}
        </Anchor>
      ),
    }),
    column.display({
      id: 'status',
      header: t('volumes.columns.status'),
      meta: { label: t('volumes.columns.status') },
      cell: ({ row }) => <StatusBadge status={row.original.status} />,
    }),
    column.display({
      id: 'size',
      header: t('volumes.columns.size'),
      meta: { label: t('volumes.columns.size') },
      cell: ({ row }) => t('snapshots.sizeGiB', { size: row.original.size }),
    }),
    column.display({
      id: 'type',
      header: t('volumes.columns.type'),
      meta: { label: t('volumes.columns.type') },
      cell: ({ row }) => row.original.volume_type ?? '',
    }),
  ];
  return (
    <PlainTable
      label={t('groups.detail.volumes')}
      data={volumes.data}
      columns={columns}
      isLoading={volumes.isPending}
      error={volumes.error}
      errorTitle={t('table.loadFailed', { what: t('groups.detail.volumes') })}
      emptyMessage={t('groups.volumes.none')}
      onRetry={() => void volumes.refetch()}
    />
  );
}

/** One group: its fields, its volumes and its actions (add/remove volumes, snapshot, clone, delete). */
export function GroupDetailPage() {
  const { groupId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const language = i18n.resolvedLanguage ?? 'en';
  const group = useQuery(groupQueries.detail(groupId));
  const names = useTypeNames();
  const actionsOf = useGroupActions(() => void navigate('/groups'));
  const link = (to: string, id: string | null | undefined) =>
    id ? (
      <Anchor component={Link} to={`${to}/${id}`} size="sm" ff="monospace">
        {id}
      </Anchor>
    ) : null;
  return (
    <DetailFrame
      query={group}
      back="/groups"
      texts={{
        back: t('groups.detail.back'),
        loadFailed: t('groups.detail.loadFailed'),
        actions: t('groups.detail.actions'),
      }}
      actionsOf={actionsOf}
    >
      {(g) => (
        <>
          <DetailFields
            fields={[
              { label: t('groups.fields.description'), value: g.description },
              { label: t('groups.fields.groupType'), value: namesOf([g.group_type], names.groupTypes) },
              { label: t('groups.fields.volumeTypes'), value: namesOf(g.volume_types, names.volumeTypes) },
              { label: t('groups.fields.zone'), value: g.availability_zone },
              { label: t('groups.fields.created'), value: formatDateTime(g.created_at, language) },
              { label: t('groups.fields.sourceGroup'), value: link('/groups', g.source_group_id) },
              { label: t('groups.fields.sourceSnapshot'), value: link('/group-snapshots', g.group_snapshot_id) },
            ]}
          />
          <Stack gap={4} component="section" aria-labelledby="group-volumes-heading">
            <Title order={2} size="h4" id="group-volumes-heading">
              {t('groups.detail.volumes')}
            </Title>
            <GroupVolumes group={g} />
          </Stack>
        </>
      )}
    </DetailFrame>
  );
}

export default GroupDetailPage;
