import { MICROVERSION_FEATURES, type ActionRule } from '@cinder-console/cinder';

/**
 * Backup actions the shared lifecycle table does not list yet, in its terms so the action gate
 * explains them like every other action. Candidates for `BACKUP_LIFECYCLE` in packages/cinder.
 */
export const BACKUP_EXTRA_RULES = {
  /** `PUT /backups/{id}` exists from 3.9 and has no status condition. */
  update: { from: [], minVersion: 9, transitional: 'previous', end: 'previous', failure: 'previous' },
  /** A new volume from a backup (`backup_id`, 3.47) needs the backup `available`. */
  createVolume: {
    from: ['available'],
    minVersion: MICROVERSION_FEATURES.volumeFromBackup,
    transitional: 'restoring',
    end: 'available',
    failure: 'available',
  },
} as const satisfies Record<string, ActionRule>;
