import type { FormErrors, UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { KeyValueFields, type KeyValueRow } from './key-value-fields';

export type MetadataRow = KeyValueRow;

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
  return (
    <KeyValueFields form={form} path={path} title={t('metadata.title')} add={t('metadata.add')} strings="metadata" />
  );
}
