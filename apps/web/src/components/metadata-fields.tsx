import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

export interface MetadataRow {
  key: string;
  value: string;
}

export function metadataRows(metadata: Record<string, string> | undefined): MetadataRow[] {
  return Object.entries(metadata ?? {}).map(([key, value]) => ({ key, value }));
}

/** The rows as Cinder's metadata object; rows without a key are dropped. */
export function metadataObject(rows: readonly MetadataRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row.key.trim()).map((row) => [row.key.trim(), row.value]));
}

/** Key/value rows of a form's metadata list, with add and remove. */
// The form's value type varies by dialog; only the list at `path` is touched.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function MetadataFields({ form, path }: { form: UseFormReturnType<any>; path: string }) {
  const { t } = useTranslation();
  const rows = (form.getValues() as Record<string, MetadataRow[]>)[path] ?? [];
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('metadata.title')}
      </Text>
      {rows.map((_, index) => (
        <Group key={index} gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            size="xs"
            aria-label={t('metadata.keyN', { n: index + 1 })}
            placeholder={t('metadata.key')}
            maxLength={255}
            {...form.getInputProps(`${path}.${index}.key`)}
          />
          <TextInput
            size="xs"
            aria-label={t('metadata.valueN', { n: index + 1 })}
            placeholder={t('metadata.value')}
            maxLength={255}
            {...form.getInputProps(`${path}.${index}.value`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('metadata.removeN', { n: index + 1 })}
            onClick={() => form.removeListItem(path, index)}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="subtle" onClick={() => form.insertListItem(path, { key: '', value: '' })}>
          {t('metadata.add')}
        </Button>
      </Group>
    </Stack>
  );
}
