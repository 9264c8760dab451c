import { IconX } from '@tabler/icons-react';
import { ActionIcon } from '@mantine/core';

/** A small red × that removes one entry of a list; `label` says which ("Remove access for demo"). */
export function RemoveButton({ label, onClick, pending }: { label: string; onClick: () => void; pending?: boolean }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} loading={pending} onClick={onClick}>
      <IconX size={14} aria-hidden />
    </ActionIcon>
  );
}
