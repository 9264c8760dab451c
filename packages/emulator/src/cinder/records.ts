/** Cinder's data as the emulator keeps it: one record type per resource, times as Dates. */

interface VolumeAttachmentRecord {
  attachmentId: string;
  serverId: string | null;
  hostName: string | null;
  device: string | null;
  attachedAt: Date;
}

export interface VolumeRecord {
  id: string;
  projectId: string;
  userId: string;
  name: string | null;
  description: string | null;
  status: string;
  /** The status to return to when an action that keeps it (`previous`) ends. */
  previousStatus: string | null;
  attachStatus:
    'attached' | 'detached' | 'attaching' | 'detaching' | 'reserved' | 'error_attaching' | 'error_detaching';
  migrationStatus: string | null;
  size: number;
  volumeTypeId: string;
  availabilityZone: string;
  bootable: boolean;
  encrypted: boolean;
  multiattach: boolean;
  /** Admin metadata `readonly`: null until `os-update_readonly_flag` sets it. */
  readonly: boolean | null;
  /** The generic volume group the volume belongs to (3.13). */
  groupId?: string | null;
  attachments: VolumeAttachmentRecord[];
  metadata: Record<string, string>;
  /** Glance properties copied from the source image (`volume_image_metadata`). */
  imageMetadata: Record<string, string> | null;
  snapshotId: string | null;
  sourceVolid: string | null;
  /**
   * Projects of snapshots a `no_snapshots` transfer left behind. Their rows outlive them (soft
   * deletes), and Cinder's cascade check for non-admins never looks at `deleted`, so such a
   * volume can only be deleted without `cascade` from then on.
   */
  strandedSnapshotProjects?: string[];
  /** Where the volume lives; null when scheduling failed (such volumes are deleted at once). */
  host: string | null;
  createdAt: Date;
  updatedAt: Date | null;
}

export interface SnapshotRecord {
  id: string;
  projectId: string;
  userId: string;
  volumeId: string;
  name: string | null;
  description: string | null;
  status: string;
  /** The volume's size when the snapshot was taken. */
  size: number;
  progress: string;
  metadata: Record<string, string>;
  /** Set on the snapshots a group snapshot made (3.14). */
  groupSnapshotId?: string | null;
  createdAt: Date;
  updatedAt: Date | null;
}

export interface BackupRecord {
  id: string;
  projectId: string;
  userId: string;
  volumeId: string;
  snapshotId: string | null;
  name: string | null;
  description: string | null;
  status: string;
  size: number;
  objectCount: number;
  availabilityZone: string | null;
  container: string | null;
  isIncremental: boolean;
  parentId: string | null;
  failReason: string | null;
  metadata: Record<string, string>;
  /** The volume's name and description when it was backed up: a restore writes them back. */
  volumeName: string | null;
  volumeDescription: string | null;
  /** The source volume's metadata when the backup was made: the backup driver restores it. */
  volumeMetadata?: Record<string, string>;
  /**
   * Where the driver wrote the objects (`service_metadata`): null until a new backup's copy starts;
   * unset for a backup the emulator starts with, whose objects were written when it was made.
   */
  serviceMetadata?: string | null;
  createdAt: Date;
  updatedAt: Date | null;
  dataTimestamp: Date;
}

export interface VolumeTypeRecord {
  id: string;
  name: string;
  description: string | null;
  isPublic: boolean;
  extraSpecs: Record<string, string>;
  qosSpecsId: string | null;
  /** Projects that may use a private type. */
  access: string[];
  /** The type's encryption spec, absent when volumes of the type are not encrypted. */
  encryption?: TypeEncryptionRecord;
  createdAt: Date;
}

/** A row of Cinder's `encryption` table: how volumes of a type are encrypted. */
export interface TypeEncryptionRecord {
  encryptionId: string;
  provider: string;
  cipher: string | null;
  keySize: number | null;
  controlLocation: 'front-end' | 'back-end';
  createdAt: Date;
  updatedAt: Date | null;
}

export interface QosSpecsRecord {
  id: string;
  name: string;
  consumer: 'front-end' | 'back-end' | 'both';
  specs: Record<string, string>;
}

export interface MessageRecord {
  id: string;
  projectId: string;
  resourceType: 'VOLUME' | 'SNAPSHOT' | 'BACKUP' | 'IMAGE_CACHE';
  resourceUuid: string;
  eventId: string;
  userMessage: string;
  messageLevel: 'ERROR';
  requestId: string;
  createdAt: Date;
  guaranteedUntil: Date;
}

export interface TransferRecord {
  id: string;
  volumeId: string;
  /** The offering project (`source_project_id`). */
  projectId: string;
  name: string | null;
  authKey: string;
  /** 3.55: the snapshots stay behind with the offering project. Absent in older state files. */
  noSnapshots?: boolean;
  createdAt: Date;
}
