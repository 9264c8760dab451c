import {
  BACKUP_LIFECYCLE,
  SNAPSHOT_LIFECYCLE,
  VOLUME_LIFECYCLE,
  type Backup,
  type Snapshot,
  type Volume,
} from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import type { MenuAction } from '../../components/action-menu';
import { useActionGate } from '../../lib/action-gate';
import { useCloudAbilities } from '../../lib/capabilities';
import { openDialog } from '../../lib/open-dialog';
import { displayName } from '../../lib/display-name';
import { ExportBackupRecord } from './dialogs/backup-record-dialogs';
import { MigrateVolumeForm } from './dialogs/migrate-volume-dialog';
import { UnmanageForm } from './dialogs/unmanage-dialog';

/**
 * The administrator's storage actions on one resource (migrate, unmanage, export a backup's
 * record), to append to its action list. Members get none: no member may ever use them.
 */
export function useStorageActions() {
  const { t } = useTranslation();
  const gate = useActionGate();
  const admin = useCloudAbilities()?.admin === true;
  return {
    volume: (volume: Volume, onGone?: () => void): MenuAction[] => {
      if (!admin) return [];
      const name = displayName(volume);
      return [
        {
          key: 'migrate',
          label: t('storage.actions.migrate'),
          gate: gate(VOLUME_LIFECYCLE.migrate, volume.status),
          run: () =>
            openDialog(t('storage.migrate.title', { name }), (close) => (
              <MigrateVolumeForm volume={volume} close={close} />
            )),
        },
        {
          key: 'unmanage',
          label: t('storage.actions.unmanage'),
          gate: gate(VOLUME_LIFECYCLE.unmanage, volume.status),
          danger: true,
          run: () =>
            openDialog(t('storage.unmanage.title', { name }), (close) => (
              <UnmanageForm kind="volumes" item={volume} name={name} close={close} onDone={onGone} />
            )),
        },
      ];
    },
    snapshot: (snapshot: Snapshot, onGone?: () => void): MenuAction[] => {
      if (!admin) return [];
      const name = displayName(snapshot);
      return [
        {
          key: 'unmanage',
          label: t('storage.actions.unmanage'),
          gate: gate(SNAPSHOT_LIFECYCLE.unmanage, snapshot.status),
          danger: true,
          run: () =>
            openDialog(t('storage.unmanage.title', { name }), (close) => (
              <UnmanageForm kind="snapshots" item={snapshot} name={name} close={close} onDone={onGone} />
            )),
        },
      ];
    },
    backup: (backup: Backup): MenuAction[] => {
      if (!admin) return [];
      const name = displayName(backup);
      return [
        {
          key: 'exportRecord',
          label: t('storage.actions.exportRecord'),
          gate: gate(BACKUP_LIFECYCLE.exportRecord, backup.status),
          run: () =>
            openDialog(
              t('storage.backupRecord.exportTitle', { name }),
              (close) => <ExportBackupRecord backup={backup} close={close} />,
              'lg',
            ),
        },
      ];
    },
  };
}
