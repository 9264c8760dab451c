import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { AuditPage } from './pages/audit-page';
import { VolumeTypesPage } from './pages/volume-types-page';
import { VolumesPage } from './pages/volumes-page';
import { test } from './support/signed-in';
import { CLOUD_OPERATION } from './support/waits';
import { unique } from './support/unique-name';

/** In the demo page's create dialog, creates a volume of `type` and waits until it is available. */
const createVolumeOfType = (page: Page, name: string, type: string) =>
  new VolumesPage(page).createOfType(name, type, CLOUD_OPERATION);

/** Deletes demo's volume `name` through the console's API and waits until Cinder no longer lists it. */
async function deleteVolume(page: Page, name: string): Promise<void> {
  const session = await (await page.request.get('/api/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  const found = await (await page.request.get(`/api/cinder/volumes/detail?name=${name}`)).json();
  for (const volume of found.volumes ?? []) await page.request.delete(`/api/cinder/volumes/${volume.id}`, { headers });
  await expect
    .poll(
      async () => (await (await page.request.get(`/api/cinder/volumes?name=${name}`)).json()).volumes.length,
      CLOUD_OPERATION,
    )
    .toBe(0);
}

test('a private type with extra specs and access for demo: used, refused deletion, then deleted', async ({
  signedIn,
}) => {
  const admin = await signedIn('admin', '/volume-types');
  const types = new VolumeTypesPage(admin);
  await expect(types.table).toBeVisible();
  const typeName = unique('private-type');
  await types.create({ name: typeName, isPublic: false, specs: { 'e2e:tier': 'gold' } });
  await expect(types.row(typeName)).toContainText('Private');
  await expect(types.row(typeName)).toContainText('e2e:tier=gold');

  await types.open(typeName);
  // One more spec through the detail page's editor, then access for demo.
  await admin.getByRole('combobox', { name: 'Key' }).fill('e2e:speed');
  await admin.getByRole('textbox', { name: 'Value' }).fill('fast');
  await admin.getByRole('button', { name: 'Set spec' }).click();
  const specs = admin.getByRole('table', { name: 'Extra specs' });
  await expect(specs).toContainText('e2e:speed');
  // Removing a spec asks first: cancelled, it stays; confirmed, it goes.
  await specs.getByRole('button', { name: 'Remove e2e:speed' }).click();
  const confirm = admin.getByRole('dialog', { name: 'Remove e2e:speed' });
  await expect(confirm).toContainText('Remove the extra spec e2e:speed from this type?');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(specs).toContainText('e2e:speed');
  await specs.getByRole('button', { name: 'Remove e2e:speed' }).click();
  await confirm.getByRole('button', { name: 'Remove e2e:speed' }).click();
  await expect(specs).not.toContainText('e2e:speed');
  await types.giveAccess('demo');

  const demo = await signedIn('demo');
  const volumeName = unique('typed');
  await createVolumeOfType(demo, volumeName, typeName);

  // Cinder refuses while the volume uses the type: its message shows, with the request id.
  await types.goto();
  await types.delete(typeName);
  await expect(admin.getByText('Target volume type is still in use.')).toBeVisible();
  await expect(admin.getByText(/Request ID/i).first()).toBeVisible();
  await admin.keyboard.press('Escape');

  // The volume goes (through demo's session), and with it the refusal.
  await deleteVolume(demo, volumeName);

  await types.goto();
  await types.delete(typeName);
  await expect(admin.getByText(`Volume type ${typeName} deleted`)).toBeVisible();
  await expect(types.row(typeName)).toHaveCount(0);

  // Each step is in the audit trail, the refused delete with Cinder's status.
  const audit = new AuditPage(admin);
  await audit.goto({ action: 'volume_type' });
  for (const [action, outcome] of [
    ['volume_type.create', 'Success'],
    ['volume_type.addProjectAccess', 'Success'],
    ['volume_type.delete', '400'],
    ['volume_type.delete', 'Success'],
  ] as const) {
    await expect(audit.rows(action, outcome).first()).toBeVisible();
  }
});

test('encryption: added to a type, changed, frozen while demo has a volume of it, then removed', async ({
  signedIn,
}) => {
  const admin = await signedIn('admin', '/volume-types');
  const types = new VolumeTypesPage(admin);
  await expect(types.table).toBeVisible();
  const typeName = unique('encrypted-type');
  await types.create({ name: typeName, isPublic: true });
  await types.open(typeName);
  const section = types.encryptionSection();
  await expect(section).toContainText('This type is not encrypted.');

  await types.setEncryption(typeName, { keySize: '256' });
  await expect(admin.getByText(`${typeName} now encrypts its volumes`)).toBeVisible();
  await expect(section).toContainText('luks');
  await expect(section).toContainText('256');
  await types.setEncryption(typeName, { keySize: '512', backEnd: true });
  await expect(section).toContainText('512');
  await expect(section).toContainText('back-end');

  // A volume of the type is encrypted, and while it exists Cinder refuses to touch the encryption.
  const demo = await signedIn('demo');
  const volumeName = unique('encrypted');
  await createVolumeOfType(demo, volumeName, typeName);
  await section.getByRole('button', { name: 'Remove encryption' }).click();
  const remove = types.dialog(`Remove the encryption of ${typeName}`);
  await remove.getByRole('button', { name: 'Remove encryption' }).click();
  await expect(admin.getByText('Cannot delete encryption specs. Volume type in use.')).toBeVisible();
  await admin.keyboard.press('Escape');
  await expect(section).toContainText('512');

  await deleteVolume(demo, volumeName);
  await section.getByRole('button', { name: 'Remove encryption' }).click();
  await remove.getByRole('button', { name: 'Remove encryption' }).click();
  await expect(admin.getByText(`${typeName} no longer encrypts new volumes`)).toBeVisible();
  await expect(section).toContainText('This type is not encrypted.');

  const audit = new AuditPage(admin);
  await audit.goto({ action: 'volume_type.encryption' });
  for (const [action, outcome] of [
    ['volume_type.encryption.create', 'Success'],
    ['volume_type.encryption.update', 'Success'],
    ['volume_type.encryption.delete', '400'],
    ['volume_type.encryption.delete', 'Success'],
  ] as const) {
    await expect(audit.rows(action, outcome).first()).toBeVisible();
  }
  await types.goto();
  await types.delete(typeName);
  await expect(types.row(typeName)).toHaveCount(0);
});

// Both change or read demo's default type: one after the other, never side by side.
test.describe("demo's default type", () => {
  test.describe.configure({ mode: 'serial' });

  test("demo's create dialog preselects the type the cloud would pick", async ({ signedIn }) => {
    const demo = await signedIn('demo');
    const fallback = await (await demo.request.get('/api/cinder/types/default')).json();
    await demo.getByRole('button', { name: 'Create volume' }).click();
    const dialog = demo.getByRole('dialog', { name: 'Create volume' });
    await expect(dialog.getByRole('combobox', { name: 'Volume type' })).toHaveValue(fallback.volume_type.name);
  });

  test("demo's default type, set by an admin, is preselected in demo's create dialog", async ({ signedIn }) => {
    const admin = await signedIn('admin', '/volume-types');
    const types = new VolumeTypesPage(admin);
    await expect(types.table).toBeVisible();
    const typeName = unique('demo-default');
    await types.create({ name: typeName, isPublic: true });
    await types.setProjectDefault('demo', typeName);

    const demo = await signedIn('demo');
    await demo.getByRole('button', { name: 'Create volume' }).click();
    const dialog = demo.getByRole('dialog', { name: 'Create volume' });
    await expect(dialog.getByRole('combobox', { name: 'Volume type' })).toHaveValue(typeName);

    // Leave the emulator's demo project as the other specs expect it.
    await admin.getByRole('button', { name: 'Remove the default type of demo' }).click();
    await expect(admin.getByText("demo uses the cloud's default type again")).toBeVisible();
  });
});

test('a member who types /volume-types gets the not-allowed page', async ({ signedIn }) => {
  const demo = await signedIn('demo', '/volume-types');
  await expect(demo.getByRole('alert').filter({ hasText: 'Not allowed' })).toBeVisible();
  await expect(demo.getByRole('table', { name: 'Volume types' })).toHaveCount(0);
  await demo.goto('/qos');
  await expect(demo.getByRole('alert').filter({ hasText: 'Not allowed' })).toBeVisible();
});

test('QoS specs: create, edit keys, associate with a type, and delete with force while associated', async ({
  signedIn,
}) => {
  const admin = await signedIn('admin', '/volume-types');
  const types = new VolumeTypesPage(admin);
  await expect(types.table).toBeVisible();
  const typeName = unique('qos-type');
  await types.create({ name: typeName, isPublic: true });

  const qosName = unique('qos');
  await admin.goto('/qos');
  await admin.getByRole('button', { name: 'Create QoS specs' }).click();
  const create = types.dialog('Create QoS specs');
  await create.getByRole('textbox', { name: 'Name' }).fill(qosName);
  await create.getByRole('combobox', { name: 'Consumer' }).click();
  await types.pickOption('Both');
  await create.getByLabel('Key 1').fill('total_iops_sec');
  await create.getByLabel('Value 1').fill('500');
  await create.getByRole('button', { name: 'Create QoS specs' }).click();
  await expect(create).toBeHidden();
  const table = admin.getByRole('table', { name: 'QoS specs' });
  const row = table.getByRole('row').filter({ hasText: qosName });
  await expect(row).toContainText('total_iops_sec=500');
  await expect(row).toContainText('Both');

  await row.getByRole('button', { name: `Actions for ${qosName}` }).click();
  await admin.getByRole('menuitem', { name: 'Edit keys' }).click();
  const edit = types.dialog(`Keys of ${qosName}`);
  await edit.getByLabel('Value 1').fill('800');
  await edit.getByRole('button', { name: 'Add key' }).click();
  await edit.getByLabel('Key 2').fill('read_bytes_sec');
  await edit.getByLabel('Value 2').fill('1000');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('total_iops_sec=800, read_bytes_sec=1000');

  await row.getByRole('button', { name: `Actions for ${qosName}` }).click();
  await admin.getByRole('menuitem', { name: 'Volume types' }).click();
  const associate = types.dialog(`Volume types of ${qosName}`);
  await associate.getByRole('combobox', { name: 'Volume type' }).click();
  await types.pickOption(typeName);
  await associate.getByRole('button', { name: 'Associate' }).click();
  await expect(associate.getByRole('table', { name: 'Associated volume types' })).toContainText(typeName);
  await associate.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(row).toContainText(typeName);

  await row.getByRole('button', { name: `Actions for ${qosName}` }).click();
  await admin.getByRole('menuitem', { name: /^Delete/ }).click();
  const remove = types.dialog(`Delete ${qosName}`);
  await expect(remove.getByText(/These volume types use the specs/)).toContainText(typeName);
  const submit = remove.getByRole('button', { name: 'Delete QoS specs' });
  await expect(submit).toBeDisabled();
  await remove.getByRole('checkbox', { name: 'Delete anyway (force)' }).check();
  await submit.click();
  await expect(admin.getByText(`QoS specs ${qosName} deleted`)).toBeVisible();
  await expect(row).toHaveCount(0);

  await types.goto();
  await types.delete(typeName);
  await expect(types.row(typeName)).toHaveCount(0);
});

test('the admin pages pass axe without serious or critical violations', async ({ signedIn }) => {
  const admin = await signedIn('admin', '/volume-types');
  const types = new VolumeTypesPage(admin);
  await expect(types.table).toBeVisible();
  const scan = async (name: string) => {
    // Scanned once settled: the page as the user reads it, not its loaders.
    await expect(admin.getByLabel(/^Loading/)).toHaveCount(0);
    const results = await new AxeBuilder({ page: admin }).analyze();
    const blocking = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
    expect.soft(blocking, name).toEqual([]);
  };
  await scan('the volume types list');
  // A type of the seed, not whichever is first: other tests create and delete types meanwhile.
  await types.open('standard');
  await scan('a volume type detail page');
  await admin.goto('/qos');
  await expect(admin.getByRole('heading', { level: 1, name: 'QoS specs' })).toBeVisible();
  await scan('the QoS specs page');
});
