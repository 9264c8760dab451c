import { VOLUME_LIFECYCLE, type Volume } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import type { MenuAction } from '../../components/action-menu';
import { useActionGate } from '../../lib/action-gate';
import { displayName } from '../../lib/display-name';
import { openDialog } from '../../lib/open-dialog';
import { CreateBackupForm } from './dialogs/create-backup-dialog';

/** "Create backup" in a volume's menu: this kind's action, offered where volumes are. */
export function useBackUpVolumeAction(): (volume: Volume) => MenuAction {
  const { t } = useTranslation();
  const gate = useActionGate();
  return (volume) => ({
    key: 'backup',
    label: t('volumes.actions.backup'),
    gate: gate(VOLUME_LIFECYCLE.backup, volume.status, { force: true }),
    run: () =>
      openDialog(t('volumes.dialogs.backup', { name: displayName(volume) }), (close) => (
        <CreateBackupForm volume={volume} close={close} />
      )),
  });
}
