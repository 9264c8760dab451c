import type { EmulatorContext } from '../context.js';
import { ownerOf } from './owners.js';

const STATUSES = ['available', 'available', 'available', 'available', 'in-use', 'available', 'error', 'available'];

/** `--scenario large`: `count` volumes in project demo (quotas lifted to fit), for scale tests. */
export function seedLarge(ctx: EmulatorContext, count: number): void {
  const state = ctx.regions.get(ctx.defaultRegion)!;
  const demo = ownerOf(ctx, 'demo');
  const fast = state.addVolumeType({
    name: 'fast',
    description: 'SSD-backed',
    extraSpecs: { volume_backend_name: 'lvmdriver-1' },
  });
  const start = Date.now() - count * 60_000;
  for (let i = 1; i <= count; i++) {
    const status = STATUSES[i % STATUSES.length]!;
    state.addVolume({
      ...demo,
      name: `vol-${String(i).padStart(5, '0')}`,
      size: 1 + (i % 100),
      status,
      volumeTypeId: i % 3 === 0 ? fast.id : state.globalDefaultType.id,
      bootable: i % 7 === 0,
      host: status === 'error' ? null : state.backendHost,
      createdAt: new Date(start + i * 60_000),
      ...(status === 'in-use' ? { attachStatus: 'attached' as const } : {}),
    });
  }
  state.quotaOverrides.set(demo.projectId, {
    volumes: -1,
    gigabytes: -1,
    snapshots: -1,
    backups: -1,
    backup_gigabytes: -1,
  });
}
