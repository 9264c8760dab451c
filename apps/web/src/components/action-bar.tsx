import { Group } from '@mantine/core';
import type { MenuAction } from './action-menu';
import { GatedButton } from './gated-button';

/**
 * The detail page's actions as buttons; one that is not possible now stays focusable with its
 * reason. Where the user may do none of them (a reader), the toolbar is left out.
 */
function ActionButton({ action }: { action: MenuAction }) {
  return (
    <GatedButton
      size="xs"
      variant={action.danger ? 'light' : 'default'}
      color={action.danger ? 'red' : undefined}
      gate={action.gate}
      onClick={action.run}
    >
      {action.label}
    </GatedButton>
  );
}

/** A resource's actions as a toolbar of buttons, named for assistive technology by `label`. */
export function ActionBar({ actions, label }: { actions: MenuAction[]; label: string }) {
  if (!actions.some((action) => action.gate.allowed)) return null;
  return (
    <Group gap="xs" role="toolbar" aria-label={label}>
      {actions.map((action) => (
        <ActionButton key={action.key} action={action} />
      ))}
    </Group>
  );
}
