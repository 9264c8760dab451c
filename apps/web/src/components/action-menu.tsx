import { IconDots } from '@tabler/icons-react';
import { ActionIcon, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface MenuAction {
  key: string;
  label: string;
  gate: { allowed: boolean; reason: string | undefined };
  run: () => void;
  danger?: boolean;
}

/**
 * A row's actions in a menu. An action that is not possible now stays in the list, disabled,
 * with the reason under it, so the user learns what would make it possible. A menu of nothing but
 * refusals (a reader's) is not shown at all.
 */
export function ActionMenu({ name, actions }: { name: string; actions: MenuAction[] }) {
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
    >
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('actions.actionsFor', { name })}>
          <IconDots size={16} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown style={{ overflowY: 'auto' }}>
        {actions.map((action) => (
          <Menu.Item
            key={action.key}
            disabled={!action.gate.allowed}
            color={action.danger ? 'red' : undefined}
            onClick={action.run}
          >
            {action.label}
            {action.gate.reason && (
              <Text size="xs" c="dimmed">
                {action.gate.reason}
              </Text>
            )}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
