import { randomUUID } from 'node:crypto';
import { objectCountOf } from '../cinder/backup-chunks.js';
import type { CinderState } from '../cinder/state.js';
import type { VolumeRecord } from '../cinder/records.js';
import type { EmulatorContext } from '../context.js';
import { quotaUsage } from '../cinder/quota.js';
import type { ServerRecord } from '../nova/state.js';
import { minutesAgo, ownerOf } from './owners.js';
import { serverNamed } from './servers.js';

type Owner = { projectId: string; userId: string };

function attached(
  server: ServerRecord,
  device: string,
  minutes: number,
): Pick<VolumeRecord, 'status' | 'attachStatus' | 'attachments'> {
  return {
    status: 'in-use',
    attachStatus: 'attached',
    attachments: [
      {
        attachmentId: randomUUID(),
        serverId: server.id,
        hostName: server.name,
        device,
        attachedAt: minutesAgo(minutes),
      },
    ],
  };
}

function seedTypes(state: CinderState, demo: Owner) {
  const standard = state.addVolumeType({
    name: 'standard',
    description: 'General purpose, replicated HDD',
    extraSpecs: { volume_backend_name: 'lvmdriver-1' },
  });
  const ssd = state.addVolumeType({
    name: 'ssd',
    description: 'Low-latency NVMe',
    extraSpecs: { volume_backend_name: 'lvmdriver-1', 'capabilities:storage_protocol': 'iSCSI' },
  });
  const gold = state.addVolumeType({
    name: 'gold',
    description: 'Dedicated high-IOPS pool (by arrangement)',
    isPublic: false,
    access: [demo.projectId],
    extraSpecs: { volume_backend_name: 'lvmdriver-1' },
  });
  const shared = state.addVolumeType({
    name: 'multiattach',
    description: 'Shareable between servers',
    extraSpecs: { multiattach: '<is> True' },
  });
  state.addVolumeType({
    name: 'archive',
    description: 'Cold storage (no backend in this region yet)',
    extraSpecs: { volume_backend_name: 'cold-tier' },
  });
  const qos = {
    id: randomUUID(),
    name: 'ssd-iops',
    consumer: 'front-end' as const,
    specs: { read_iops_sec: '4000', write_iops_sec: '2000' },
  };
  state.qosSpecs.set(qos.id, qos);
  ssd.qosSpecsId = qos.id;
  return { standard, ssd, gold, shared };
}

/**
 * `--scenario demo`: the `demo` project of a small company, with databases, web servers, build
 * caches and the odd failure; snapshots and backups around them; two volumes still being created
 * (they finish on the clock); quotas close to their limits. Other projects and RegionTwo hold a
 * little too, so isolation and region switching have something to show.
 */
export function seedDemo(ctx: EmulatorContext): void {
  const state = ctx.regions.get(ctx.defaultRegion)!;
  const demo = ownerOf(ctx, 'demo');
  const types = seedTypes(state, demo);
  const add = (input: Partial<VolumeRecord> & { name: string | null; size: number; minutes: number }) => {
    const { minutes, ...rest } = input;
    return state.addVolume({
      ...demo,
      volumeTypeId: types.standard.id,
      createdAt: minutesAgo(minutes),
      // A minute after creation, but never in the future: Cinder's clock has not run ahead of itself,
      // and a change-watcher's cursor taken from a future stamp would miss every change until then.
      updatedAt: minutesAgo(Math.max(0, minutes - 1)),
      ...rest,
    });
  };
  const image = [...ctx.glance.images.values()].find((i) => i.name?.startsWith('ubuntu'))!;
  const imageMetadata = {
    image_id: image.id,
    image_name: image.name!,
    os_distro: 'ubuntu',
    os_version: '22.04',
    min_disk: '10',
  };

  const dbPrimary = add({
    name: 'db-primary',
    size: 200,
    volumeTypeId: types.ssd.id,
    minutes: 60 * 24 * 40,
    metadata: { role: 'postgres', tier: 'prod' },
    ...attached(serverNamed(ctx, demo, 'db-1'), '/dev/vdb', 60 * 24 * 40),
  });
  add({
    name: 'db-replica',
    size: 200,
    volumeTypeId: types.ssd.id,
    minutes: 60 * 24 * 39,
    metadata: { role: 'postgres', tier: 'prod' },
    ...attached(serverNamed(ctx, demo, 'db-2'), '/dev/vdb', 60 * 24 * 39),
  });
  const webRoots = [1, 2, 3].map((n) =>
    add({
      name: `web-root-${n}`,
      size: 20,
      bootable: true,
      imageMetadata,
      minutes: 60 * 24 * (30 - n),
      metadata: { role: 'web' },
      ...attached(serverNamed(ctx, demo, `web-${n}`), '/dev/vda', 60 * 24 * (30 - n)),
    }),
  );
  const logs = add({ name: 'logs-archive', size: 500, minutes: 60 * 24 * 25, description: 'Rotated application logs' });
  add({ name: 'build-cache', size: 50, volumeTypeId: types.ssd.id, minutes: 60 * 24 * 12, metadata: { role: 'ci' } });
  add({ name: 'ci-runner-disk', size: 100, minutes: 60 * 24 * 11, metadata: { role: 'ci' } });
  const ml = add({
    name: 'ml-dataset',
    size: 300,
    volumeTypeId: types.gold.id,
    minutes: 60 * 24 * 9,
    description: 'Training data, versioned by snapshot',
  });
  add({
    name: 'shared-config',
    size: 5,
    volumeTypeId: types.shared.id,
    multiattach: true,
    minutes: 60 * 24 * 8,
    ...attached(serverNamed(ctx, demo, 'web-1'), '/dev/vdc', 60 * 24 * 8),
  });
  const scratch = [1, 2, 3, 4].map((n) =>
    add({ name: `scratch-${n}`, size: 10, volumeTypeId: state.globalDefaultType.id, minutes: 60 * (48 - n * 5) }),
  );
  add({ name: 'restore-target', size: 30, minutes: 60 * 20 });
  add({
    name: 'old-import',
    size: 80,
    status: 'error',
    host: null,
    minutes: 60 * 24 * 3,
    description: 'Image import that never found a backend',
  });
  add({ name: 'analytics-tmp', size: 40, status: 'error_extending', minutes: 60 * 24 * 2 });
  add({ name: 'temp-debug', size: 1, minutes: 180 });
  add({ name: null, size: 2, minutes: 150 });
  add({ name: 'reports-2026', size: 25, minutes: 60 * 6, metadata: { owner: 'finance' } });
  add({ name: 'staging-db', size: 60, volumeTypeId: types.ssd.id, minutes: 60 * 5 });
  // Two volumes still being created: they turn available a few seconds after start.
  for (const name of ['new-volume-a', 'new-volume-b']) {
    const volume = add({ name, size: 10, status: 'creating', minutes: 0 });
    ctx.scheduler.after(ctx.durations.create * 3, () => state.setStatus(volume, 'available'));
  }

  const snap = (volume: VolumeRecord, name: string, minutes: number, status = 'available') =>
    state.addSnapshot({
      ...demo,
      volumeId: volume.id,
      size: volume.size,
      name,
      status,
      progress: status === 'available' ? '100%' : '0%',
      createdAt: minutesAgo(minutes),
    });
  [3, 2, 1].forEach((n) => snap(dbPrimary, `db-primary-nightly-${n}`, 60 * 24 * n));
  snap(webRoots[0]!, 'web-root-1-pre-upgrade', 60 * 24 * 6);
  snap(logs, 'logs-archive-snap', 60 * 24 * 4, 'error');
  snap(ml, 'ml-dataset-v1', 60 * 24 * 7);
  snap(ml, 'ml-dataset-v2', 60 * 24 * 2);

  const backup = (
    volume: VolumeRecord,
    name: string,
    minutes: number,
    extra: Partial<Parameters<CinderState['addBackup']>[0]> = {},
  ) =>
    state.addBackup({
      ...demo,
      volumeId: volume.id,
      size: volume.size,
      name,
      volumeName: volume.name,
      volumeDescription: volume.description,
      container: 'volumebackups',
      objectCount: objectCountOf(volume.size),
      createdAt: minutesAgo(minutes),
      dataTimestamp: minutesAgo(minutes),
      ...extra,
    });
  const full = backup(dbPrimary, 'db-primary-weekly', 60 * 24 * 7);
  backup(dbPrimary, 'db-primary-daily', 60 * 24, { isIncremental: true, parentId: full.id });
  backup(logs, 'logs-archive-monthly', 60 * 24 * 20);
  backup(webRoots[0]!, 'web-root-1-before-migration', 60 * 24 * 5, {
    status: 'error',
    failReason: 'Connection to the object store timed out.',
    objectCount: 0,
  });
  backup(scratch[0]!, 'scratch-1-backup', 60 * 10);

  // Quotas a little above current use, so creating a few more shows the limits coming.
  const usage = quotaUsage(state, demo.projectId);
  state.quotaOverrides.set(demo.projectId, {
    volumes: (usage.volumes ?? 0) + 4,
    gigabytes: (usage.gigabytes ?? 0) + 250,
    snapshots: (usage.snapshots ?? 0) + 3,
    backups: 10,
  });

  const alt = ownerOf(ctx, 'alt_demo');
  state.addVolume({ ...alt, name: 'alt-private', size: 1, createdAt: minutesAgo(45) });
  state.addVolume({ ...alt, name: 'alt-web', size: 20, bootable: true, createdAt: minutesAgo(400) });
  state.addVolume({ ...ownerOf(ctx, 'admin'), name: 'admin-tools', size: 1, createdAt: minutesAgo(600) });

  const second = [...ctx.regions.keys()][1];
  if (second) {
    const other = ctx.regions.get(second)!;
    other.addVolume({
      ...demo,
      name: 'dr-db-primary',
      size: 200,
      createdAt: minutesAgo(60 * 24 * 30),
      description: 'Disaster-recovery copy',
    });
    other.addVolume({ ...demo, name: 'dr-web-root', size: 20, bootable: true, createdAt: minutesAgo(60 * 24 * 30) });
  }
}
