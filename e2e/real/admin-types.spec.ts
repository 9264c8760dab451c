import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { SnapshotsPage } from '../pages/snapshots-page';
import { VolumeTypesPage } from '../pages/volume-types-page';
import { VolumesPage } from '../pages/volumes-page';

/**
 * The admin's volume-type flows against the real rig: a private type with extra specs and access
 * for demo, used by demo, refused deletion while in use, then deleted. Cleans up in afterAll.
 */
const run = Date.now().toString(36);
const names = {
  type: `real-e2e-type-${run}`,
  volume: `real-e2e-typed-${run}`,
  clone: `real-e2e-typed-${run}-clone`,
  snapshot: `real-e2e-typed-${run}-snap`,
  fromSnapshot: `real-e2e-typed-${run}-from-snap`,
  qosType: `real-e2e-qos-type-${run}`,
  qos: `real-e2e-qos-${run}`,
  defaultType: `real-e2e-default-${run}`,
  encryptedType: `real-e2e-encrypted-${run}`,
};
const SETTLE = { timeout: 180_000 };

test.describe.configure({ mode: 'serial' });

async function signedIn(browser: Browser, user: string, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.goto(next);
  await login.signIn(user, user);
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
  return page;
}

async function csrf(page: Page): Promise<Record<string, string>> {
  const session = await (await page.request.get('/api/session')).json();
  return { 'X-CSRF-Token': session.csrfToken as string };
}

let admin: Page;
let demo: Page;
test.beforeAll(async ({ browser }) => {
  admin = await signedIn(browser, 'admin', '/volume-types');
  demo = await signedIn(browser, 'demo', '/volumes');
});
test.afterAll(async () => {
  // Leave the shared rig as it was even when a step failed half-way: the volume, then the type.
  const demoHeaders = await csrf(demo);
  for (const name of [names.clone, names.fromSnapshot, names.volume]) {
    const found = await (await demo.request.get(`/api/cinder/volumes/detail?name=${name}`)).json();
    for (const volume of found.volumes ?? [])
      await demo.request.delete(`/api/cinder/volumes/${volume.id}?cascade=true`, { headers: demoHeaders });
  }
  const adminHeaders = await csrf(admin);
  const demoProject = (await (await demo.request.get('/api/session')).json()).project.id as string;
  await admin.request.delete(`/api/cinder/default-types/${demoProject}`, { headers: adminHeaders });
  const qos = await (await admin.request.get('/api/cinder/qos-specs')).json();
  for (const spec of qos.qos_specs ?? [])
    if (spec.name === names.qos)
      await admin.request.delete(`/api/cinder/qos-specs/${spec.id}?force=True`, { headers: adminHeaders });
  for (let attempt = 0; attempt < 60; attempt++) {
    const types = await (await admin.request.get('/api/cinder/types?is_public=none')).json();
    const left = (types.volume_types ?? []).filter((type: { name: string }) =>
      [names.type, names.qosType, names.defaultType, names.encryptedType].includes(type.name),
    );
    if (left.length === 0) break;
    // Refused (400) while the volume is still being deleted: try again shortly.
    for (const type of left) await admin.request.delete(`/api/cinder/types/${type.id}`, { headers: adminHeaders });
    await admin.waitForTimeout(2000);
  }
  await admin.context().close();
  await demo.context().close();
});

test('create a private type with extra specs and give demo access', async () => {
  const types = new VolumeTypesPage(admin);
  await expect(types.table).toBeVisible();
  await types.create({ name: names.type, isPublic: false, specs: { 'e2e:tier': 'gold' } });
  await expect(types.row(names.type)).toContainText('Private');
  await types.open(names.type);
  await admin.getByRole('combobox', { name: 'Key' }).fill('e2e:speed');
  await admin.getByRole('textbox', { name: 'Value' }).fill('fast');
  await admin.getByRole('button', { name: 'Set spec' }).click();
  await expect(admin.getByRole('table', { name: 'Extra specs' })).toContainText('e2e:speed');
  await types.giveAccess('demo');
});

test('demo creates a volume of the private type', async () => {
  const volumes = new VolumesPage(demo);
  await volumes.goto();
  await demo.getByRole('button', { name: 'Create volume' }).click();
  const dialog = volumes.dialog('Create volume');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(names.volume);
  await dialog.getByRole('combobox', { name: 'Volume type' }).click();
  await volumes.pickOption(new RegExp(`^${names.type}$`));
  await dialog.getByRole('button', { name: /^Create/ }).click();
  await expect(dialog).toBeHidden();
  await expect(await volumes.row(names.volume)).toContainText('Available', SETTLE);
});

/** Creates a volume through the open create dialog; returns the type Cinder gave it. */
async function createFrom(dialog: Locator, name: string): Promise<{ id: string; volume_type: string }> {
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  const created = demo.waitForResponse(
    (r) => r.request().method() === 'POST' && r.url().endsWith('/api/cinder/volumes'),
  );
  await dialog.getByRole('button', { name: /^Create volume/ }).click();
  const response = await created;
  expect(response.status()).toBe(202);
  return ((await response.json()) as { volume: { id: string; volume_type: string } }).volume;
}

/** Deletes demo's volume or snapshot through the API and waits until Cinder no longer has it. */
async function removeAndWait(path: string): Promise<void> {
  expect((await demo.request.delete(path, { headers: await csrf(demo) })).status()).toBe(202);
  await expect.poll(async () => (await demo.request.get(path)).status(), SETTLE).toBe(404);
}

test('a clone and a volume from its snapshot keep the private type, on a real Cinder', async () => {
  const volumes = new VolumesPage(demo);
  await volumes.goto();
  await volumes.rowAction(names.volume, 'Clone');
  let dialog = volumes.dialog(new RegExp(names.volume));
  await expect(dialog.getByRole('combobox', { name: 'Volume type' })).toHaveValue(names.type);
  const clone = await createFrom(dialog, names.clone);
  expect(clone.volume_type).toBe(names.type);
  await expect(await volumes.row(names.clone)).toContainText('Available', SETTLE);

  await volumes.rowAction(names.volume, 'Create snapshot');
  dialog = demo.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(names.snapshot);
  await dialog.getByRole('button', { name: 'Create snapshot' }).click();
  await expect(dialog).toBeHidden();
  const snapshots = new SnapshotsPage(demo);
  await snapshots.goto();
  const row = await snapshots.row(names.snapshot);
  await expect(row).toContainText('Available', SETTLE);
  await row.getByRole('button', { name: /^Actions for/ }).click();
  await demo.getByRole('menuitem', { name: /^Create volume from snapshot/ }).click();
  dialog = demo.getByRole('dialog', { name: new RegExp(names.snapshot) });
  await expect(dialog.getByRole('combobox', { name: 'Volume type' })).toHaveValue(names.type);
  const fromSnapshot = await createFrom(dialog, names.fromSnapshot);
  expect(fromSnapshot.volume_type).toBe(names.type);
  await volumes.goto();
  await expect(await volumes.row(names.fromSnapshot)).toContainText('Available', SETTLE);

  // The next step deletes the type once its volume is gone: nothing of this step may still use it.
  const snapshot = (await (await demo.request.get(`/api/cinder/snapshots?name=${names.snapshot}`)).json()) as {
    snapshots: Array<{ id: string }>;
  };
  await removeAndWait(`/api/cinder/volumes/${clone.id}`);
  await removeAndWait(`/api/cinder/volumes/${fromSnapshot.id}`);
  for (const { id } of snapshot.snapshots) await removeAndWait(`/api/cinder/snapshots/${id}`);
});

test('deleting the type is refused while the volume uses it, and works once it is gone', async () => {
  const types = new VolumeTypesPage(admin);
  await types.goto();
  await types.delete(names.type);
  await expect(admin.getByText('Target volume type is still in use.')).toBeVisible();
  await admin.keyboard.press('Escape');

  const volumes = new VolumesPage(demo);
  await volumes.goto();
  await volumes.rowAction(names.volume, 'Delete');
  await volumes
    .dialog(/Delete/)
    .getByRole('button', { name: 'Delete volume' })
    .click();
  await expect(volumes.table.getByRole('link', { name: names.volume, exact: true })).toHaveCount(0, SETTLE);

  await types.goto();
  await types.delete(names.type);
  await expect(admin.getByText(`Volume type ${names.type} deleted`)).toBeVisible();
  await expect(types.row(names.type)).toHaveCount(0);
});

test('QoS specs: create, associate with a type, delete with force', async () => {
  const types = new VolumeTypesPage(admin);
  await types.goto();
  await types.create({ name: names.qosType, isPublic: true });
  await admin.goto('/qos');
  await admin.getByRole('button', { name: 'Create QoS specs' }).click();
  const create = types.dialog('Create QoS specs');
  await create.getByRole('textbox', { name: 'Name' }).fill(names.qos);
  await create.getByLabel('Key 1').fill('total_iops_sec');
  await create.getByLabel('Value 1').fill('500');
  await create.getByRole('button', { name: 'Create QoS specs' }).click();
  await expect(create).toBeHidden();
  const row = admin.getByRole('table', { name: 'QoS specs' }).getByRole('row').filter({ hasText: names.qos });
  await expect(row).toContainText('total_iops_sec=500');

  await row.getByRole('button', { name: `Actions for ${names.qos}` }).click();
  await admin.getByRole('menuitem', { name: 'Volume types' }).click();
  const associate = types.dialog(`Volume types of ${names.qos}`);
  await associate.getByRole('combobox', { name: 'Volume type' }).click();
  await types.pickOption(names.qosType);
  await associate.getByRole('button', { name: 'Associate' }).click();
  await expect(associate.getByRole('table', { name: 'Associated volume types' })).toContainText(names.qosType);
  await associate.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(row).toContainText(names.qosType);

  await row.getByRole('button', { name: `Actions for ${names.qos}` }).click();
  await admin.getByRole('menuitem', { name: /^Delete/ }).click();
  const remove = types.dialog(`Delete ${names.qos}`);
  await remove.getByRole('checkbox', { name: 'Delete anyway (force)' }).check();
  await remove.getByRole('button', { name: 'Delete QoS specs' }).click();
  await expect(admin.getByText(`QoS specs ${names.qos} deleted`)).toBeVisible();

  await types.goto();
  await types.delete(names.qosType);
  await expect(types.row(names.qosType)).toHaveCount(0);
});

// The rig has no key manager, so it refuses volumes of an encrypted type: the encryption itself is
// what is tried here; the emulator's e2e covers the volume that freezes it.
test('encryption: added to a type, changed, then removed', async () => {
  const types = new VolumeTypesPage(admin);
  await types.goto();
  await types.create({ name: names.encryptedType, isPublic: true });
  await types.open(names.encryptedType);
  const section = types.encryptionSection();
  await expect(section).toContainText('This type is not encrypted.');
  await types.setEncryption(names.encryptedType, { keySize: '256' });
  await expect(section).toContainText('luks');
  await types.setEncryption(names.encryptedType, { keySize: '512', backEnd: true });
  await expect(section).toContainText('512');
  await expect(section).toContainText('back-end');
  await section.getByRole('button', { name: 'Remove encryption' }).click();
  await types
    .dialog(`Remove the encryption of ${names.encryptedType}`)
    .getByRole('button', { name: 'Remove encryption' })
    .click();
  await expect(section).toContainText('This type is not encrypted.');
  await types.goto();
  await types.delete(names.encryptedType);
  await expect(types.row(names.encryptedType)).toHaveCount(0);
});

test("demo's default type, set by the admin, is preselected in demo's create dialog, then unset", async () => {
  const headers = await csrf(admin);
  const created = await admin.request.post('/api/cinder/types', {
    data: { volume_type: { name: names.defaultType, 'os-volume-type-access:is_public': true } },
    headers,
  });
  expect(created.ok()).toBe(true);
  const types = new VolumeTypesPage(admin);
  await types.goto();
  await types.setProjectDefault('demo', names.defaultType);

  await demo.goto('/volumes');
  await demo.getByRole('button', { name: 'Create volume' }).click();
  const dialog = demo.getByRole('dialog', { name: 'Create volume' });
  await expect(dialog.getByRole('combobox', { name: 'Volume type' })).toHaveValue(names.defaultType);
  await demo.keyboard.press('Escape');

  await admin.getByRole('button', { name: 'Remove the default type of demo' }).click();
  await expect(admin.getByText("demo uses the cloud's default type again")).toBeVisible();
});
