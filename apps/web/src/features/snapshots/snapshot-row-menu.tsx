import type { Snapshot } from '@cinder-console/cinder';
import { useState } from 'react';
import { ActionMenu } from '../../components/action-menu';
import { displayName } from '../../lib/display-name';
import { useSnapshotActions } from '../../resources/snapshots/snapshot-actions';

/**
 * A snapshot row's menu. What revert needs to know (the volume and its snapshots) is read only once
 * the menu opens, not for every row of the page.
 */
export function SnapshotRowMenu({ snapshot }: { snapshot: Snapshot }) {
  const [opened, setOpened] = useState(false);
  const actionsOf = useSnapshotActions(undefined, opened ? snapshot : undefined);
  return <ActionMenu name={displayName(snapshot)} actions={actionsOf(snapshot)} onOpenChange={setOpened} />;
}
