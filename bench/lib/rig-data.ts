// The data a side-by-side page load is judged on (issue #16): a real cloud's demo project as a
// tenant would have it (volumes, snapshots, backups), and enough volumes for a 200-row page. Made
// once and kept: a later run finds it and adds only what is missing. `npm run openstack:down --
// --wipe` clears it with the rest of the rig.
import { cinder, keystoneToken, type CloudToken } from './clients.js';
import { sleep } from './stats.js';

/** Volumes of the 200-row page, and a few more, so the page is full. */
const RIG_VOLUMES = 210;
const SNAPSHOTS = 5;
const BACKUPS = 3;
const PREFIX = 'bench-load';
/** Creates in flight at once: the rig's scheduler and volume service take them in turn anyway. */
const AT_ONCE = 8;

interface Named {
  id: string;
  name: string | null;
  status: string;
}

type Kind = 'volumes' | 'snapshots' | 'backups';

/** Every item of this benchmark of one kind (named by PREFIX), page by page (the rig's page may be shorter). */
async function ours(cloud: CloudToken, kind: Kind): Promise<Named[]> {
  const items: Named[] = [];
  let marker: string | undefined;
  for (;;) {
    const query = `limit=1000${marker ? `&marker=${marker}` : ''}`;
    const page = (await cinder<Record<Kind, Named[]>>(cloud, `/${kind}/detail?${query}`))[kind];
    items.push(...page.filter((item) => item.name?.startsWith(PREFIX)));
    if (page.length < 1000) return items;
    marker = page.at(-1)!.id;
  }
}

/** Waits until every item of this benchmark of one kind is `available`; throws on one in `error`. */
async function settled(cloud: CloudToken, kind: Kind): Promise<Named[]> {
  for (;;) {
    const items = await ours(cloud, kind);
    const failed = items.find((item) => item.status.startsWith('error'));
    if (failed) throw new Error(`${failed.name} went to ${failed.status} on the rig`);
    if (items.every((item) => item.status === 'available')) return items;
    await sleep(1000);
  }
}

async function inBatches(count: number, create: (index: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < count; start += AT_ONCE) {
    const batch = Array.from({ length: Math.min(AT_ONCE, count - start) }, (_, i) => create(start + i));
    await Promise.all(batch);
  }
}

/**
 * Makes sure the demo project of the cloud at `authUrl` holds RIG_VOLUMES volumes, SNAPSHOTS
 * snapshots and BACKUPS backups of this benchmark, raising its quotas (as admin) where they would
 * not fit. Returns how many of each the project holds.
 */
export async function seedRig(authUrl: string): Promise<{ volumes: number; snapshots: number; backups: number }> {
  const admin = await keystoneToken(authUrl, 'admin');
  const demo = await keystoneToken(authUrl, 'demo');
  await cinder(admin, `/os-quota-sets/${demo.projectId}`, {
    method: 'PUT',
    body: { quota_set: { volumes: 500, gigabytes: 1000, snapshots: 50, backups: 50, backup_gigabytes: 1000 } },
  });

  const have = new Set((await ours(demo, 'volumes')).map((v) => v.name));
  const missing = Array.from({ length: RIG_VOLUMES }, (_, i) => `${PREFIX}-${String(i).padStart(3, '0')}`).filter(
    (name) => !have.has(name),
  );
  await inBatches(missing.length, (i) =>
    cinder(demo, '/volumes', { method: 'POST', body: { volume: { name: missing[i], size: 1 } } }),
  );
  const ready = await settled(demo, 'volumes');

  const snapshots = await ours(demo, 'snapshots');
  await inBatches(SNAPSHOTS - Math.min(SNAPSHOTS, snapshots.length), (i) =>
    cinder(demo, '/snapshots', {
      method: 'POST',
      body: { snapshot: { name: `${PREFIX}-snapshot-${snapshots.length + i}`, volume_id: ready[i]!.id } },
    }),
  );
  const backups = await ours(demo, 'backups');
  // One at a time: a volume being backed up is busy, and the rig's backup service works serially.
  for (let i = backups.length; i < BACKUPS; i++) {
    await cinder(demo, '/backups', {
      method: 'POST',
      body: { backup: { name: `${PREFIX}-backup-${i}`, volume_id: ready[SNAPSHOTS + i]!.id } },
    });
  }
  const snapshotsReady = await settled(demo, 'snapshots');
  const backupsReady = await settled(demo, 'backups');
  return { volumes: ready.length, snapshots: snapshotsReady.length, backups: backupsReady.length };
}
