import { IconX } from '@tabler/icons-react';
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { FormErrors, UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
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

/** A value without a key would be dropped and a repeated key would overwrite: both are named. */
export function metadataRowErrors(t: TFunction, path: string, rows: readonly MetadataRow[]): FormErrors {
  const errors: FormErrors = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const key = row.key.trim();
    if (!key && row.value) errors[`${path}.${index}.key`] = t('metadata.keyRequired');
    else if (key && seen.has(key)) errors[`${path}.${index}.key`] = t('metadata.keyDuplicate');
    seen.add(key);
  });
  return errors;
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
            {...form.getInputProps(`${path}.${index}.key`)}
          />
          <TextInput
            size="xs"
            aria-label={t('metadata.valueN', { n: index + 1 })}
            placeholder={t('metadata.value')}
            {...form.getInputProps(`${path}.${index}.value`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('metadata.removeN', { n: index + 1 })}
            onClick={() => form.removeListItem(path, index)}
          >
            <IconX size={14} aria-hidden />
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
