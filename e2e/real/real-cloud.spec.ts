import { expect, test, type Page } from '@playwright/test';
import { BackupsPage } from '../pages/backups-page';
import { LoginPage } from '../pages/login-page';
import { SnapshotsPage } from '../pages/snapshots-page';
import { VolumesPage } from '../pages/volumes-page';

/**
 * The tenant's everyday flows through the console's UI against real Keystone + Cinder + Glance
 * (deploy/openstack-dev): what the emulator promises, checked where it matters. One test, in
 * order, since each step needs the one before; it cleans up what it made.
 */
const run = Date.now().toString(36);
const names = {
  volume: `real-e2e-${run}`,
  snapshot: `real-e2e-${run}-snap`,
  backup: `real-e2e-${run}-backup`,
  restored: `real-e2e-${run}-restored`,
};
/** Real transitions take seconds; a backup of 2 GiB on the rig takes about 10-20 s. */
const SETTLE = { timeout: 180_000 };

test.describe.configure({ mode: 'serial' });

let page: Page;
test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('demo', 'demo');
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
});
test.afterAll(async () => {
  // Leave the shared rig as it was even when a step failed half-way.
  const session = await (await page.request.get('/api/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  const backups = await (await page.request.get(`/api/cinder/backups/detail?name=${names.backup}`)).json();
  for (const backup of backups.backups ?? [])
    await page.request.delete(`/api/cinder/backups/${backup.id}`, { headers });
  for (const name of [names.volume, names.restored]) {
    const found = await (await page.request.get(`/api/cinder/volumes/detail?name=${name}`)).json();
    for (const volume of found.volumes ?? [])
      await page.request.delete(`/api/cinder/volumes/${volume.id}?cascade=true`, { headers });
  }
  await page.close();
});

test('create a volume and watch it become available, live', async () => {
  const volumes = new VolumesPage(page);
  await volumes.goto();
  await volumes.create({ name: names.volume, size: 1 });
  const row = await volumes.row(names.volume);
  await expect(row).toContainText('Available', SETTLE);
});

test('extend it', async () => {
  const volumes = new VolumesPage(page);
  await volumes.rowAction(names.volume, 'Extend');
  const dialog = volumes.dialog(`Extend ${names.volume}`);
  await dialog.getByRole('textbox', { name: 'New size (GiB)' }).fill('2');
  await dialog.getByRole('button', { name: 'Extend' }).click();
  const row = await volumes.row(names.volume);
  await expect(row).toContainText('2 GiB', SETTLE);
  await expect(row).toContainText('Available', SETTLE);
});

test('snapshot it', async () => {
  const volumes = new VolumesPage(page);
  await volumes.rowAction(names.volume, 'Create snapshot');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(names.snapshot);
  await dialog.getByRole('button', { name: 'Create snapshot' }).click();
  await expect(dialog).toBeHidden();
  const snapshots = new SnapshotsPage(page);
  await snapshots.goto();
  await expect(await snapshots.row(names.snapshot)).toContainText('Available', SETTLE);
});

test('back it up, then restore the backup to a new volume', async () => {
  const volumes = new VolumesPage(page);
  await volumes.goto();
  await volumes.rowAction(names.volume, 'Create backup');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(names.backup);
  await dialog.getByRole('button', { name: 'Create backup' }).click();
  await expect(dialog).toBeHidden();

  const backups = new BackupsPage(page);
  await backups.goto();
  await expect(await backups.row(names.backup)).toContainText('Available', SETTLE);

  await backups.act(names.backup, 'Restore');
  await backups.dialog.getByRole('textbox', { name: 'Name of the new volume' }).fill(names.restored);
  await backups.dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(backups.dialog).toBeHidden();
  await expect(await backups.row(names.backup)).toContainText('Available', SETTLE);

  await volumes.goto();
  const restored = await volumes.row(names.restored);
  await expect(restored).toContainText('Available', SETTLE);
  await expect(restored).toContainText('2 GiB');
});

test('delete the volume with its snapshot', async () => {
  const volumes = new VolumesPage(page);
  await volumes.goto();
  await volumes.rowAction(names.volume, 'Delete');
  const dialog = volumes.dialog(`Delete ${names.volume}`);
  await dialog.getByRole('checkbox', { name: /Also delete their snapshots/ }).check();
  await dialog.getByRole('button', { name: 'Delete volume' }).click();
  await expect(volumes.table.getByRole('link', { name: names.volume, exact: true })).toHaveCount(0, SETTLE);
  const snapshots = new SnapshotsPage(page);
  await snapshots.goto();
  await expect(snapshots.table.getByRole('link', { name: names.snapshot, exact: true })).toHaveCount(0, SETTLE);
});
