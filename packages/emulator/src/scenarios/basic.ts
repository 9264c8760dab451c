import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context.js';
import { minutesAgo, ownerOf } from './owners.js';
import { serverNamed } from './servers.js';

/** A few volumes in each seed project, in the statuses a user meets most. Tests rely on these names. */
export function seedBasic(ctx: EmulatorContext): void {
  const state = ctx.regions.get(ctx.defaultRegion)!;
  const demo = ownerOf(ctx, 'demo');
  state.addVolume({ ...demo, name: 'db-data', size: 100, description: 'PostgreSQL data', createdAt: minutesAgo(90) });
  state.addVolume({
    ...demo,
    name: 'web-root',
    size: 20,
    bootable: true,
    status: 'in-use',
    attachStatus: 'attached',
    attachments: [
      {
        attachmentId: randomUUID(),
        serverId: serverNamed(ctx, demo, 'web-1').id,
        hostName: 'compute-1',
        device: '/dev/vda',
        attachedAt: minutesAgo(60),
      },
    ],
    createdAt: minutesAgo(70),
  });
  state.addVolume({ ...demo, name: 'scratch', size: 5, createdAt: minutesAgo(30) });
  // servers to attach to: one more in demo, one in alt_demo
  serverNamed(ctx, demo, 'app-1');
  serverNamed(ctx, ownerOf(ctx, 'alt_demo'), 'alt-vm');
  state.addVolume({ ...demo, name: 'import-failed', size: 10, status: 'error', host: null, createdAt: minutesAgo(10) });
  state.addVolume({ ...ownerOf(ctx, 'alt_demo'), name: 'alt-private', size: 1, createdAt: minutesAgo(45) });
  state.addVolume({ ...ownerOf(ctx, 'admin'), name: 'admin-tools', size: 1, createdAt: minutesAgo(120) });
}
