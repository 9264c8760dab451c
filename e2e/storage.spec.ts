import AxeBuilder from '@axe-core/playwright';
import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { BackupsPage } from './pages/backups-page';
import { signInAs } from './support/signed-in';
import { SnapshotsPage } from './pages/snapshots-page';
import { StoragePage } from './pages/storage-page';
import { VolumesPage } from './pages/volumes-page';
import { CLOUD_OPERATION } from './support/waits';
import { unique } from './support/unique-name';

/**
 * The admin's storage work (issue #20) on the emulator's two backends: services, pools and
 * capabilities; migrate; unmanage and manage again; snapshot force delete; backup record export
 * and import. What a test needs is made through the console's own BFF, then used through the UI.
 */
const POOL_1 = 'emulator@lvmdriver-1#lvmdriver-1';
const POOL_2 = 'emulator@lvmdriver-2#lvmdriver-2';

// One test disables and freezes lvmdriver-2's service while others migrate or manage volumes
// there: with the suite's workers sharing one emulator, they ran at once and a migration was
// refused ("No available service named …"). This file's tests run one after the other instead.
test.describe.configure({ mode: 'default' });

interface Api {
  api: APIRequestContext;
  headers: Record<string, string>;
}

async function apiSession(baseURL: string, user: string): Promise<Api> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/session', { data: { username: user, password: user, domain: 'Default' } });
  expect(login.ok()).toBe(true);
  const body = (await login.json()) as { csrfToken: string };
  return { api, headers: { 'X-CSRF-Token': body.csrfToken } };
}

async function statusOf({ api }: Api, kind: string, id: string): Promise<string> {
  const answer = await api.get(`/api/cinder/${kind}/${id}`);
  if (answer.status() === 404) return 'deleted';
  const body = (await answer.json()) as Record<string, { status: string }>;
  return Object.values(body)[0]!.status;
}

/** Creates a volume, snapshot or backup through the BFF and waits until it is available. */
async function make(session: Api, kind: 'volumes' | 'snapshots' | 'backups', body: object): Promise<string> {
  const created = await session.api.post(`/api/cinder/${kind}`, { data: body, headers: session.headers });
  expect(created.ok()).toBe(true);
  const id = (Object.values(await created.json())[0] as { id: string }).id;
  await expect.poll(() => statusOf(session, kind, id), CLOUD_OPERATION).toBe('available');
  return id;
}

/**
 * Opens a row's action dialog; retried, since a live update that re-renders the open menu can
 * swallow a click. A click that landed late has opened the dialog by the next try: that try stops
 * there, instead of clicking the row's menu button behind the dialog's overlay (VolumesPage.rowAction).
 */
async function openRowAction(page: Page, row: Awaited<ReturnType<VolumesPage['row']>>, name: string, action: RegExp) {
  const dialog = page.getByRole('dialog').first();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(async () => {
    if (await dialog.isVisible()) return;
    if (!(await page.getByRole('menu').isVisible())) {
      await row.getByRole('button', { name: `Actions for ${name}` }).click();
    }
    await page.getByRole('menuitem', { name: action }).click({ timeout: 3_000 });
    await expect(dialog).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
}

test('the Storage page shows services, pools and capabilities; a service is disabled with a reason, enabled, frozen and thawed', async ({
  page,
}) => {
  await signInAs(page, 'admin', '/overview');
  const storage = new StoragePage(page);
  await storage.goto();
  const volumeService = storage.serviceRow('cinder-volume', 'emulator@lvmdriver-2');
  await expect(volumeService).toContainText('Up');
  await expect(volumeService).toContainText('Enabled');

  await storage.actOnService('cinder-volume', 'emulator@lvmdriver-2', 'Disable');
  await storage.dialog.getByRole('textbox', { name: 'Reason' }).fill('disk replacement');
  await storage.dialog.getByRole('button', { name: 'Disable' }).click();
  await expect(storage.dialog).toBeHidden();
  await expect(volumeService).toContainText('Disabled');
  await expect(volumeService).toContainText('disk replacement');
  await storage.actOnService('cinder-volume', 'emulator@lvmdriver-2', 'Enable');
  await expect(volumeService).toContainText('Enabled');

  await storage.actOnService('cinder-volume', 'emulator@lvmdriver-2', 'Freeze');
  await expect(volumeService).toContainText('Frozen');
  await storage.actOnService('cinder-volume', 'emulator@lvmdriver-2', 'Thaw');
  await expect(volumeService).not.toContainText('Frozen');

  // Both pools, with their figures beside the chart, and a backend's capabilities.
  await expect(storage.pools.getByRole('row').filter({ hasText: POOL_1 })).toContainText('1000');
  await expect(storage.pools.getByRole('row').filter({ hasText: POOL_2 })).toContainText('500');
  await expect(page.getByRole('img', { name: /Capacity per pool in GiB: lvmdriver-1/ })).toBeVisible();
  await page.getByRole('button', { name: 'Capabilities of emulator@lvmdriver-2' }).click();
  await expect(storage.dialog.getByRole('table', { name: 'Capabilities of emulator@lvmdriver-2' })).toContainText(
    'Open Source',
  );
  await expect(storage.dialog.getByRole('table', { name: 'Properties' })).toContainText('thin_provisioning');
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter((v) => ['serious', 'critical'].includes(v.impact ?? ''));
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(storage.dialog).toBeHidden();
  const page2 = await new AxeBuilder({ page }).analyze();
  expect(page2.violations.filter((v) => ['serious', 'critical'].includes(v.impact ?? '')).map((v) => v.id)).toEqual([]);
});

test('a member is refused the Storage page and sees no admin storage action', async ({ page }) => {
  await signInAs(page, 'demo', '/storage');
  await expect(page.getByRole('alert')).toContainText(/not allowed/i);
  await expect(
    page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Storage' }),
  ).toHaveCount(0);
});

test('an admin migrates a volume to the other pool and sees it there', async ({ page, baseURL }) => {
  const admin = await apiSession(baseURL!, 'admin');
  const name = unique('migrate');
  await make(admin, 'volumes', { volume: { name, size: 1 } });
  await signInAs(page, 'admin');
  const volumes = new VolumesPage(page);
  const row = await volumes.row(name);
  await openRowAction(page, row, name, /^Migrate \(admin\)/);
  const dialog = volumes.dialog(`Migrate ${name}`);
  await expect(dialog).toContainText(`Now on ${POOL_1}`);
  await dialog
    .getByRole('textbox', { name: 'Destination pool' })
    .or(dialog.getByRole('combobox', { name: 'Destination pool' }))
    .click();
  await volumes.pickOption(POOL_2);
  await dialog.getByRole('checkbox', { name: /Lock the volume/ }).check();
  await dialog.getByRole('button', { name: 'Migrate' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Migrating ${name} to ${POOL_2}`)).toBeVisible();
  // Once the move is done, the volume is available again and says where it is now.
  await expect(row).toContainText('Available', CLOUD_OPERATION);
  await expect(async () => {
    await page.reload();
    const again = await volumes.row(name);
    await openRowAction(page, again, name, /^Migrate \(admin\)/);
    await expect(volumes.dialog(`Migrate ${name}`)).toContainText(`Now on ${POOL_2}`, { timeout: 2_000 });
  }).toPass(CLOUD_OPERATION);
});

test('an admin unmanages a volume, finds it on its backend and manages it back', async ({ page, baseURL }) => {
  const admin = await apiSession(baseURL!, 'admin');
  const name = unique('unmanage');
  const id = await make(admin, 'volumes', { volume: { name, size: 1 } });
  await signInAs(page, 'admin');
  const volumes = new VolumesPage(page);
  const row = await volumes.row(name);
  await openRowAction(page, row, name, /^Unmanage \(admin\)/);
  const dialog = volumes.dialog(`Unmanage ${name}`);
  await dialog.getByRole('button', { name: 'Unmanage' }).click();
  await expect(dialog).toBeHidden();
  await expect(volumes.table.getByRole('link', { name, exact: true })).toHaveCount(0, CLOUD_OPERATION);

  const storage = new StoragePage(page);
  await storage.goto();
  await storage.choosePool(POOL_1);
  const manageable = page.getByRole('table', { name: 'Volumes' });
  const stored = manageable.getByRole('row').filter({ hasText: `volume-${id}` });
  await expect(stored).toContainText('Yes');
  // Cinder's own volumes are there too on request, not safe to manage.
  await expect(manageable).not.toContainText('already managed');
  await page.getByRole('switch', { name: 'Also show what Cinder manages' }).check();
  await expect(manageable).toContainText('already managed');
  await stored.getByRole('button', { name: `Manage volume-${id}` }).click();
  const manage = page.getByRole('dialog', { name: `Manage volume-${id}` });
  const managedName = unique('managed');
  await manage.getByRole('textbox', { name: 'Name in Cinder' }).fill(managedName);
  await manage.getByRole('button', { name: 'Manage' }).click();
  await expect(manage).toBeHidden();
  await expect(stored).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Volumes' }).click();
  await expect(await volumes.row(managedName)).toContainText('Available', CLOUD_OPERATION);
});

test('an admin force deletes a snapshot stuck in a status that forbids a delete', async ({ page, baseURL }) => {
  const admin = await apiSession(baseURL!, 'admin');
  const volumeId = await make(admin, 'volumes', { volume: { name: unique('fd-vol'), size: 1 } });
  const name = unique('fd-snap');
  const id = await make(admin, 'snapshots', { snapshot: { volume_id: volumeId, name } });
  const reset = await admin.api.post(`/api/cinder/snapshots/${id}/action`, {
    data: { 'os-reset_status': { status: 'creating' } },
    headers: admin.headers,
  });
  expect(reset.status()).toBe(202);
  await signInAs(page, 'admin', '/snapshots');
  const snapshots = new SnapshotsPage(page);
  const row = await snapshots.row(name);
  await expect(row).toContainText('Creating');
  await openRowAction(page, row, name, /^Force delete \(admin\)/);
  const dialog = page.getByRole('dialog', { name: `Force delete ${name}` });
  await dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await dialog.getByRole('button', { name: 'Force delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(snapshots.table.getByRole('link', { name, exact: true })).toHaveCount(0, CLOUD_OPERATION);
});

test("an admin exports a backup's record and imports it after the backup was deleted", async ({ page, baseURL }) => {
  const admin = await apiSession(baseURL!, 'admin');
  const volumeId = await make(admin, 'volumes', { volume: { name: unique('bk-vol'), size: 1 } });
  const name = unique('bk');
  const id = await make(admin, 'backups', { backup: { volume_id: volumeId, name } });
  await signInAs(page, 'admin', '/backups');
  const backups = new BackupsPage(page);
  await backups.act(name, /^Export record \(admin\)/);
  const exported = page.getByRole('dialog', { name: `Record of ${name}` });
  const url = exported.getByRole('textbox', { name: 'Backup URL' });
  await expect(url).not.toHaveValue('');
  const service = await exported.getByRole('textbox', { name: 'Backup service' }).inputValue();
  const record = await url.inputValue();
  // The dialog's own close (x) is also called Close: the record's button is the last one.
  await exported.getByRole('button', { name: 'Close' }).last().click();
  await expect(exported).toBeHidden();

  const removed = await admin.api.delete(`/api/cinder/backups/${id}`, { headers: admin.headers });
  expect(removed.status()).toBe(202);
  await expect.poll(() => statusOf(admin, 'backups', id), CLOUD_OPERATION).toBe('deleted');

  const storage = new StoragePage(page);
  await storage.goto();
  await page.getByRole('button', { name: 'Import backup record' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import backup record' });
  await dialog
    .getByRole('textbox', { name: 'Backup URL' })
    .fill(JSON.stringify({ 'backup-record': { backup_service: service, backup_url: record } }));
  await expect(dialog.getByRole('textbox', { name: 'Backup service' })).toHaveValue(service);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Backups' }).click();
  await expect(await backups.row(name)).toContainText('Available', CLOUD_OPERATION);
});
