import type { Volume } from '@cinder-console/cinder';
import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { MetadataFields, metadataObject, metadataRows, type MetadataRow } from '../../../components/metadata-fields';
import { apiVoid } from '../../../lib/api-client';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../names';

/** Edits a volume's metadata as a whole: `PUT /volumes/{id}/metadata` replaces every item. */
export function VolumeMetadataForm({ volume, close }: { volume: Volume; close: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ metadata: MetadataRow[] }>({ initialValues: { metadata: metadataRows(volume.metadata) } });
  const save = useCinderMutation({
    call: (rows: MetadataRow[]) =>
      apiVoid(`/api/cinder/volumes/${encodeURIComponent(volume.id)}/metadata`, {
        method: 'PUT',
        body: { metadata: metadataObject(rows) },
      }),
    done: () => t('volumes.metadata.done', { name: displayName(volume) }),
    failed: () => t('volumes.metadata.failed', { name: displayName(volume) }),
    affects: ['volumes'],
    onDone: close,
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values.metadata))} noValidate>
      <Stack gap="sm">
        <MetadataFields form={form} path="metadata" />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
