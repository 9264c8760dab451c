import type { Volume } from '@cinder-console/cinder';
import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format';
import { AttachedServers } from '../../resources/servers/attached-servers';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** Every field of a volume worth reading, labelled in the user's language. */
export function volumeFields(t: TFunction, language: string, v: Volume): Array<{ label: string; value: ReactNode }> {
  const yesNo = (value: unknown) => (value === true || value === 'true' ? t('common.yes') : t('common.no'));
  return [
    { label: t('volumes.columns.size'), value: t('volumes.sizeGiB', { size: v.size }) },
    { label: t('volumes.columns.type'), value: text(v.volume_type) },
    { label: t('volumes.columns.availabilityZone'), value: text(v.availability_zone) },
    { label: t('volumes.columns.bootable'), value: yesNo(v.bootable) },
    { label: t('volumes.columns.encrypted'), value: yesNo(v.encrypted) },
    { label: t('volumes.columns.multiattach'), value: yesNo(v.multiattach) },
    { label: t('volumes.columns.attachedTo'), value: <AttachedServers volume={v} withDevice /> },
    { label: t('volumes.fields.description'), value: text(v.description) },
    {
      label: t('volumes.fields.sourceSnapshot'),
      value: v.snapshot_id ? (
        <Anchor component={Link} to={`/snapshots/${text(v.snapshot_id)}`} size="sm">
          {text(v.snapshot_id)}
        </Anchor>
      ) : (
        ''
      ),
    },
    {
      label: t('volumes.fields.sourceVolume'),
      value: v.source_volid ? (
        <Anchor component={Link} to={`/volumes/${text(v.source_volid)}`} size="sm">
          {text(v.source_volid)}
        </Anchor>
      ) : (
        ''
      ),
    },
    { label: t('volumes.fields.replication'), value: text(v.replication_status) },
    { label: t('volumes.fields.migration'), value: text(v.migration_status) },
    { label: t('volumes.fields.consistencyGroup'), value: text(v.group_id ?? v.consistencygroup_id) },
    { label: t('volumes.fields.host'), value: text(v['os-vol-host-attr:host']) },
    { label: t('volumes.fields.project'), value: text(v['os-vol-tenant-attr:tenant_id']) },
    { label: t('volumes.columns.created'), value: formatDateTime(v.created_at, language) },
    { label: t('volumes.fields.updated'), value: formatDateTime(v.updated_at, language) },
  ];
}
