import { Autocomplete, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { RemoveButton } from './remove-button';

export interface KeyValueRow {
  key: string;
  value: string;
}

/**
 * Key/value rows of a form list (metadata, extra specs, QoS keys), titled for what they hold, with
 * add and remove. `strings` names the words of its rows' labels; `suggest` makes each key a
 * combobox offering common keys as the user types.
 */
export function KeyValueFields({
  form,
  path,
  title,
  add,
  strings,
  suggest,
}: {
  // The form's value type varies by dialog; only the list at `path` is touched.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: UseFormReturnType<any>;
  path: string;
  title: string;
  add: string;
  strings: 'metadata' | 'volumeTypes.keyValues';
  suggest?: readonly string[];
}) {
  const { t } = useTranslation();
  const rows = (form.getValues() as Record<string, KeyValueRow[]>)[path] ?? [];
  // Spec keys offer the keys the cloud reads; metadata keys are the user's own, a plain text box.
  const KeyInput = suggest ? Autocomplete : TextInput;
  return (
    <Stack gap={4} role="group" aria-label={title}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      {rows.map((_, index) => (
        <Group key={index} gap="xs" wrap="nowrap" align="flex-end">
          <KeyInput
            size="xs"
            aria-label={t(`${strings}.keyN`, { n: index + 1 })}
            placeholder={t(`${strings}.key`)}
            {...(suggest ? { data: [...suggest] } : {})}
            {...form.getInputProps(`${path}.${index}.key`)}
          />
          <TextInput
            size="xs"
            aria-label={t(`${strings}.valueN`, { n: index + 1 })}
            placeholder={t(`${strings}.value`)}
            {...form.getInputProps(`${path}.${index}.value`)}
          />
          <RemoveButton
            label={t(`${strings}.removeN`, { n: index + 1 })}
            onClick={() => form.removeListItem(path, index)}
          />
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="subtle" onClick={() => form.insertListItem(path, { key: '', value: '' })}>
          {add}
        </Button>
      </Group>
    </Stack>
  );
}
