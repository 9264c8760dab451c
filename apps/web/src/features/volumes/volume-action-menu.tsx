import type { Volume } from '@cinder-console/cinder';
import { ActionMenu } from '../../components/action-menu';
import { rowActions } from '../../components/row-actions';
import { displayName } from '../../lib/display-name';
import { useVolumeMenu } from './use-volume-menu';

/** Every volume row's actions, worked out once for the page (components/row-actions.tsx). */
export const VolumeRowActions = rowActions<Volume>(useVolumeMenu);

/**
 * A volume row's menu. It is a component of its own, not a closure in the page's columns, so the
 * cell keeps its identity across the page's re-renders (every live update is one) and an open menu
 * stays open instead of being remounted shut under the user's pointer.
 */
export function VolumeActionMenu({ volume }: { volume: Volume }) {
  const actionsOf = VolumeRowActions.useRowActions();
  return <ActionMenu name={displayName(volume)} actions={actionsOf(volume)} />;
}
