import type { Volume, VolumeGroup } from '@cinder-console/cinder';
import { Anchor, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { DetailFields } from '../../components/detail-fields';
import type { ResourceColumn } from '../../components/resource-table';
import { column } from '../../components/resource-table/column-builders';
import { NameLink } from '../../components/name-link';
import { formatDateTime } from '../../lib/format';
import { groupQueries } from '../../resources/groups/api';
import { DetailFrame } from '../../components/detail-frame';
import { useGroupActions } from '../../resources/groups/group-actions';
import { PlainTable } from '../../resources/groups/plain-table';
import { displayName } from '../../lib/display-name';
import { namesOf } from './group-columns';
import { useTypeNames } from './use-type-names';

function GroupVolumes({ group }: { group: VolumeGroup }) {
  const { t } = useTranslation();
  const volumes = useQuery(groupQueries.volumes(group));
  const label = (column: string) => t(`volumes.columns.${column}`);
  const columns: ResourceColumn<Volume>[] = [
    column.display('name', label('name'), (volume) => (
      <NameLink to={`/volumes/${volume.id}`} name={displayName(volume)} unnamed="" />
    )),
    column.status(label('status')),
    column.display('size', label('size'), (volume) => t('snapshots.sizeGiB', { size: volume.size })),
    column.display('type', label('type'), (volume) => volume.volume_type ?? ''),
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
function GroupDetailPage() {
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
    <DetailFrame query={group} back="/groups" id={groupId} kind="groups" actionsOf={actionsOf}>
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
