import { expect, type Page } from '@playwright/test';
import { BackupsPage } from '../pages/backups-page';
import { SnapshotsPage } from '../pages/snapshots-page';
import { VolumeTypesPage } from '../pages/volume-types-page';
import { VolumesPage } from '../pages/volumes-page';
import { holdOperation } from '../support/emulator-control';
import { test } from '../support/signed-in';
import { CLOUD_OPERATION } from '../support/waits';
import { unique } from '../support/unique-name';

/**
 * The seed flows on a v2-only Huawei EVS cloud (the emulator as `--v2-only --profile huawei-evs`):
 * what v2 has works, what needs a v3 microversion is refused with the reason, and EVS's own rules
 * (zones, rollback to any snapshot, 7 snapshots per volume) show in the console.
 */

/** Snapshots made through the console's API, as a script would: the journey clicks only the last ones. */
async function snapshotsThroughApi(page: Page, volumeName: string, names: string[]): Promise<void> {
  const { csrfToken } = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const listed = await page.request.get(`/api/cinder/volumes?name=${encodeURIComponent(volumeName)}`);
  const [volume] = ((await listed.json()) as { volumes: Array<{ id: string }> }).volumes;
  for (const name of names) {
    const created = await page.request.post('/api/cinder/snapshots', {
      data: { snapshot: { volume_id: volume!.id, name } },
      headers: { 'X-CSRF-Token': csrfToken },
    });
    expect(created.status()).toBe(202);
  }
}

test('a volume on EVS: zone, image, extend, seven snapshots and no eighth, rollback, copy, cascade delete', async ({
  signedIn,
}) => {
  const page = await signedIn('demo');
  const volumes = new VolumesPage(page);
  const snapshots = new SnapshotsPage(page);
  const disk = unique('evs-disk');
  const fromImage = unique('evs-image');
  const copy = unique('evs-copy');
  const snapshotNames = Array.from({ length: 8 }, (_, i) => `${disk}-s${i + 1}`);

  await test.step('create a volume in the zone az2.dc1 and one from an image', async () => {
    await page.getByRole('button', { name: 'Create volume' }).click();
    const dialog = volumes.dialog('Create volume');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(disk);
    await dialog.getByRole('combobox', { name: 'Availability zone' }).click();
    await volumes.pickOption('az2.dc1');
    await dialog.getByRole('button', { name: /^Create/ }).click();
    await expect(dialog).toBeHidden();
    await volumes.create({ name: fromImage, source: 'Image' });
    await expect(await volumes.row(disk)).toContainText('Available', CLOUD_OPERATION);
    await expect(await volumes.row(disk)).toContainText('az2.dc1');
    await expect(await volumes.row(fromImage)).toContainText('Available', CLOUD_OPERATION);
  });

  await test.step('extend it; revert, a v3 feature, is not what this cloud offers: EVS rollback is', async () => {
    await volumes.rowAction(disk, 'Extend');
    const dialog = volumes.dialog(`Extend ${disk}`);
    await dialog.getByRole('textbox', { name: 'New size (GiB)' }).fill('2');
    await dialog.getByRole('button', { name: 'Extend' }).click();
    await expect(await volumes.row(disk)).toContainText('2 GiB', CLOUD_OPERATION);
    await (await volumes.row(disk)).getByRole('button', { name: `Actions for ${disk}` }).click();
    await expect(page.getByRole('menuitem', { name: /^Roll back to snapshot/ })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: /^Revert to snapshot/ })).toHaveCount(0);
    await page.keyboard.press('Escape');
  });

  await test.step('seven snapshots are shown against the limit, and the eighth is refused in the cloud’s words', async () => {
    await snapshotsThroughApi(page, disk, snapshotNames.slice(0, 6));
    await snapshots.goto();
    await expect(await snapshots.row(snapshotNames[5]!)).toContainText('Available', CLOUD_OPERATION);
    await snapshots.createButton.click();
    const picker = snapshots.dialog.getByRole('combobox', { name: 'Volume' });
    await picker.click();
    await picker.fill(disk);
    await page.getByRole('option', { name: new RegExp(`^${disk} ·`) }).click();
    await expect(snapshots.dialog).toContainText(
      "Snapshots of this volume (this cloud's limit per volume): 6 used + 1 new of 7",
    );
    await snapshots.dialog.getByRole('textbox', { name: 'Name' }).fill(snapshotNames[6]!);
    await snapshots.dialog.getByRole('button', { name: 'Create snapshot' }).click();
    await expect(snapshots.dialog).toBeHidden();
    await expect(await snapshots.row(snapshotNames[6]!)).toContainText('Available', CLOUD_OPERATION);

    await snapshots.createButton.click();
    await picker.click();
    await picker.fill(disk);
    await page.getByRole('option', { name: new RegExp(`^${disk} ·`) }).click();
    await expect(snapshots.dialog.getByRole('note')).toContainText('This volume has 7 snapshots');
    await snapshots.dialog.getByRole('textbox', { name: 'Name' }).fill(snapshotNames[7]!);
    await snapshots.dialog.getByRole('button', { name: 'Create snapshot' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'already has 7 snapshots, the most this cloud allows' }),
    ).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(snapshots.dialog).toBeHidden();
  });

  await test.step('roll the volume back to its first snapshot, not only the newest', async () => {
    await snapshots.act(snapshotNames[0]!, 'Roll volume back to this snapshot');
    await expect(snapshots.dialog.getByRole('combobox', { name: 'Snapshot' })).toHaveValue(snapshotNames[0]!);
    const release = await holdOperation('volume.rollback', disk);
    await snapshots.dialog.getByRole('button', { name: 'Roll back to snapshot' }).click();
    await expect(snapshots.dialog).toBeHidden();
    await volumes.goto();
    await expect(await volumes.row(disk)).toContainText('Rolling back');
    await release();
    await expect(await volumes.row(disk)).toContainText('Available', CLOUD_OPERATION);
  });

  await test.step('create a volume from a snapshot', async () => {
    await volumes.create({ name: copy, source: 'Snapshot', pick: snapshotNames[1]! });
    await expect(await volumes.row(copy)).toContainText('Available', CLOUD_OPERATION);
  });

  await test.step('delete the volume with its seven snapshots', async () => {
    await volumes.rowAction(disk, 'Delete');
    const dialog = volumes.dialog(`Delete ${disk}`);
    await dialog.getByRole('checkbox', { name: /Also delete their snapshots/ }).check();
    await dialog.getByRole('button', { name: 'Delete volume' }).click();
    await expect(volumes.table.getByRole('link', { name: disk, exact: true })).toHaveCount(0, CLOUD_OPERATION);
    await snapshots.goto();
    await expect(snapshots.table.getByRole('link', { name: snapshotNames[0], exact: true })).toHaveCount(
      0,
      CLOUD_OPERATION,
    );
  });
});

test('types and backups on v2: a new type used, a backup made and restored to a new volume', async ({ signedIn }) => {
  const typeName = unique('evs-type');
  const source = unique('evs-typed');
  const backup = unique('evs-backup');
  const restored = unique('evs-restored');

  await test.step('an admin creates a volume type', async () => {
    const admin = await signedIn('admin', '/volume-types');
    const types = new VolumeTypesPage(admin);
    await expect(types.table).toBeVisible();
    await types.create({ name: typeName, isPublic: true });
  });

  const page = await signedIn('demo');
  const volumes = new VolumesPage(page);
  const backups = new BackupsPage(page);

  await test.step('a member creates a volume of that type', async () => {
    await page.getByRole('button', { name: 'Create volume' }).click();
    const dialog = volumes.dialog('Create volume');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(source);
    await dialog.getByRole('combobox', { name: 'Volume type' }).click();
    await volumes.pickOption(typeName);
    await dialog.getByRole('button', { name: /^Create/ }).click();
    await expect(dialog).toBeHidden();
    await expect(await volumes.row(source)).toContainText('Available', CLOUD_OPERATION);
    await expect(await volumes.row(source)).toContainText(typeName);
  });

  await test.step('back it up', async () => {
    await backups.goto();
    await backups.createFull(source, backup);
    await expect(await backups.row(backup)).toContainText('Available', CLOUD_OPERATION);
  });

  await test.step('a volume from the backup (3.47) is refused with the reason; a restore to a new volume works', async () => {
    const row = await backups.row(backup);
    await row.getByRole('button', { name: `Actions for ${backup}` }).click();
    const fromBackup = page.getByRole('menuitem', { name: /^Create volume from backup/ });
    await expect(fromBackup).toBeDisabled();
    await expect(fromBackup).toContainText("Needs Cinder's v3 API (microversion 3.47); this cloud serves only v2.");
    await page.keyboard.press('Escape');
    await backups.act(backup, 'Restore');
    await expect(backups.dialog.getByRole('radio', { name: 'A new volume' })).toBeChecked();
    await backups.dialog.getByRole('textbox', { name: 'Name of the new volume' }).fill(restored);
    await backups.dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(backups.dialog).toBeHidden();
    await volumes.goto();
    await expect(await volumes.row(restored)).toContainText('Available', CLOUD_OPERATION);
  });

  await test.step("the backup's page says why it has no user messages", async () => {
    await backups.goto();
    await (await backups.row(backup)).getByRole('link', { name: backup }).click();
    await expect(page.getByText("This cloud serves only Cinder's v2 API, which has no user messages")).toBeVisible();
  });
});
