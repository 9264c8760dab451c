import type { Snapshot } from '@cinder-console/cinder';
import { Button, Group, Tooltip, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useSnapshotActions, type SnapshotAction } from './use-snapshot-actions';

/**
 * A disabled action stays focusable (`aria-disabled`, not `disabled`) so keyboard users reach it
 * and its tooltip tells them why it is not possible now.
 */
function ActionButton({ action }: { action: SnapshotAction }) {
  const reasonId = useId();
  const { allowed, reason } = action.gate;
  const button = (
    <Button
      size="xs"
      variant={action.danger ? 'light' : 'default'}
      color={action.danger ? 'red' : undefined}
      data-disabled={!allowed || undefined}
      aria-disabled={!allowed || undefined}
      aria-describedby={!allowed && reason ? reasonId : undefined}
      onClick={(event) => {
        if (!allowed) event.preventDefault();
        else action.run();
      }}
    >
      {action.label}
    </Button>
  );
  if (allowed || !reason) return button;
  return (
    <>
      <Tooltip label={reason} events={{ hover: true, focus: true, touch: true }} withArrow>
        {button}
      </Tooltip>
      {/* The tooltip exists only while shown; assistive technology reads the reason from here. */}
      <VisuallyHidden id={reasonId}>{reason}</VisuallyHidden>
    </>
  );
}

/** The detail page's actions on its snapshot, as buttons. */
export function SnapshotActionBar({ snapshot, onDeleted }: { snapshot: Snapshot; onDeleted: () => void }) {
  const actions = useSnapshotActions(snapshot, { loadVolume: true, onDeleted });
  return (
    <Group gap="xs">
      {actions.map((action) => (
        <ActionButton key={action.id} action={action} />
      ))}
    </Group>
  );
}
