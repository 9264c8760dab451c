import type { Volume } from '@cinder-console/cinder';
import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ResourceColumn } from '../../components/resource-table';
import { column } from '../../components/resource-table/column-builders';
import { AttachedServers } from '../../resources/servers/attached-servers';

function attachedTo(volume: Volume): string {
  return (volume.attachments ?? [])
    .map((attachment) => attachment.server_id ?? attachment.host_name ?? '')
    .filter(Boolean)
    .join(', ');
}

/** The volumes table's columns, labelled in the current language. */
export function volumeColumns(t: TFunction, language: string): ResourceColumn<Volume>[] {
  const yesNo = (value: boolean | undefined) => (value ? t('common.yes') : t('common.no'));
  const label = (column: string) => t(`volumes.columns.${column}`);
  return [
    column.name(label('name'), t('volumes.unnamed'), (v) => `/volumes/${v.id}`, {
      sortable: true,
      csv: (v) => v.name ?? '',
    }),
    // Off by default, as in Horizon: the name links to the volume, whose page shows the id to copy;
    // at 1280 px the table then fits without scrolling sideways. The column chooser brings it back.
    column.id(label('id'), { hiddenByDefault: true }),
    column.status(label('status'), { sortable: true, csv: (v) => v.status }),
    column.display('size', label('size'), (v) => t('volumes.sizeGiB', { size: v.size }), {
      sortable: true,
      csv: (v) => v.size,
    }),
    column.display('type', label('type'), (v) => v.volume_type ?? '', { csv: (v) => v.volume_type ?? '' }),
    column.display('bootable', label('bootable'), (v) => yesNo(v.bootable === 'true'), {
      csv: (v) => v.bootable ?? '',
    }),
    column.display('attached', label('attachedTo'), (v) => <AttachedServers volume={v} brief />, { csv: attachedTo }),
    column.display('az', label('availabilityZone'), (v) => v.availability_zone ?? '', {
      sortable: true,
      csv: (v) => v.availability_zone ?? '',
    }),
    column.display(
      'encrypted',
      label('encrypted'),
      (v) =>
        v.encrypted ? (
          <Badge size="sm" variant="outline">
            {t('volumes.encrypted')}
          </Badge>
        ) : (
          yesNo(false)
        ),
      { csv: (v) => v.encrypted ?? false, hiddenByDefault: true },
    ),
    column.display('multiattach', label('multiattach'), (v) => yesNo(v.multiattach), {
      csv: (v) => v.multiattach ?? false,
      hiddenByDefault: true,
    }),
    column.created(label('created'), language, { sortable: true, csv: (v) => v.created_at }),
  ];
}
