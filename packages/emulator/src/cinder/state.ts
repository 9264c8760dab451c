import { randomUUID } from 'node:crypto';
import { defaultServices, seedUnmanaged, type ServiceRecord, type UnmanagedItem } from './backend.js';
import { defaultGroupTypes, type GroupRecord, type GroupSnapshotRecord } from './group-records.js';
import type {
  BackupRecord,
  MessageRecord,
  QosSpecsRecord,
  SnapshotRecord,
  TransferRecord,
  VolumeRecord,
  VolumeTypeRecord,
} from './records.js';

/** Cinder's `quota_*` defaults (cinder/quota.py), the `default` quota class. */
const DEFAULT_QUOTAS: Record<string, number> = {
  volumes: 10,
  snapshots: 10,
  gigabytes: 1000,
  backups: 10,
  backup_gigabytes: 1000,
  per_volume_gigabytes: -1,
  groups: 10,
};

export interface CinderStateOptions {
  availabilityZones?: string[];
  /** Most snapshots one volume may have (Huawei EVS: 7); undefined: no limit. */
  maxSnapshotsPerVolume?: number;
}

/** Cinder's data for one region. */
export class CinderState {
  readonly volumes = new Map<string, VolumeRecord>();
  readonly snapshots = new Map<string, SnapshotRecord>();
  readonly backups = new Map<string, BackupRecord>();
  readonly volumeTypes = new Map<string, VolumeTypeRecord>();
  readonly qosSpecs = new Map<string, QosSpecsRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly transfers = new Map<string, TransferRecord>();
  /** Per-project default types (3.62 `/default-types`). */
  readonly defaultTypes = new Map<string, string>();
  quotaDefaults: Record<string, number> = { ...DEFAULT_QUOTAS };
  readonly quotaOverrides = new Map<string, Record<string, number>>();
  readonly availabilityZones: string[];
  readonly maxSnapshotsPerVolume: number | undefined;
  /** The backend's host string, shown to admins as `os-vol-host-attr:host`. */
  readonly backendHost = 'emulator@lvmdriver-1#lvmdriver-1';
  readonly serviceUuid = randomUUID();
  readonly groupTypes = defaultGroupTypes();
  readonly groups = new Map<string, GroupRecord>();
  readonly groupSnapshots = new Map<string, GroupSnapshotRecord>();
  /** `/os-services` rows (enabled or disabled, frozen), keyed `binary/host`. */
  readonly services: Map<string, ServiceRecord>;
  /** Storage on the backends that Cinder does not manage (manageable lists), keyed `host/name`. */
  readonly unmanagedVolumes = seedUnmanaged();
  readonly unmanagedSnapshots = new Map<string, UnmanagedItem>();

  constructor(options: CinderStateOptions = {}) {
    this.availabilityZones = options.availabilityZones ?? ['nova'];
    this.maxSnapshotsPerVolume = options.maxSnapshotsPerVolume;
    this.services = defaultServices(this.defaultZone);
    this.addVolumeType({ name: '__DEFAULT__', description: 'Default Volume Type' });
  }

  get defaultZone(): string {
    return this.availabilityZones[0]!;
  }

  /** `__DEFAULT__`, the type Cinder uses when neither the request nor the project names one. */
  get globalDefaultType(): VolumeTypeRecord {
    return [...this.volumeTypes.values()].find((t) => t.name === '__DEFAULT__') ?? [...this.volumeTypes.values()][0]!;
  }

  /** The project's default type (3.62) or the global one. */
  defaultTypeFor(projectId: string): VolumeTypeRecord {
    const id = this.defaultTypes.get(projectId);
    return (id && this.volumeTypes.get(id)) || this.globalDefaultType;
  }

  /** Cinder accepts a type's id or its name wherever a type is named. */
  findType(idOrName: string): VolumeTypeRecord | undefined {
    return this.volumeTypes.get(idOrName) ?? [...this.volumeTypes.values()].find((t) => t.name === idOrName);
  }

  /** Whether any volume is of the type: Cinder then freezes its specs and encryption and refuses its deletion. */
  typeInUse(typeId: string): boolean {
    return [...this.volumes.values()].some((volume) => volume.volumeTypeId === typeId);
  }

  typeVisibleTo(type: VolumeTypeRecord, projectId: string, isAdmin: boolean): boolean {
    return isAdmin || type.isPublic || type.access.includes(projectId);
  }

  addVolumeType(input: Partial<VolumeTypeRecord> & Pick<VolumeTypeRecord, 'name'>): VolumeTypeRecord {
    const type: VolumeTypeRecord = {
      id: randomUUID(),
      description: null,
      isPublic: true,
      extraSpecs: {},
      qosSpecsId: null,
      access: [],
      createdAt: new Date(),
      ...input,
    };
    this.volumeTypes.set(type.id, type);
    return type;
  }

  addVolume(input: Partial<VolumeRecord> & Pick<VolumeRecord, 'projectId' | 'userId' | 'size'>): VolumeRecord {
    const now = new Date();
    const volume: VolumeRecord = {
      id: randomUUID(),
      name: null,
      description: null,
      status: 'available',
      previousStatus: null,
      attachStatus: 'detached',
      migrationStatus: null,
      volumeTypeId: this.defaultTypeFor(input.projectId).id,
      availabilityZone: this.defaultZone,
      bootable: false,
      encrypted: false,
      multiattach: false,
      readonly: null,
      attachments: [],
      metadata: {},
      imageMetadata: null,
      snapshotId: null,
      sourceVolid: null,
      host: this.backendHost,
      createdAt: now,
      updatedAt: null,
      ...input,
    };
    this.volumes.set(volume.id, volume);
    return volume;
  }

  addSnapshot(input: Partial<SnapshotRecord> & Pick<SnapshotRecord, 'projectId' | 'userId' | 'volumeId' | 'size'>) {
    const snapshot: SnapshotRecord = {
      id: randomUUID(),
      name: null,
      description: null,
      status: 'available',
      progress: '100%',
      metadata: {},
      createdAt: new Date(),
      updatedAt: null,
      ...input,
    };
    this.snapshots.set(snapshot.id, snapshot);
    return snapshot;
  }

  addBackup(input: Partial<BackupRecord> & Pick<BackupRecord, 'projectId' | 'userId' | 'volumeId' | 'size'>) {
    const now = new Date();
    const backup: BackupRecord = {
      id: randomUUID(),
      snapshotId: null,
      name: null,
      description: null,
      status: 'available',
      objectCount: 0,
      availabilityZone: null,
      container: null,
      isIncremental: false,
      parentId: null,
      failReason: null,
      metadata: {},
      volumeName: null,
      volumeDescription: null,
      createdAt: now,
      updatedAt: null,
      dataTimestamp: now,
      ...input,
    };
    this.backups.set(backup.id, backup);
    return backup;
  }

  snapshotsOf(volumeId: string): SnapshotRecord[] {
    return [...this.snapshots.values()].filter((s) => s.volumeId === volumeId);
  }

  /** Records a failed asynchronous operation the way Cinder's `/messages` API reports it. */
  addMessage(input: Omit<MessageRecord, 'id' | 'createdAt' | 'guaranteedUntil' | 'messageLevel'>): MessageRecord {
    const createdAt = new Date();
    const message: MessageRecord = {
      id: randomUUID(),
      messageLevel: 'ERROR',
      createdAt,
      // Cinder keeps messages for `message_ttl`, 30 days by default.
      guaranteedUntil: new Date(createdAt.getTime() + 30 * 86_400_000),
      ...input,
    };
    this.messages.set(message.id, message);
    return message;
  }

  /** Sets a status and stamps `updated_at`, as every Cinder status write does. */
  setStatus<T extends { status: string; updatedAt: Date | null }>(record: T, status: string): void {
    record.status = status;
    record.updatedAt = new Date();
  }
}
