import {
  parseOpenStackTime,
  SNAPSHOT_LIFECYCLE,
  VOLUME_LIFECYCLE,
  type Snapshot,
  type Volume,
} from '@cinder-console/cinder';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useActionGate, type Gate } from '../../lib/action-gate';
import { useCloudAbilities } from '../../lib/capabilities';
import { VENDOR_ROLLBACK_FROM_SNAPSHOT } from './api';
import { volumeQueries } from '../volumes/api';
import { displayName } from '../../lib/display-name';

/** Cinder's "latest" snapshot of a volume: the last created, whatever its status. */
function newestOf(snapshots: Snapshot[]): Snapshot | undefined {
  const time = (snapshot: Snapshot) => parseOpenStackTime(snapshot.created_at).getTime();
  return snapshots.reduce<Snapshot | undefined>(
    (newest, s) => (!newest || time(s) > time(newest) ? s : newest),
    undefined,
  );
}

export interface RevertTarget {
  gate: Gate;
  /** The volume to revert, once loaded. */
  volume: Volume | undefined;
}

/**
 * Whether the snapshot's volume may be put back to it now. The snapshot must allow it (status, and
 * 3.40 upstream), the volume must too, and upstream Cinder takes only the volume's newest snapshot.
 * The volume and its snapshots are read only for a snapshot given (a row menu gives its snapshot once
 * it opens); without one there is nothing to say.
 */
export function useRevertTarget(snapshot: Snapshot | undefined): RevertTarget | undefined {
  const { t } = useTranslation();
  const gateFor = useActionGate();
  const vendor = useCloudAbilities()?.features.vendorRollback === true;
  const volumeId = snapshot?.volume_id ?? '';
  const volume = useQuery({ ...volumeQueries.detail(volumeId), enabled: snapshot !== undefined });
  const siblings = useQuery({ ...volumeQueries.snapshotsOf(volumeId), enabled: snapshot !== undefined && !vendor });
  if (!snapshot) return undefined;
  const refuse = (reason: string | undefined): RevertTarget => ({
    gate: { allowed: false, reason },
    volume: volume.data,
  });

  const ofSnapshot = gateFor(vendor ? VENDOR_ROLLBACK_FROM_SNAPSHOT : SNAPSHOT_LIFECYCLE.revertTo, snapshot.status);
  if (!ofSnapshot.allowed) return refuse(ofSnapshot.reason);
  if (volume.isError) return refuse(t('snapshots.revert.volumeUnavailable'));
  if (!volume.data || (!vendor && !siblings.data)) return refuse(t('snapshots.revert.loadingVolume'));
  const ofVolume = gateFor(vendor ? VOLUME_LIFECYCLE.rollback : VOLUME_LIFECYCLE.revert, volume.data.status);
  if (!ofVolume.allowed) return refuse(t('snapshots.revert.volumeRefused', { reason: ofVolume.reason }));
  const newest = vendor ? undefined : newestOf(siblings.data?.items ?? []);
  if (newest && newest.id !== snapshot.id)
    return refuse(t('snapshots.revert.notNewest', { name: displayName(newest) }));
  return { gate: ofVolume, volume: volume.data };
}
