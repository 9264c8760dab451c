import { VOLUME_LIFECYCLE, type Volume } from '@cinder-console/cinder';
import { useTranslation } from 'react-i18next';
import type { MenuAction } from '../../components/action-menu';
import { useActionGate, useWriteGate, type Gate } from '../../lib/action-gate';
import { useCloudAbilities } from '../../lib/capabilities';
import { openDialog } from '../../lib/open-dialog';
import { useCinderMutation } from '../../lib/use-cinder-mutation';
import { volumeCalls } from './api';
import { CreateVolumeForm } from './dialogs/create-volume-dialog';
import { DeleteVolumesForm } from './dialogs/delete-volumes-dialog';
import { EditVolumeForm } from './dialogs/edit-volume-dialog';
import { ExtendVolumeForm } from './dialogs/extend-volume-dialog';
import { RetypeVolumeForm } from './dialogs/retype-volume-dialog';
import { RevertVolumeForm } from './dialogs/revert-volume-dialog';
import { TransferVolumeForm } from './dialogs/transfer-volume-dialog';
import { UploadImageForm } from './dialogs/upload-image-dialog';
import { VolumeFlagForm } from './dialogs/volume-flag-dialog';
import { VolumeMetadataForm } from './dialogs/volume-metadata-dialog';
import { AttachVolumeForm } from './dialogs/attach-volume-dialog';
import { DetachVolumeForm } from './dialogs/detach-volume-dialog';
import { displayName } from '../../lib/display-name';

export type VolumeAction = MenuAction;

/**
 * The volume kind's own actions on one volume, each with whether the lifecycle table, the cloud's
 * microversion and the user's role allow it now (and why not). What other kinds add to a volume's
 * menu (snapshot, backup, repair, storage) is composed above them all, in features/volumes.
 */
export function useVolumeActions(onDeleted?: () => void): (volume: Volume) => VolumeAction[] {
  const { t } = useTranslation();
  const gate = useActionGate();
  const write = useWriteGate();
  const abilities = useCloudAbilities();
  const cancelTransfer = useCinderMutation({
    call: (volume: Volume) => volumeCalls.cancelTransferOf(abilities?.volumeApi.major, volume.id),
    done: (volume) => t('volumes.transfer.cancelled', { name: displayName(volume) }),
    failed: (volume) => t('volumes.transfer.cancelFailed', { name: displayName(volume) }),
    affects: ['volumes'],
  });
  return (volume) => {
    const name = displayName(volume);
    const dialog = (key: string, content: (close: () => void) => React.ReactNode, size?: string) => () =>
      openDialog(t(`volumes.dialogs.${key}`, { name }), content, size);
    const revertRule = abilities?.features.vendorRollback ? VOLUME_LIFECYCLE.rollback : VOLUME_LIFECYCLE.revert;
    // Attach and detach go through Nova: offered only where the catalog has a compute service.
    const compute: Gate | undefined = abilities?.features.compute
      ? undefined
      : { allowed: false, reason: t('servers.noComputeService') };
    const attachGate =
      compute ??
      (volume.multiattach && volume.status === 'in-use' ? write : gate(VOLUME_LIFECYCLE.attach, volume.status));
    const actions: VolumeAction[] = [
      {
        key: 'attach',
        label: t('volumes.actions.attach'),
        gate: attachGate,
        run: dialog('attach', (close) => <AttachVolumeForm volume={volume} close={close} />),
      },
      {
        key: 'detach',
        label: t('volumes.actions.detach'),
        gate: compute ?? gate(VOLUME_LIFECYCLE.detach, volume.status),
        run: dialog('detach', (close) => <DetachVolumeForm volume={volume} close={close} />),
      },
      {
        key: 'edit',
        label: t('volumes.actions.edit'),
        gate: write,
        run: dialog('edit', (close) => <EditVolumeForm volume={volume} close={close} />),
      },
      {
        key: 'extend',
        label: t('volumes.actions.extend'),
        gate: gate(VOLUME_LIFECYCLE.extend, volume.status),
        run: dialog('extend', (close) => <ExtendVolumeForm volume={volume} close={close} />),
      },
      {
        key: 'revert',
        label: abilities?.features.vendorRollback ? t('volumes.actions.rollback') : t('volumes.actions.revert'),
        gate: gate(revertRule, volume.status),
        run: dialog(abilities?.features.vendorRollback ? 'rollback' : 'revert', (close) => (
          <RevertVolumeForm volume={volume} close={close} />
        )),
      },
      {
        key: 'clone',
        label: t('volumes.actions.clone'),
        gate: write,
        run: dialog(
          'clone',
          (close) => <CreateVolumeForm defaults={{ source: 'volume', sourceId: volume.id }} close={close} />,
          'lg',
        ),
      },
      {
        key: 'retype',
        label: t('volumes.actions.retype'),
        gate: gate(VOLUME_LIFECYCLE.retype, volume.status),
        run: dialog('retype', (close) => <RetypeVolumeForm volume={volume} close={close} />),
      },
      {
        key: 'metadata',
        label: t('volumes.actions.metadata'),
        gate: write,
        run: dialog('metadata', (close) => <VolumeMetadataForm volume={volume} close={close} />, 'lg'),
      },
      {
        key: 'bootable',
        label: t('volumes.actions.bootable'),
        gate: write,
        run: dialog('bootable', (close) => <VolumeFlagForm volume={volume} flag="bootable" close={close} />),
      },
      {
        key: 'readonly',
        label: t('volumes.actions.readonly'),
        gate: gate(VOLUME_LIFECYCLE.updateReadonly, volume.status),
        run: dialog('readonly', (close) => <VolumeFlagForm volume={volume} flag="readonly" close={close} />),
      },
      {
        key: 'uploadImage',
        label: t('volumes.actions.uploadImage'),
        gate: abilities?.features.images
          ? gate(VOLUME_LIFECYCLE.uploadImage, volume.status)
          : { allowed: false, reason: t('volumes.noImageService') },
        run: dialog('uploadImage', (close) => <UploadImageForm volume={volume} close={close} />),
      },
      volume.status === 'awaiting-transfer'
        ? {
            key: 'cancelTransfer',
            label: t('volumes.actions.cancelTransfer'),
            gate: write,
            run: () => cancelTransfer.mutate(volume),
          }
        : {
            key: 'transfer',
            label: t('volumes.actions.transfer'),
            gate: gate(VOLUME_LIFECYCLE.transfer, volume.status),
            run: dialog('transfer', (close) => <TransferVolumeForm volume={volume} close={close} />),
          },
      {
        key: 'delete',
        label: t('volumes.actions.delete'),
        gate: gate(VOLUME_LIFECYCLE.delete, volume.status),
        danger: true,
        run: dialog('delete', (close) => (
          <DeleteVolumesForm volumes={[volume]} close={close} {...(onDeleted ? { onDeleted } : {})} />
        )),
      },
    ];
    return actions;
  };
}
