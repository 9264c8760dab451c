import { randomUUID } from 'node:crypto';

/** A server as the emulator's Nova keeps it: enough for list/show and volume attachments. */
export interface ServerRecord {
  id: string;
  projectId: string;
  userId: string;
  name: string;
  status: 'ACTIVE' | 'SHUTOFF' | 'ERROR';
  availabilityZone: string;
  imageId: string | null;
  flavor: { name: string; vcpus: number; ram: number; disk: number };
  createdAt: Date;
  updatedAt: Date;
}

/** Nova's block device mapping of one attached volume (the row `os-volume_attachments` shows). */
export interface BlockDeviceMapping {
  bdmUuid: string;
  volumeId: string;
  attachmentId: string;
  device: string;
  tag: string | null;
  deleteOnTermination: boolean;
}

/** The emulator's Nova: servers and their attachments. Volumes themselves live in Cinder's state. */
export class NovaState {
  readonly servers = new Map<string, ServerRecord>();
  /** Per server, in attach order. */
  readonly bdms = new Map<string, BlockDeviceMapping[]>();

  addServer(input: Pick<ServerRecord, 'projectId' | 'userId' | 'name'> & Partial<ServerRecord>): ServerRecord {
    const now = new Date();
    const server: ServerRecord = {
      id: randomUUID(),
      status: 'ACTIVE',
      availabilityZone: 'nova',
      imageId: null,
      flavor: { name: 'm1.tiny', vcpus: 1, ram: 512, disk: 1 },
      createdAt: now,
      updatedAt: now,
      ...input,
    };
    this.servers.set(server.id, server);
    this.bdms.set(server.id, []);
    return server;
  }

  attachmentsOf(serverId: string): BlockDeviceMapping[] {
    return this.bdms.get(serverId) ?? [];
  }

  /**
   * The next free device name: Nova's libvirt driver hands out vdb, vdc, ... (vda is the root
   * disk); a device the caller asks for is only a hint there, so a taken one still gets the next.
   */
  nextDevice(serverId: string): string {
    const taken = new Set(this.attachmentsOf(serverId).map((b) => b.device));
    for (let c = 'b'.charCodeAt(0); c <= 'z'.charCodeAt(0); c++) {
      const device = `/dev/vd${String.fromCharCode(c)}`;
      if (!taken.has(device)) return device;
    }
    throw new Error('no free device name');
  }
}
