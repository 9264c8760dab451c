import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { signInAs } from './support/signed-in';
import { SnapshotsPage } from './pages/snapshots-page';
import { VolumesPage } from './pages/volumes-page';
import { holdOperation } from './support/emulator-control';
import { CLOUD_OPERATION } from './support/waits';

/** A seeded available volume of the demo project that no other spec changes or deletes. */
const SOURCE_VOLUME = 'reports-2026';

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'demo');
  await expect(new AppShell(page).heading).toHaveText('Volumes');
});

async function openVolumes(page: Page): Promise<VolumesPage> {
  await new AppShell(page).navigation.getByRole('link', { name: 'Volumes' }).click();
  return new VolumesPage(page);
}

test('a snapshot is created live, copied to a volume, reverted to, and deleted with others', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const first = `e2e-snap-${stamp}`;
  const second = `e2e-snap-${stamp}-b`;
  const copy = `e2e-vol-${stamp}`;
  let loads = 0;
  page.on('load', () => loads++);
  const snapshots = new SnapshotsPage(page);
  await snapshots.goto();

  await test.step('create a snapshot and watch it become available in place', async () => {
    const release = await holdOperation('snapshot.create', first);
    await snapshots.create(SOURCE_VOLUME, first);
    await expect(page.getByRole('alert').filter({ hasText: `Creating snapshot ${first}` })).toBeVisible();
    await expect(await snapshots.row(first)).toContainText('Creating');
    await release();
    await expect(await snapshots.row(first)).toContainText('Available', CLOUD_OPERATION);
    expect(loads).toBe(0);
  });

  await test.step('edit its metadata on the detail page', async () => {
    await (await snapshots.row(first)).getByRole('link', { name: first }).click();
    await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
    await page
      .getByRole('toolbar', { name: 'Snapshot actions' })
      .getByRole('button', { name: 'Edit metadata' })
      .click();
    await snapshots.dialog.getByRole('button', { name: 'Add metadata' }).click();
    await snapshots.dialog.getByRole('textbox', { name: 'Metadata key 1' }).fill('purpose');
    await snapshots.dialog.getByRole('textbox', { name: 'Metadata value 1' }).fill('e2e');
    await snapshots.dialog.getByRole('button', { name: 'Save' }).click();
    await expect(snapshots.dialog).toBeHidden();
    const metadata = page.getByRole('table', { name: 'Metadata' });
    await expect(metadata.getByRole('row', { name: 'purpose e2e' })).toBeVisible();
    await page.getByRole('link', { name: '← Snapshots' }).click();
  });

  await test.step('create a volume from the snapshot', async () => {
    await snapshots.act(first, 'Create volume from snapshot');
    await expect(snapshots.dialog.getByRole('combobox', { name: 'Snapshot' })).toHaveValue(new RegExp(`^${first}`));
    await snapshots.dialog.getByRole('textbox', { name: 'Name' }).fill(copy);
    await snapshots.dialog.getByRole('button', { name: 'Create volume' }).click();
    await expect(snapshots.dialog).toBeHidden();
    const volumes = await openVolumes(page);
    await expect(await volumes.row(copy)).toContainText('Available', CLOUD_OPERATION);
  });

  await test.step('revert the new volume to its newest snapshot', async () => {
    await snapshots.goto();
    await snapshots.create(copy, second);
    await expect(await snapshots.row(second)).toContainText('Available', CLOUD_OPERATION);
    const release = await holdOperation('volume.revert', copy);
    await snapshots.act(second, 'Revert volume to this snapshot');
    await expect(snapshots.dialog.getByRole('combobox', { name: 'Snapshot' })).toHaveValue(second);
    await snapshots.dialog.getByRole('button', { name: 'Revert to snapshot' }).click();
    await expect(snapshots.dialog).toBeHidden();
    await expect(page.getByRole('alert').filter({ hasText: `Reverting ${copy}` })).toBeVisible();
    // While the volume reverts, its snapshot shows as restoring, then available again.
    await expect(await snapshots.row(second)).toContainText('Restoring', CLOUD_OPERATION);
    await release();
    await expect(await snapshots.row(second)).toContainText('Available', CLOUD_OPERATION);
    const volumes = await openVolumes(page);
    await expect(await volumes.row(copy)).toContainText('Available', CLOUD_OPERATION);
  });

  await test.step('delete both snapshots at once, confirming with their count', async () => {
    await snapshots.goto();
    await expect(await snapshots.row(second)).toContainText('Available', CLOUD_OPERATION);
    await snapshots.select(first);
    await snapshots.select(second);
    await page.getByRole('button', { name: 'Delete 2 selected' }).click();
    const confirm = snapshots.dialog.getByRole('button', { name: 'Delete 2 snapshots' });
    await expect(confirm).toBeDisabled();
    await snapshots.dialog.getByRole('textbox', { name: 'Type 2 to confirm' }).fill('2');
    await confirm.click();
    await expect(snapshots.dialog).toBeHidden();
    // Deleting takes a moment; the rows go when the live feed says they are gone.
    for (const name of [first, second]) {
      await expect(snapshots.table.getByRole('link', { name, exact: true })).toHaveCount(0, CLOUD_OPERATION);
    }
  });
  expect(loads).toBe(0);
});

test('the filters and the order are in the address and survive a reload', async ({ page }) => {
  const snapshots = new SnapshotsPage(page);
  await snapshots.goto();
  // The row names its volume; the link leads to it by id, which is what Cinder filters on.
  const volumeLink = (await snapshots.row('ml-dataset-v1')).getByRole('link', { name: 'ml-dataset', exact: true });
  const volumeId = ((await volumeLink.getAttribute('href')) ?? '').replace('/volumes/', '');
  expect(volumeId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(volumeLink).toHaveAttribute('title', `ml-dataset · ${volumeId}`);

  // The filter picks the volume by name.
  await snapshots.volumeFilter.click();
  await snapshots.volumeFilter.fill('ml-data');
  await page.getByRole('option', { name: `ml-dataset (${volumeId.slice(0, 8)})` }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]volume=${volumeId}`));
  await snapshots.statusFilter.selectOption({ label: 'Available' });
  await expect(page).toHaveURL(/[?&]status=available/);
  await snapshots.table.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(page).toHaveURL(/[?&]sort=name%3Adesc/);

  const nameHeader = snapshots.table.getByRole('columnheader', { name: 'Name' });
  const rows = snapshots.table.getByRole('row');
  const expectRows = async (names: string[]) => {
    await expect(rows).toHaveCount(names.length + 1);
    for (const [index, name] of names.entries()) await expect(rows.nth(index + 1)).toContainText(name);
  };
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expectRows(['ml-dataset-v2', 'ml-dataset-v1']);

  await page.reload();
  await expect(snapshots.volumeFilter).toHaveValue(`ml-dataset (${volumeId.slice(0, 8)})`);
  await expect(snapshots.statusFilter).toHaveValue('available');
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expectRows(['ml-dataset-v2', 'ml-dataset-v1']);

  await snapshots.table.getByRole('button', { name: 'Name', exact: true }).click();
  await expect(page).toHaveURL(/[?&]sort=name%3Aasc/);
  await expectRows(['ml-dataset-v1', 'ml-dataset-v2']);

  await snapshots.nameFilter.fill('ml-dataset-v2');
  await expect(page).toHaveURL(/[?&]name=ml-dataset-v2/);
  await expectRows(['ml-dataset-v2']);
  await page.reload();
  await expect(snapshots.nameFilter).toHaveValue('ml-dataset-v2');
  await expectRows(['ml-dataset-v2']);
});

test('a snapshot has a detail page, and one that does not exist says so', async ({ page }) => {
  const snapshots = new SnapshotsPage(page);
  await snapshots.goto();
  await (await snapshots.row('ml-dataset-v1')).getByRole('link', { name: 'ml-dataset-v1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ml-dataset-v1' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'ml-dataset', exact: true })).toHaveAttribute('href', /^\/volumes\//);
  await expect(page.getByRole('heading', { name: 'Messages' })).toBeVisible();
  const actions = page.getByRole('toolbar', { name: 'Snapshot actions' });
  await expect(actions.getByRole('button', { name: 'Create volume from snapshot' })).toBeVisible();

  await page.goto('/snapshots/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'Snapshot not found' })).toBeVisible();
  await page.getByRole('link', { name: '← Snapshots' }).click();
  await expect(snapshots.heading).toBeVisible();
});
