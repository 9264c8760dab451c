import { Button, Group, Tooltip, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import type { MenuAction } from './action-menu';

/**
 * The detail page's actions as buttons. One that is not possible now stays focusable (marked
 * `aria-disabled`, not `disabled`) so keyboard and screen reader users reach the reason too.
 */
function ActionButton({ action }: { action: MenuAction }) {
  const reasonId = useId();
  const color = action.danger ? 'red' : undefined;
  const variant = action.danger ? 'light' : 'default';
  if (action.gate.allowed) {
    return (
      <Button size="xs" variant={variant} color={color} onClick={action.run}>
        {action.label}
      </Button>
    );
  }
  return (
    <>
      <Tooltip label={action.gate.reason} withArrow multiline maw={280}>
        <Button
          size="xs"
          variant={variant}
          color={color}
          data-disabled
          aria-disabled
          aria-describedby={reasonId}
          onClick={(event) => event.preventDefault()}
        >
          {action.label}
        </Button>
      </Tooltip>
      <VisuallyHidden id={reasonId}>{action.gate.reason}</VisuallyHidden>
    </>
  );
}

/** A resource's actions as a toolbar of buttons, named for assistive technology by `label`. */
export function ActionBar({ actions, label }: { actions: MenuAction[]; label: string }) {
  return (
    <Group gap="xs" role="toolbar" aria-label={label}>
      {actions.map((action) => (
        <ActionButton key={action.key} action={action} />
      ))}
    </Group>
  );
}
