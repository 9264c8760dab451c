import type { Snapshot, Volume } from '@cinder-console/cinder';
import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format';
import { displayName } from '../../lib/display-name';
import { SnapshotStatus } from './snapshot-status';

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/**
 * Every field of a snapshot worth reading, labelled in the user's language. The volume shows by
 * name once it has loaded, by id until then (or when it cannot be read).
 */
export function snapshotFields(
  t: TFunction,
  language: string,
  s: Snapshot,
  volume: Volume | undefined,
): Array<{ label: string; value: ReactNode }> {
  const consumesQuota = s.consumes_quota;
  return [
    { label: t('snapshots.columns.status'), value: <SnapshotStatus snapshot={s} /> },
    { label: t('snapshots.columns.size'), value: t('snapshots.sizeGiB', { size: s.size }) },
    {
      label: t('snapshots.columns.volume'),
      value: (
        <Anchor component={Link} to={`/volumes/${s.volume_id}`} size="sm">
          {volume ? displayName(volume) : s.volume_id}
        </Anchor>
      ),
    },
    { label: t('snapshots.fields.description'), value: text(s.description) },
    { label: t('snapshots.fields.progress'), value: text(s['os-extended-snapshot-attributes:progress']) },
    { label: t('snapshots.fields.project'), value: text(s['os-extended-snapshot-attributes:project_id']) },
    { label: t('snapshots.fields.user'), value: text(s.user_id) },
    { label: t('snapshots.fields.groupSnapshot'), value: text(s.group_snapshot_id) },
    {
      label: t('snapshots.fields.consumesQuota'),
      value: typeof consumesQuota === 'boolean' ? (consumesQuota ? t('common.yes') : t('common.no')) : '',
    },
    { label: t('snapshots.columns.created'), value: formatDateTime(s.created_at, language) },
    { label: t('snapshots.fields.updated'), value: formatDateTime(s.updated_at, language) },
  ];
}
