import type { Snapshot } from '@cinder-console/cinder';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MetadataFields, metadataObject, metadataRows, type MetadataRow } from '../../../components/metadata-fields';
import { useCinderMutation } from '../../../lib/use-cinder-mutation';
import { displayName } from '../../volumes/names';
import { snapshotCalls, snapshotQueries } from '../api';

/** Cinder's metadata keys: 1-255 letters, digits, spaces or `- _ : . /`. */
const KEY_PATTERN = /^[a-zA-Z0-9-_:. /]{1,255}$/;

/**
 * Edits a snapshot's metadata as a whole: what the form shows when saved replaces what Cinder
 * holds, so a removed row removes the key.
 */
export function SnapshotMetadataForm({ snapshot, close }: { snapshot: Snapshot; close: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ metadata: MetadataRow[] }>({
    initialValues: { metadata: metadataRows(snapshot.metadata) },
    validate: {
      metadata: {
        key: (key: string, values, path) => {
          const index = Number(path.split('.')[1]);
          const trimmed = key.trim();
          if (!trimmed) return values.metadata[index]?.value ? t('snapshots.metadata.keyRequired') : null;
          if (!KEY_PATTERN.test(trimmed)) return t('snapshots.metadata.keyInvalid');
          const duplicate = values.metadata.some((row, other) => other < index && row.key.trim() === trimmed);
          return duplicate ? t('snapshots.metadata.keyDuplicate') : null;
        },
      },
    },
  });
  const save = useCinderMutation({
    call: (rows: MetadataRow[]) => snapshotCalls.replaceMetadata(snapshot.id, metadataObject(rows)),
    done: () => t('snapshots.metadata.done', { name: displayName(snapshot) }),
    failed: () => t('snapshots.metadata.failed', { name: displayName(snapshot) }),
    affects: ['snapshots'],
    onDone: (result) => {
      queryClient.setQueryData(snapshotQueries.detail(snapshot.id).queryKey, (current) =>
        current ? { ...current, metadata: result.metadata } : current,
      );
      close();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values.metadata))} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('snapshots.metadata.hint')}
        </Text>
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
