import type { ReactNode } from 'react';
import { Button, Group } from '@mantine/core';

/**
 * A one-line form under a list: the pickers (`children`), then the button that adds what they
 * name. The button waits until every picker has a value (`ready`) and spins while the cloud works.
 */
export function InlineAddForm({
  children,
  ready,
  pending,
  submitLabel,
  onSubmit,
}: {
  children: ReactNode;
  ready: boolean;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
}) {
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onSubmit();
      }}
    >
      <Group align="flex-end" gap="sm">
        {children}
        <Button type="submit" disabled={!ready} loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}
