import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCinderMutation } from '../lib/use-cinder-mutation';
import { detailKey } from '../lib/use-resource-list';
import { MetadataFields, metadataObject, metadataRows, type MetadataRow } from './metadata-fields';

/** Cinder's metadata keys: 1-255 letters, digits, spaces or `- _ : . /`. */
const KEY_PATTERN = /^[a-zA-Z0-9-_:. /]{1,255}$/;

/**
 * Edits a resource's metadata as a whole (`PUT …/metadata`): what the form shows when saved
 * replaces what Cinder holds, so a removed row removes the key. Keys are checked as Cinder would.
 */
export function MetadataForm({
  resource,
  kind,
  replace,
  texts,
  close,
}: {
  resource: { id: string; metadata?: Record<string, string> | undefined };
  /** `volumes` or `snapshots`: whose list and detail caches change. */
  kind: string;
  replace: (metadata: Record<string, string>) => Promise<unknown>;
  texts: { done: string; failed: string };
  close: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<{ metadata: MetadataRow[] }>({
    initialValues: { metadata: metadataRows(resource.metadata) },
    validate: {
      metadata: {
        key: (key: string, values, path) => {
          const index = Number(path.split('.')[1]);
          const trimmed = key.trim();
          if (!trimmed) return values.metadata[index]?.value ? t('metadata.keyRequired') : null;
          if (!KEY_PATTERN.test(trimmed)) return t('metadata.keyInvalid');
          const duplicate = values.metadata.some((row, other) => other < index && row.key.trim() === trimmed);
          return duplicate ? t('metadata.keyDuplicate') : null;
        },
      },
    },
  });
  const save = useCinderMutation({
    call: (rows: MetadataRow[]) => replace(metadataObject(rows)),
    done: () => texts.done,
    failed: () => texts.failed,
    affects: [kind],
    onDone: () => {
      void queryClient.invalidateQueries({ queryKey: detailKey(kind, resource.id) });
      close();
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values.metadata))} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('metadata.replaceHint')}
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
