import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { GroupsPages } from './pages/groups-page';
import { VolumesPage } from './pages/volumes-page';
import { test } from './support/signed-in';
import { CLOUD_OPERATION } from './support/waits';
import { unique } from './support/unique-name';

/** Creates a volume of `type` through the Volumes page and waits until it is available. */
const createVolumeOfType = (page: Page, name: string, type: string) =>
  new VolumesPage(page).createOfType(name, type, CLOUD_OPERATION);

/** An admin's group lists show every project (the switch writes the address, so its state follows a render later). */
async function showAllProjects(admin: Page): Promise<void> {
  const toggle = admin.getByRole('switch', { name: 'All projects' });
  await toggle.click();
  await expect(toggle).toBeChecked();
}

/** As admin: a public group type with a spec, for the member's groups. */
async function createGroupType(admin: Page, name: string): Promise<void> {
  const pages = new GroupsPages(admin);
  await pages.open('Group types');
  await admin.getByRole('button', { name: 'Create group type' }).click();
  await pages.dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await pages.dialog.getByRole('button', { name: 'Add group spec' }).click();
  await pages.dialog.getByRole('combobox', { name: 'Key 1' }).fill('consistent_group_snapshot_enabled');
  await pages.dialog.getByRole('textbox', { name: 'Value 1' }).fill('<is> True');
  await pages.submit('Create group type');
  await expect(pages.typeRow(name)).toContainText('consistent_group_snapshot_enabled=<is> True');
}

test('group types: an admin creates, edits, changes the specs of and deletes one; members have no page', async ({
  signedIn,
}) => {
  const admin = await signedIn('admin', '/overview');
  const pages = new GroupsPages(admin);
  const name = unique('e2e-gt');
  await createGroupType(admin, name);

  await pages.act(pages.typeRow(name), name, 'Edit');
  await pages.dialog.getByRole('textbox', { name: 'Description' }).fill('for e2e');
  await pages.dialog.getByRole('checkbox', { name: /^Public/ }).uncheck();
  await pages.submit('Save');
  await expect(pages.typeRow(name)).toContainText('for e2e');
  await expect(pages.typeRow(name)).toContainText('Private');

  await pages.act(pages.typeRow(name), name, 'Edit group specs');
  await pages.dialog.getByRole('button', { name: 'Remove row 1' }).click();
  await pages.dialog.getByRole('button', { name: 'Add group spec' }).click();
  await pages.dialog.getByRole('combobox', { name: 'Key 1' }).fill('e2e:tier');
  await pages.dialog.getByRole('textbox', { name: 'Value 1' }).fill('gold');
  await pages.submit('Save');
  await expect(pages.typeRow(name)).toContainText('e2e:tier=gold');
  await expect(pages.typeRow(name)).not.toContainText('consistent_group_snapshot_enabled');

  await pages.act(pages.typeRow(name), name, 'Delete');
  await pages.submit('Delete group type');
  await expect(pages.typeRow(name)).toHaveCount(0);

  const demo = await signedIn('demo', '/overview');
  const nav = demo.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Groups', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Group types' })).toHaveCount(0);
});

test('a group with volumes: created live, volumes added and removed, snapshotted, copied, rebuilt from its snapshot, reset and deleted', async ({
  signedIn,
}) => {
  test.setTimeout(300_000);
  const admin = await signedIn('admin', '/overview');
  const typeName = unique('e2e-gt');
  await createGroupType(admin, typeName);

  const demo = await signedIn('demo');
  const pages = new GroupsPages(demo);
  const stamp = Date.now().toString(36);
  const [group, first, second, snapshot, fromSnapshot, copy] = ['grp', 'v1', 'v2', 'gs', 'from-gs', 'copy'].map(
    (part) => `e2e-${part}-${stamp}`,
  ) as [string, string, string, string, string, string];
  await createVolumeOfType(demo, first, 'ssd');
  await createVolumeOfType(demo, second, 'ssd');

  await test.step('create the group and watch it become available in place', async () => {
    await pages.open('Groups');
    await demo.getByRole('button', { name: 'Create group' }).click();
    await pages.dialog.getByRole('textbox', { name: 'Name' }).fill(group);
    await pages.dialog.getByRole('combobox', { name: 'Group type' }).click();
    await pages.pick(typeName);
    await pages.openPicker('Volume types');
    await pages.pick('ssd');
    await pages.dialog.getByRole('textbox', { name: 'Name' }).click(); // closes the picker
    await pages.submit('Create group');
    await expect(demo.getByRole('alert').filter({ hasText: `Group ${group} is being created` })).toBeVisible();
    await expect(await pages.row('Groups', group)).toContainText('Available', CLOUD_OPERATION);
  });

  await test.step('add both volumes, then remove one, on the detail page', async () => {
    await (await pages.row('Groups', group)).getByRole('link', { name: group }).click();
    await expect(demo.getByRole('heading', { level: 1, name: group })).toBeVisible();
    const toolbar = demo.getByRole('toolbar', { name: 'Group actions' });
    await toolbar.getByRole('button', { name: 'Add or remove volumes' }).click();
    await pages.openPicker('Volumes to add');
    await pages.pick(first);
    await pages.openPicker('Volumes to add');
    await pages.pick(second);
    await pages.dialog.getByRole('heading').click(); // closes the picker
    await pages.submit('Save changes');
    await expect(await pages.row('Volumes in this group', second)).toBeVisible(CLOUD_OPERATION);
    await expect(await pages.row('Volumes in this group', first)).toBeVisible();
    await expect(demo.getByRole('heading', { level: 1, name: group })).toBeVisible();
    await expect(toolbar.getByRole('button', { name: 'Add or remove volumes' })).not.toHaveAttribute(
      'aria-disabled',
      CLOUD_OPERATION,
    );
    await toolbar.getByRole('button', { name: 'Add or remove volumes' }).click();
    await pages.dialog.getByRole('checkbox', { name: second }).check();
    await pages.submit('Save changes');
    await expect(
      demo.getByRole('table', { name: 'Volumes in this group' }).getByRole('link', { name: second }),
    ).toHaveCount(0, CLOUD_OPERATION);
  });

  await test.step('snapshot the group, then make a new group from the snapshot', async () => {
    const toolbar = demo.getByRole('toolbar', { name: 'Group actions' });
    await expect(toolbar.getByRole('button', { name: 'Create group snapshot' })).not.toHaveAttribute(
      'aria-disabled',
      CLOUD_OPERATION,
    );
    await toolbar.getByRole('button', { name: 'Create group snapshot' }).click();
    await pages.dialog.getByRole('textbox', { name: 'Name' }).fill(snapshot);
    await pages.submit('Create group snapshot');
    await pages.open('Group snapshots');
    const row = await pages.row('Group snapshots', snapshot);
    await expect(row).toContainText('Available', CLOUD_OPERATION);
    await expect(row).toContainText(group);
    await row.getByRole('link', { name: snapshot }).click();
    await expect(demo.getByRole('table', { name: 'Volume snapshots' }).getByRole('row')).toHaveCount(2);
    await demo
      .getByRole('toolbar', { name: 'Group snapshot actions' })
      .getByRole('button', { name: 'Create group from snapshot' })
      .click();
    await pages.dialog.getByRole('textbox', { name: 'Name' }).fill(fromSnapshot);
    await pages.submit('Create group');
    await pages.open('Groups');
    await expect(await pages.row('Groups', fromSnapshot)).toContainText('Available', CLOUD_OPERATION);
  });

  await test.step('copy the group', async () => {
    await pages.act(await pages.row('Groups', group), group, 'Copy group');
    await pages.dialog.getByRole('textbox', { name: 'Name' }).fill(copy);
    await pages.submit('Create group');
    await expect(await pages.row('Groups', copy)).toContainText('Available', CLOUD_OPERATION);
    await (await pages.row('Groups', copy)).getByRole('link', { name: copy }).click();
    await expect(demo.getByRole('table', { name: 'Volumes in this group' }).getByRole('row')).toHaveCount(
      2,
      CLOUD_OPERATION,
    );
  });

  await test.step('Cinder refuses to delete a group with a group snapshot; its message shows', async () => {
    await pages.open('Groups');
    await pages.act(await pages.row('Groups', group), group, 'Delete');
    await pages.dialog.getByRole('checkbox', { name: 'Delete its volumes too' }).check();
    await pages.dialog.getByRole('button', { name: 'Delete group' }).click();
    await expect(demo.getByText(/has existing group snapshots|Group has existing snapshots/)).toBeVisible();
    await demo.keyboard.press('Escape');
  });

  await test.step('an admin resets the status of the group snapshot and of the group; a member has no such action', async () => {
    await pages.open('Group snapshots');
    await (
      await pages.row('Group snapshots', snapshot)
    )
      .getByRole('button', { name: `Actions for ${snapshot}` })
      .click();
    await expect(demo.getByRole('menuitem', { name: /Reset status/ })).toHaveCount(0);
    await demo.keyboard.press('Escape');

    const adminPages = new GroupsPages(admin);
    await adminPages.open('Group snapshots');
    await showAllProjects(admin);
    await adminPages.act(await adminPages.row('Group snapshots', snapshot), snapshot, 'Reset status (admin)');
    await adminPages.dialog.getByRole('combobox', { name: 'New status' }).click();
    await adminPages.pick('Error');
    await adminPages.dialog.getByRole('checkbox', { name: /Cinder's own checks are bypassed/ }).check();
    await adminPages.submit('Reset status');
    await expect(await adminPages.row('Group snapshots', snapshot)).toContainText('Error');
    await expect(await pages.row('Group snapshots', snapshot)).toContainText('Error', CLOUD_OPERATION);
    // The member is told, as for any resource that turns to an error by itself, and closes the notice.
    const notice = demo.getByRole('alert').filter({ hasText: `Group snapshot ${snapshot} is now Error` });
    await notice.getByRole('button', { name: 'Close' }).click();
    await expect(notice).toBeHidden();

    await adminPages.open('Groups');
    await showAllProjects(admin);
    await adminPages.act(await adminPages.row('Groups', copy), copy, 'Reset status (admin)');
    await adminPages.dialog.getByRole('combobox', { name: 'New status' }).click();
    await adminPages.pick('Error');
    await adminPages.dialog.getByRole('checkbox', { name: /Cinder's own checks are bypassed/ }).check();
    await adminPages.submit('Reset status');
    await expect(await adminPages.row('Groups', copy)).toContainText('Error');
  });

  await test.step('delete the group snapshot, then every group with its volumes', async () => {
    await pages.open('Group snapshots');
    await pages.act(await pages.row('Group snapshots', snapshot), snapshot, 'Delete');
    await pages.submit('Delete group snapshot');
    await expect(
      demo.getByRole('table', { name: 'Group snapshots' }).getByRole('link', { name: snapshot }),
    ).toHaveCount(0, CLOUD_OPERATION);
    await pages.open('Groups');
    for (const name of [copy, fromSnapshot, group]) {
      await pages.act(await pages.row('Groups', name), name, 'Delete');
      await pages.dialog.getByRole('checkbox', { name: 'Delete its volumes too' }).check();
      await pages.submit('Delete group');
      await expect(demo.getByRole('table', { name: 'Groups' }).getByRole('link', { name })).toHaveCount(
        0,
        CLOUD_OPERATION,
      );
    }
    // The volumes went with their groups.
    const volumes = new VolumesPage(demo);
    await volumes.goto();
    await expect(volumes.table.getByRole('link', { name: first, exact: true })).toHaveCount(0, CLOUD_OPERATION);
  });

  await test.step('the group type can go now', async () => {
    const adminPages = new GroupsPages(admin);
    await adminPages.open('Group types');
    await adminPages.act(adminPages.typeRow(typeName), typeName, 'Delete');
    await adminPages.submit('Delete group type');
    await expect(adminPages.typeRow(typeName)).toHaveCount(0);
  });
});

test('the group pages have no accessibility violations, in English and Simplified Chinese', async ({ signedIn }) => {
  const admin = await signedIn('admin', '/overview');
  const pages = new GroupsPages(admin);
  for (const label of ['Groups', 'Group snapshots', 'Group types'] as const) {
    await pages.open(label);
    await expect(admin.getByRole('table', { name: label })).toBeVisible();
    const results = await new AxeBuilder({ page: admin }).analyze();
    expect(results.violations, label).toEqual([]);
  }
  await admin.evaluate(() => localStorage.setItem('cinder-console.language', 'zh-CN'));
  await admin.goto('/groups');
  await expect(admin.getByRole('heading', { level: 1, name: '卷组' })).toBeVisible();
  expect((await new AxeBuilder({ page: admin }).analyze()).violations).toEqual([]);
});
