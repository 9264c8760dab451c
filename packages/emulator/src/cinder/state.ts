import { randomUUID } from 'node:crypto';
import type { IdentityStore } from '../keystone/identity.js';

export interface VolumeAttachmentRecord {
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
  size: number;
  volumeTypeId: string;
  availabilityZone: string;
  bootable: boolean;
  encrypted: boolean;
  multiattach: boolean;
  attachments: VolumeAttachmentRecord[];
  metadata: Record<string, string>;
  snapshotId: string | null;
  sourceVolid: string | null;
  host: string | null;
  createdAt: Date;
  updatedAt: Date | null;
}

export interface VolumeTypeRecord {
  id: string;
  name: string;
  description: string | null;
  isPublic: boolean;
  extraSpecs: Record<string, string>;
}

/** Cinder's data for one region: volumes and the types they use. */
export class CinderState {
  readonly volumes = new Map<string, VolumeRecord>();
  readonly volumeTypes = new Map<string, VolumeTypeRecord>();
  /** The backend's host string, shown to admins as `os-vol-host-attr:host`. */
  readonly backendHost = 'emulator@lvmdriver-1#lvmdriver-1';
  readonly defaultZone = 'nova';

  constructor() {
    const defaultType: VolumeTypeRecord = {
      id: randomUUID(),
      name: '__DEFAULT__',
      description: 'Default Volume Type',
      isPublic: true,
      extraSpecs: {},
    };
    this.volumeTypes.set(defaultType.id, defaultType);
  }

  get defaultType(): VolumeTypeRecord {
    return [...this.volumeTypes.values()].find((t) => t.name === '__DEFAULT__')!;
  }

  addVolume(input: Partial<VolumeRecord> & Pick<VolumeRecord, 'projectId' | 'userId' | 'size'>): VolumeRecord {
    const now = new Date();
    const volume: VolumeRecord = {
      id: randomUUID(),
      name: null,
      description: null,
      status: 'available',
      volumeTypeId: this.defaultType.id,
      availabilityZone: this.defaultZone,
      bootable: false,
      encrypted: false,
      multiattach: false,
      attachments: [],
      metadata: {},
      snapshotId: null,
      sourceVolid: null,
      host: this.backendHost,
      createdAt: now,
      updatedAt: now,
      ...input,
    };
    this.volumes.set(volume.id, volume);
    return volume;
  }

  /** A few volumes in each seed project, in the statuses a user meets most. */
  seed(identity: IdentityStore): void {
    const owner = (userName: string) => {
      const user = identity.findUserByName(userName, 'default')!;
      return { projectId: user.defaultProjectId!, userId: user.id };
    };
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const demo = owner('demo');
    this.addVolume({ ...demo, name: 'db-data', size: 100, description: 'PostgreSQL data', createdAt: minutesAgo(90) });
    this.addVolume({
      ...demo,
      name: 'web-root',
      size: 20,
      bootable: true,
      status: 'in-use',
      attachments: [
        {
          attachmentId: randomUUID(),
          serverId: randomUUID(),
          hostName: 'compute-1',
          device: '/dev/vda',
          attachedAt: minutesAgo(60),
        },
      ],
      createdAt: minutesAgo(70),
    });
    this.addVolume({ ...demo, name: 'scratch', size: 5, createdAt: minutesAgo(30) });
    this.addVolume({
      ...demo,
      name: 'import-failed',
      size: 10,
      status: 'error',
      host: null,
      createdAt: minutesAgo(10),
    });
    this.addVolume({ ...owner('alt_demo'), name: 'alt-private', size: 1, createdAt: minutesAgo(45) });
    this.addVolume({ ...owner('admin'), name: 'admin-tools', size: 1, createdAt: minutesAgo(120) });
  }
}
