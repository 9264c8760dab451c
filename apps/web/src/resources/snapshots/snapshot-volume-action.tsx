import { VOLUME_LIFECYCLE, type Volume } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import type { MenuAction } from '../../components/action-menu';
import { useActionGate } from '../../lib/action-gate';
import { displayName } from '../../lib/display-name';
import { openDialog } from '../../lib/open-dialog';
import { CreateSnapshotForm } from './dialogs/create-snapshot-dialog';

/** "Create snapshot" in a volume's menu: this kind's action, offered where volumes are. */
export function useSnapshotVolumeAction(): (volume: Volume) => MenuAction {
  const { t } = useTranslation();
  const gate = useActionGate();
  return (volume) => ({
    key: 'snapshot',
    label: t('volumes.actions.snapshot'),
    gate: gate(VOLUME_LIFECYCLE.snapshot, volume.status, { force: true }),
    run: () =>
      openDialog(t('volumes.dialogs.snapshot', { name: displayName(volume) }), (close) => (
        <CreateSnapshotForm volume={volume} close={close} />
      )),
  });
}
