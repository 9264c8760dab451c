import { expect, test, type Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { VolumesPage } from '../pages/volumes-page';

/**
 * Attach → extend in-use → detach through the console against the rig's real Nova (fake virt
 * driver) and Cinder: Nova reserves the volume, Cinder connects it (the localfile driver's
 * initialize_connection) and marks it in-use; Cinder 3.42 extends it in use; Nova detaches it with
 * its service token. Skipped where the rig has no compute service in its catalog.
 */
const run = Date.now().toString(36);
const volumeName = `real-attach-${run}`;
/** The rig seeds this server in project demo (deploy/openstack-dev/osdev_nova_seed.py). */
const SERVER = 'osdev-web';
const SETTLE = { timeout: 180_000 };

test.describe.configure({ mode: 'serial' });

let page: Page;
test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('demo', 'demo');
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
  const capabilities = await (await page.request.get('/api/capabilities')).json();
  test.skip(!capabilities.features.compute, 'the rig has no compute service (Nova) in its catalog');
});
test.afterAll(async () => {
  // Leave the shared rig as it was: detach (through Nova) what is still attached, then delete.
  const session = await (await page.request.get('/api/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  const found = await (await page.request.get(`/api/cinder/volumes/detail?name=${volumeName}`)).json();
  for (const volume of found.volumes ?? []) {
    for (const attachment of volume.attachments ?? []) {
      await page.request.delete(`/api/nova/servers/${attachment.server_id}/os-volume_attachments/${volume.id}`, {
        headers,
      });
    }
    for (let i = 0; i < 60; i++) {
      const shown = await (await page.request.get(`/api/cinder/volumes/${volume.id}`)).json();
      if (!['in-use', 'detaching', 'attaching', 'reserved'].includes(shown.volume?.status)) break;
      await page.waitForTimeout(1000);
    }
    await page.request.delete(`/api/cinder/volumes/${volume.id}?cascade=true`, { headers });
  }
  await page.close();
});

test('create a volume and attach it to a server picked by name', async () => {
  const volumes = new VolumesPage(page);
  await volumes.goto();
  await volumes.create({ name: volumeName, size: 1 });
  const row = await volumes.row(volumeName);
  await expect(row).toContainText('Available', SETTLE);

  await volumes.rowAction(volumeName, 'Attach to server');
  const dialog = volumes.dialog(`Attach ${volumeName} to a server`);
  await dialog.getByRole('combobox', { name: 'Server' }).click();
  await volumes.pickOption(SERVER);
  await dialog.getByRole('button', { name: 'Attach to server' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('In use', SETTLE);
  await expect(row).toContainText(SERVER);
});

test('extend it while in use', async () => {
  const volumes = new VolumesPage(page);
  await volumes.rowAction(volumeName, 'Extend');
  const dialog = volumes.dialog(`Extend ${volumeName}`);
  await dialog.getByRole('textbox', { name: 'New size (GiB)' }).fill('2');
  await dialog.getByRole('button', { name: 'Extend' }).click();
  const row = await volumes.row(volumeName);
  await expect(row).toContainText('2 GiB', SETTLE);
  await expect(row).toContainText('In use', SETTLE);
});

test('detach it: the volume is available again', async () => {
  const volumes = new VolumesPage(page);
  await volumes.rowAction(volumeName, 'Detach');
  const dialog = volumes.dialog(`Detach ${volumeName}`);
  await dialog.getByRole('button', { name: 'Detach' }).click();
  await expect(dialog).toBeHidden();
  const row = await volumes.row(volumeName);
  await expect(row).toContainText('Available', SETTLE);
  await expect(row).not.toContainText(SERVER);
});
