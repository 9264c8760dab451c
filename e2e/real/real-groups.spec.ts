import { expect, type Page } from '@playwright/test';
import { GroupsPages } from '../pages/groups-page';
import { VolumesPage } from '../pages/volumes-page';
import { test } from '../support/signed-in';

/**
 * A generic volume group with a group snapshot through the console's UI on the real rig (Zed):
 * an admin's group type, the member's group of one volume, its group snapshot, then all of it
 * removed again. Real transitions take seconds.
 */
const run = Date.now().toString(36);
const names = {
  groupType: `real-e2e-gt-${run}`,
  volume: `real-e2e-${run}-gv`,
  group: `real-e2e-${run}-group`,
  snapshot: `real-e2e-${run}-gs`,
};
const SETTLE = { timeout: 180_000 };

/** Removes whatever a failed run left, through the console's API (admin sees every project). */
async function cleanUp(admin: Page): Promise<void> {
  const session = await (await admin.request.get('/api/session')).json();
  const headers = { 'X-CSRF-Token': session.csrfToken as string };
  const list = async (path: string, key: string) =>
    ((await (await admin.request.get(path)).json())[key] ?? []) as Array<{ id: string; name: string | null }>;
  for (const snapshot of await list('/api/cinder/group_snapshots/detail?all_tenants=1', 'group_snapshots'))
    if (snapshot.name === names.snapshot)
      await admin.request.delete(`/api/cinder/group_snapshots/${snapshot.id}`, { headers });
  await expect
    .poll(
      async () =>
        (await list('/api/cinder/group_snapshots/detail?all_tenants=1', 'group_snapshots')).filter(
          (s) => s.name === names.snapshot,
        ).length,
      SETTLE,
    )
    .toBe(0);
  for (const group of await list('/api/cinder/groups/detail?all_tenants=1', 'groups'))
    if (group.name === names.group)
      await admin.request.post(`/api/cinder/groups/${group.id}/action`, {
        headers,
        data: { delete: { 'delete-volumes': true } },
      });
  await expect
    .poll(
      async () =>
        (await list('/api/cinder/groups/detail?all_tenants=1', 'groups')).filter((g) => g.name === names.group).length,
      SETTLE,
    )
    .toBe(0);
  for (const volume of await list(`/api/cinder/volumes/detail?all_tenants=1&name=${names.volume}`, 'volumes'))
    await admin.request.delete(`/api/cinder/volumes/${volume.id}?cascade=true`, { headers });
  for (const type of await list('/api/cinder/group_types?is_public=None', 'group_types'))
    if (type.name === names.groupType) await admin.request.delete(`/api/cinder/group_types/${type.id}`, { headers });
}

test('a group of one volume with a group snapshot, on the real cloud', async ({ signedIn }) => {
  test.setTimeout(900_000);
  const admin = await signedIn('admin', '/overview');
  const adminPages = new GroupsPages(admin);
  try {
    await test.step('an admin creates a public group type', async () => {
      await adminPages.open('Group types');
      await admin.getByRole('button', { name: 'Create group type' }).click();
      await adminPages.dialog.getByRole('textbox', { name: 'Name' }).fill(names.groupType);
      await adminPages.submit('Create group type');
      await expect(adminPages.typeRow(names.groupType)).toContainText('Public');
    });

    const demo = await signedIn('demo');
    const pages = new GroupsPages(demo);
    await test.step('the member creates a volume and a group of its type, and adds the volume', async () => {
      const volumes = new VolumesPage(demo);
      await volumes.goto();
      await volumes.create({ name: names.volume, size: 1 });
      await expect(await volumes.row(names.volume)).toContainText('Available', SETTLE);
      await pages.open('Groups');
      await demo.getByRole('button', { name: 'Create group' }).click();
      await pages.dialog.getByRole('textbox', { name: 'Name' }).fill(names.group);
      await pages.dialog.getByRole('combobox', { name: 'Group type' }).click();
      await pages.pick(names.groupType);
      await pages.openPicker('Volume types');
      await pages.pick('__DEFAULT__');
      await pages.dialog.getByRole('textbox', { name: 'Name' }).click(); // closes the picker
      await pages.submit('Create group');
      await expect(await pages.row('Groups', names.group)).toContainText('Available', SETTLE);
      await pages.act(await pages.row('Groups', names.group), names.group, 'Add or remove volumes');
      await pages.openPicker('Volumes to add');
      await pages.pick(names.volume);
      await pages.dialog.getByRole('heading').click(); // closes the picker
      await pages.submit('Save changes');
      await (await pages.row('Groups', names.group)).getByRole('link', { name: names.group }).click();
      await expect(await pages.row('Volumes in this group', names.volume)).toBeVisible(SETTLE);
    });

    await test.step('a group snapshot of it becomes available, with one volume snapshot', async () => {
      const toolbar = demo.getByRole('toolbar', { name: 'Group actions' });
      await expect(toolbar.getByRole('button', { name: 'Create group snapshot' })).not.toHaveAttribute(
        'aria-disabled',
        SETTLE,
      );
      await toolbar.getByRole('button', { name: 'Create group snapshot' }).click();
      await pages.dialog.getByRole('textbox', { name: 'Name' }).fill(names.snapshot);
      await pages.submit('Create group snapshot');
      await pages.open('Group snapshots');
      await expect(await pages.row('Group snapshots', names.snapshot)).toContainText('Available', SETTLE);
      await (await pages.row('Group snapshots', names.snapshot)).getByRole('link', { name: names.snapshot }).click();
      await expect(demo.getByRole('table', { name: 'Volume snapshots' }).getByRole('row')).toHaveCount(2, SETTLE);
    });

    await test.step('the group snapshot, then the group with its volume, are deleted', async () => {
      await demo
        .getByRole('toolbar', { name: 'Group snapshot actions' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await pages.submit('Delete group snapshot');
      await expect(demo.getByRole('heading', { level: 1, name: 'Group snapshots' })).toBeVisible();
      await expect(
        demo.getByRole('table', { name: 'Group snapshots' }).getByRole('link', { name: names.snapshot }),
      ).toHaveCount(0, SETTLE);
      await pages.open('Groups');
      await pages.act(await pages.row('Groups', names.group), names.group, 'Delete');
      await pages.dialog.getByRole('checkbox', { name: 'Delete its volumes too' }).check();
      await pages.submit('Delete group');
      await expect(demo.getByRole('table', { name: 'Groups' }).getByRole('link', { name: names.group })).toHaveCount(
        0,
        SETTLE,
      );
    });
  } finally {
    await cleanUp(admin);
  }
});
