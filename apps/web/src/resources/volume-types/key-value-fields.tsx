import { IconX } from '@tabler/icons-react';
import { ActionIcon, Autocomplete, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { MetadataRow } from '../../components/metadata-fields';

/**
 * Key/value rows of a form list (extra specs, QoS keys), titled for what they hold; `suggest`
 * offers common keys as the user types.
 */
export function KeyValueFields({
  form,
  path,
  title,
  add,
  suggest = [],
}: {
  // The form's value type varies by dialog; only the list at `path` is touched.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: UseFormReturnType<any>;
  path: string;
  title: string;
  add: string;
  suggest?: readonly string[];
}) {
  const { t } = useTranslation();
  const rows = (form.getValues() as Record<string, MetadataRow[]>)[path] ?? [];
  return (
    <Stack gap={4} role="group" aria-label={title}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      {rows.map((_, index) => (
        <Group key={index} gap="xs" wrap="nowrap" align="flex-end">
          <Autocomplete
            size="xs"
            aria-label={t('volumeTypes.keyValues.keyN', { n: index + 1 })}
            placeholder={t('volumeTypes.specs.key')}
            data={[...suggest]}
            {...form.getInputProps(`${path}.${index}.key`)}
          />
          <TextInput
            size="xs"
            aria-label={t('volumeTypes.keyValues.valueN', { n: index + 1 })}
            placeholder={t('volumeTypes.specs.value')}
            {...form.getInputProps(`${path}.${index}.value`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('volumeTypes.keyValues.removeN', { n: index + 1 })}
            onClick={() => form.removeListItem(path, index)}
          >
            <IconX size={14} aria-hidden />
          </ActionIcon>
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
