import type { Snapshot } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import { ActionBar } from '../../components/action-bar';
import { useSnapshotActions } from '../../resources/snapshots/snapshot-actions';

/** The detail page's actions on its snapshot, as buttons (revert's volume is read at once here). */
export function SnapshotActionBar({ snapshot, onDeleted }: { snapshot: Snapshot; onDeleted: () => void }) {
  const { t } = useTranslation();
  const actions = useSnapshotActions(onDeleted, snapshot)(snapshot);
  return <ActionBar actions={actions} label={t('snapshots.detail.actions')} />;
}
