import { IconDots } from '@tabler/icons-react';
import { ActionIcon, Menu, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface MenuAction {
  key: string;
  label: string;
  gate: { allowed: boolean; reason: string | undefined };
  run: () => void;
  danger?: boolean;
}

function ActionItem({ action }: { action: MenuAction }) {
  const reasonId = useId();
  const { allowed, reason } = action.gate;
  return (
    <Menu.Item
      disabled={!allowed}
      color={action.danger ? 'red' : undefined}
      onClick={action.run}
      // The reason is read after the name, so "Delete" stays the item's name.
      aria-label={action.label}
      aria-describedby={reason ? reasonId : undefined}
    >
      {action.label}
      {reason && (
        <Text id={reasonId} size="xs" c="dimmed">
          {reason}
        </Text>
      )}
    </Menu.Item>
  );
}

/**
 * A row's actions in a menu. An action that is not possible now stays in the list, disabled,
 * with the reason under it, so the user learns what would make it possible. A menu of nothing but
 * refusals (a reader's) is not shown at all. `onOpenChange` lets a row read what only some of its
 * actions need once the menu opens, not for every row of the page.
 */
export function ActionMenu({
  name,
  actions,
  onOpenChange,
}: {
  name: string;
  actions: MenuAction[];
  onOpenChange?: (opened: boolean) => void;
}) {
  const { t } = useTranslation();
  if (!actions.some((action) => action.gate.allowed)) return null;
  return (
    // An admin's menu is long (repair, migrate, unmanage…): it is kept within the window and
    // scrolls, rather than running off its edge where its last items cannot be reached.
    <Menu
      position="bottom-end"
      withinPortal
      shadow="md"
      width={280}
      middlewares={{ flip: true, shift: true, size: { padding: 8 } }}
      {...(onOpenChange ? { onChange: onOpenChange } : {})}
    >
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('actions.actionsFor', { name })}>
          <IconDots size={16} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown style={{ overflowY: 'auto' }}>
        {actions.map((action) => (
          <ActionItem key={action.key} action={action} />
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
