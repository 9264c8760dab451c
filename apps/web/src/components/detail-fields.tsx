import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A resource's fields as a description list: terms and values that screen readers pair up. */
export function DetailFields({ fields }: { fields: Array<{ label: string; value: ReactNode }> }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="xs" m={0}>
      {fields.map((field) => (
        <Stack key={field.label} gap={0}>
          <Text component="dt" size="xs" c="dimmed">
            {field.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {field.value === '' || field.value === null || field.value === undefined ? '—' : field.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  );
}
