import { IconDots } from '@tabler/icons-react';
import type { Snapshot } from '@cinder-console/cinder';
import { ActionIcon, Menu, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../lib/display-name';
import { useSnapshotActions, type SnapshotAction } from './use-snapshot-actions';

function ActionItem({ action }: { action: SnapshotAction }) {
  const reasonId = useId();
  const { allowed, reason } = action.gate;
  return (
    <Menu.Item
      disabled={!allowed}
      color={action.danger ? 'red' : undefined}
      onClick={action.run}
      // The reason is read after the name, so "Delete" stays the item's name.
      aria-label={action.label}
      aria-describedby={!allowed && reason ? reasonId : undefined}
    >
      {action.label}
      {!allowed && reason && (
        <Text id={reasonId} size="xs" c="dimmed" maw={260}>
          {reason}
        </Text>
      )}
    </Menu.Item>
  );
}

/**
 * A row's actions behind one button. What revert needs to know (the volume and its snapshots) is
 * read only once the menu opens, not for every row of the page.
 */
export function SnapshotRowMenu({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const actions = useSnapshotActions(snapshot, { loadVolume: opened });
  // A menu of nothing but refusals (a reader's) is left out.
  if (!actions.some((action) => action.gate.allowed)) return null;
  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('actions.actionsFor', { name: displayName(snapshot) })}>
          <IconDots size={16} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((action) => (
          <ActionItem key={action.id} action={action} />
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
