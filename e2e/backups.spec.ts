import { expect, test, type Page } from '@playwright/test';
import { BackupsPage } from './pages/backups-page';
import { LoginPage } from './pages/login-page';
import { VolumesPage } from './pages/volumes-page';
import { holdOperation } from './support/emulator-control';
import { CLOUD_OPERATION } from './support/waits';

/**
 * One backup's life through the UI, step by step on one signed-in page: each step needs the
 * backup (and volumes) the previous one made. Volumes of the demo scenario that no other spec
 * touches are the sources, so parallel specs do not meet.
 */
test.describe.configure({ mode: 'serial' });

const run = `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`;
const names = {
  full: `e2e-full-${run}`,
  second: `e2e-second-${run}`,
  restored: `e2e-restored-${run}`,
  fromBackup: `e2e-from-backup-${run}`,
};
/** A backup's `restoring` status; case-blind while status.json has no translation for it and shows the raw value. */

let page: Page;
let backups: BackupsPage;

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  backups = new BackupsPage(page);
  // A deep link survives signing in, so the suite starts on the backups page whatever the landing page is.
  await page.goto('/backups');
  await new LoginPage(page).signIn('demo', 'demo');
  await expect(backups.heading).toBeVisible();
  await expect(backups.table).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
});

test('a failed backup shows why, its actions say why not, and a gone backup has a not-found page', async () => {
  // An incremental backup depends on db-primary-weekly: the menu keeps Delete, disabled with the reason.
  const weekly = await backups.row('db-primary-weekly');
  await weekly.getByRole('button', { name: 'Actions for db-primary-weekly' }).click();
  const remove = page.getByRole('menuitem', { name: /^Delete/ });
  await expect(remove).toBeDisabled();
  await expect(remove).toContainText('Incremental backups are built on this backup');
  await page.keyboard.press('Escape');

  const failed = 'web-root-1-before-migration';
  await (await backups.row(failed)).getByRole('link', { name: failed, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: failed })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Connection to the object store timed out.' })).toBeVisible();
  await expect(page.getByText('volumebackups')).toBeVisible();
  const restore = page.getByRole('toolbar', { name: 'Backup actions' }).getByRole('button', { name: 'Restore' });
  await expect(restore).toHaveAttribute('aria-disabled', 'true');
  await expect(restore).toHaveAccessibleDescription('Needs status Available.');
  await expect(page.getByRole('heading', { level: 2, name: 'Messages' })).toBeVisible();

  await page.goto('/backups/00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { level: 1, name: 'Backup not found' })).toBeVisible();
  await page.getByRole('link', { name: /All backups/ }).click();
  await expect(backups.heading).toBeVisible();
});

test('backing up an in-use volume needs force, and incremental needs a full backup first', async () => {
  await backups.createButton.click();
  await backups.pick('Volume', 'web-root-2');
  await expect(backups.dialog.getByRole('note').filter({ hasText: 'The volume is in use' })).toBeVisible();
  await expect(backups.dialog.getByRole('radio', { name: 'Incremental' })).toBeDisabled();
  await expect(backups.dialog.getByText('Needs an available full backup of this volume first.')).toBeVisible();
  await backups.dialog.getByRole('button', { name: 'Create backup' }).click();
  await expect(backups.dialog.getByText('Confirm backing up a volume that is in use')).toBeVisible();
  await expect(backups.dialog.getByRole('checkbox', { name: /in use \(force\)/ })).not.toBeChecked();
  await backups.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(backups.dialog).toBeHidden();
});

test('a full backup of a volume shows creating, then available, without a reload', async () => {
  // Held creating until seen so, however busy the machine.
  const release = await holdOperation('backup.create', names.full);
  await backups.createFull('scratch-3', names.full);
  await expect(page.getByText('Backup of scratch-3')).toBeVisible();
  const row = await backups.row(names.full);
  await expect(row).toContainText('Creating');
  await release();
  await expect(row).toContainText('Available', CLOUD_OPERATION);
  await expect(row).toContainText('10 GiB');
  await expect(row.getByRole('cell', { name: 'No' }).first()).toBeVisible();
});

test('restoring to a new volume names the new volume in the toast, with a link to it', async () => {
  await backups.act(names.full, 'Restore');
  await expect(backups.dialog.getByRole('radio', { name: 'A new volume' })).toBeChecked();
  const release = await holdOperation('backup.restore', names.full);
  await backups.dialog.getByRole('textbox', { name: 'Name of the new volume' }).fill(names.restored);
  await backups.dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(backups.dialog).toBeHidden();
  await expect(await backups.row(names.full)).toContainText('Restoring', CLOUD_OPERATION);
  await release();

  await expect(page.getByText(`Restoring backup ${names.full}`)).toBeVisible();
  await page.getByRole('link', { name: names.restored }).click();
  await expect(page).toHaveURL(/\/volumes\/[0-9a-f-]{36}$/);

  await backups.goto();
  await expect(await backups.row(names.full)).toContainText('Available', CLOUD_OPERATION);
});

test('a volume created from the backup starts from its data', async () => {
  await backups.act(names.full, 'Create volume from backup');
  const dialog = page.getByRole('dialog', { name: `Create a volume from backup ${names.full}` });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(names.fromBackup);
  await dialog.getByRole('textbox', { name: 'Size (GiB)' }).fill('10');
  await dialog.getByRole('button', { name: /^Create/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Volume creation started')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Volumes' }).click();
  await expect(await new VolumesPage(page).row(names.fromBackup)).toContainText('Available', CLOUD_OPERATION);
  await backups.goto();
});

test('restoring onto an existing volume warns that its data is lost and needs a confirmation', async () => {
  const row = await backups.row(names.full);
  await backups.act(names.full, 'Restore');
  const release = await holdOperation('backup.restore', names.full);
  await backups.dialog.getByRole('radio', { name: 'An existing volume' }).check();
  await backups.pick('Volume to overwrite', names.fromBackup);
  await expect(backups.dialog.getByText('All data on the volume will be lost')).toBeVisible();
  await expect(backups.dialog.getByText(`Restoring replaces everything on ${names.fromBackup}`)).toBeVisible();
  const submit = backups.dialog.getByRole('button', { name: 'Restore' });
  await expect(submit).toBeDisabled();
  await backups.dialog.getByRole('checkbox', { name: /current data will be overwritten/ }).check();
  await submit.click();
  await expect(backups.dialog).toBeHidden();
  await expect(row).toContainText('Restoring', CLOUD_OPERATION);
  await release();
  await expect(page.getByRole('link', { name: names.fromBackup })).toBeVisible();
  await expect(row).toContainText('Available', CLOUD_OPERATION);
});

test('a bulk delete needs the count typed, then the backups go', async () => {
  await backups.createFull('scratch-4', names.second);
  await expect(await backups.row(names.second)).toContainText('Available', CLOUD_OPERATION);

  await backups.select(names.full);
  await backups.select(names.second);
  await page.getByRole('button', { name: 'Delete 2 backups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 2 backups' });
  const submit = dialog.getByRole('button', { name: 'Delete 2 backups' });
  await expect(submit).toBeDisabled();
  await dialog.getByRole('textbox', { name: 'Type 2 to confirm' }).fill('2');
  await submit.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Deletion of 2 backups started')).toBeVisible();
  for (const name of [names.full, names.second]) {
    await expect(backups.table.getByRole('link', { name, exact: true })).toHaveCount(0, CLOUD_OPERATION);
  }
});
