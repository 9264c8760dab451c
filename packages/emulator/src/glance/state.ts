import { createHash, randomUUID } from 'node:crypto';

export interface ImageRecord {
  id: string;
  name: string | null;
  status:
    | 'queued'
    | 'saving'
    | 'active'
    | 'killed'
    | 'deleted'
    | 'pending_delete'
    | 'deactivated'
    | 'uploading'
    | 'importing';
  visibility: 'public' | 'private' | 'shared' | 'community';
  owner: string | null;
  diskFormat: string | null;
  containerFormat: string | null;
  /** Bytes; null until data is uploaded. */
  size: number | null;
  minDisk: number;
  minRam: number;
  protected: boolean;
  checksum: string | null;
  properties: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
}

const GiB = 1024 ** 3;

/** Glance's images: a few public ones at start, more as volumes are uploaded. */
export class GlanceState {
  readonly images = new Map<string, ImageRecord>();

  constructor() {
    const seed: Array<[string, number, number, Record<string, string>]> = [
      ['cirros-0.6.2-x86_64-disk', 21_430_272, 1, { os_distro: 'cirros', os_version: '0.6.2' }],
      ['debian-12-genericcloud-amd64', 352_321_536, 4, { os_distro: 'debian', os_version: '12' }],
      ['ubuntu-22.04-server-cloudimg-amd64', 693_829_632, 10, { os_distro: 'ubuntu', os_version: '22.04' }],
      ['rocky-9-genericcloud-x86_64', 1_073_741_824, 10, { os_distro: 'rocky', os_version: '9' }],
    ];
    for (const [name, size, minDisk, properties] of seed) {
      this.add({ name, size, minDisk, properties, status: 'active', visibility: 'public', owner: null });
    }
  }

  add(input: Partial<ImageRecord>): ImageRecord {
    const now = new Date();
    const image: ImageRecord = {
      id: randomUUID(),
      name: null,
      status: 'queued',
      visibility: 'private',
      owner: null,
      diskFormat: 'qcow2',
      containerFormat: 'bare',
      size: null,
      minDisk: 0,
      minRam: 0,
      protected: false,
      checksum: null,
      properties: {},
      createdAt: now,
      updatedAt: now,
      ...input,
    };
    if (image.size !== null && image.checksum === null)
      image.checksum = createHash('md5').update(image.id).digest('hex');
    this.images.set(image.id, image);
    return image;
  }

  /** Whether a project may see an image: public and community ones, or its own. */
  visibleTo(image: ImageRecord, projectId: string, isAdmin: boolean): boolean {
    return isAdmin || image.visibility === 'public' || image.visibility === 'community' || image.owner === projectId;
  }

  /** Cinder names images by id or, failing that, by a unique name. */
  find(idOrName: string, projectId: string, isAdmin: boolean): ImageRecord | undefined {
    const byId = this.images.get(idOrName);
    if (byId && this.visibleTo(byId, projectId, isAdmin)) return byId;
    const byName = [...this.images.values()].filter(
      (i) => i.name === idOrName && this.visibleTo(i, projectId, isAdmin),
    );
    return byName.length === 1 ? byName[0] : undefined;
  }

  /** The smallest volume an image fits in, in GiB. */
  static minVolumeSize(image: ImageRecord): number {
    return Math.max(image.minDisk, Math.ceil((image.size ?? 0) / GiB), 1);
  }
}
