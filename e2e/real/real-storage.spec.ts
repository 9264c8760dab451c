import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { StoragePage } from '../pages/storage-page';
import { VolumesPage } from '../pages/volumes-page';
import { signInAs } from '../support/signed-in';
import { unique } from '../support/unique-name';

/**
 * The admin's storage work against the real rig's two localfile backends (deploy/openstack-dev):
 * migrate a volume to the other backend, and unmanage one, then manage it back from the Storage
 * page. What the tests make is deleted afterwards, even when a step fails.
 */
const OPERATION = { timeout: 120_000 };

interface Api {
  api: APIRequestContext;
  headers: Record<string, string>;
}
const made: string[] = [];
let admin: Api;

test.beforeAll(async ({ baseURL }) => {
  const api = await request.newContext({ baseURL: baseURL! });
  const login = await api.post('/api/session', { data: { username: 'admin', password: 'admin', domain: 'Default' } });
  expect(login.ok()).toBe(true);
  admin = { api, headers: { 'X-CSRF-Token': ((await login.json()) as { csrfToken: string }).csrfToken } };
});

test.afterAll(async () => {
  for (const id of made) await admin.api.delete(`/api/cinder/volumes/${id}`, { headers: admin.headers });
  await admin.api.dispose();
});

async function volume(id: string): Promise<Record<string, string> | undefined> {
  const answer = await admin.api.get(`/api/cinder/volumes/${id}`);
  if (answer.status() === 404) return undefined;
  return ((await answer.json()) as { volume: Record<string, string> }).volume;
}

async function availableVolume(name: string): Promise<string> {
  const created = await admin.api.post('/api/cinder/volumes', {
    data: { volume: { name, size: 1 } },
    headers: admin.headers,
  });
  expect(created.ok()).toBe(true);
  const id = ((await created.json()) as { volume: { id: string } }).volume.id;
  made.push(id);
  await expect.poll(async () => (await volume(id))?.status, OPERATION).toBe('available');
  return id;
}

test('an admin migrates a volume to the other localfile backend', async ({ page }) => {
  const name = unique('real-migrate');
  const id = await availableVolume(name);
  const from = (await volume(id))!['os-vol-host-attr:host']!;
  await signInAs(page, 'admin', '/volumes');
  const volumes = new VolumesPage(page);
  await volumes.rowAction(name, 'Migrate \\(admin\\)');
  const dialog = volumes.dialog(`Migrate ${name}`);
  await expect(dialog).toContainText(`Now on ${from}`);
  await dialog.getByRole('combobox', { name: 'Destination pool' }).click();
  const option = page.getByRole('listbox').getByRole('option').first();
  const to = (await option.textContent())!;
  expect(to.split('#')[0]).not.toBe(from.split('#')[0]);
  await option.click();
  await dialog.getByRole('button', { name: 'Migrate' }).click();
  await expect(dialog).toBeHidden();
  // Cinder's generic migration copies the file to the other backend and swaps the volumes.
  await expect.poll(async () => (await volume(id))?.migration_status, OPERATION).toBe('success');
  expect((await volume(id))!['os-vol-host-attr:host']).toBe(to);
  await page.reload();
  await volumes.rowAction(name, 'Migrate \\(admin\\)');
  await expect(volumes.dialog(`Migrate ${name}`)).toContainText(`Now on ${to}`);
});

test('an admin unmanages a volume and manages it back from the Storage page', async ({ page }) => {
  const name = unique('real-unmanage');
  const id = await availableVolume(name);
  const pool = (await volume(id))!['os-vol-host-attr:host']!;
  await signInAs(page, 'admin', '/volumes');
  const volumes = new VolumesPage(page);
  await volumes.rowAction(name, 'Unmanage \\(admin\\)');
  await volumes.dialog(`Unmanage ${name}`).getByRole('button', { name: 'Unmanage' }).click();
  await expect.poll(async () => (await volume(id)) === undefined, OPERATION).toBe(true);

  const storage = new StoragePage(page);
  await storage.goto();
  await storage.choosePool(pool);
  const stored = page
    .getByRole('table', { name: 'Volumes' })
    .getByRole('row')
    .filter({ hasText: `volume-${id}` });
  await expect(stored).toContainText('Yes', OPERATION);
  await stored.getByRole('button', { name: `Manage volume-${id}` }).click();
  const manage = page.getByRole('dialog', { name: `Manage volume-${id}` });
  const managedName = unique('real-managed');
  await manage.getByRole('textbox', { name: 'Name in Cinder' }).fill(managedName);
  await manage.getByRole('button', { name: 'Manage' }).click();
  await expect(manage).toBeHidden();

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Volumes' }).click();
  const row = await volumes.row(managedName);
  await expect(row).toContainText('Available', OPERATION);
  const managedId = await row.getByRole('link', { name: managedName, exact: true }).getAttribute('href');
  made.push(managedId!.split('/').pop()!);
});
