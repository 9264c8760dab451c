import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context.js';
import type { ServerRecord } from '../nova/state.js';
import { minutesAgo } from './owners.js';

/** The seed server of this name in the owner's project, created on first use. */
export function serverNamed(
  ctx: EmulatorContext,
  owner: { projectId: string; userId: string },
  name: string,
  minutes = 60 * 24 * 45,
): ServerRecord {
  const existing = [...ctx.nova.servers.values()].find((s) => s.projectId === owner.projectId && s.name === name);
  return (
    existing ?? ctx.nova.addServer({ ...owner, name, createdAt: minutesAgo(minutes), updatedAt: minutesAgo(minutes) })
  );
}

/**
 * Gives every seeded Cinder attachment to a known server the block device mapping Nova keeps for
 * it, so `os-volume_attachments` and Cinder's `attachments` agree from the start.
 */
export function linkSeededAttachments(ctx: EmulatorContext): void {
  for (const volume of ctx.regions.get(ctx.defaultRegion)!.volumes.values()) {
    for (const a of volume.attachments) {
      if (!a.serverId || !ctx.nova.servers.has(a.serverId)) continue;
      ctx.nova.attachmentsOf(a.serverId).push({
        bdmUuid: randomUUID(),
        volumeId: volume.id,
        attachmentId: a.attachmentId,
        device: a.device ?? ctx.nova.nextDevice(a.serverId),
        tag: null,
        deleteOnTermination: false,
      });
    }
  }
}
