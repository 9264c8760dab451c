import { expect } from '@playwright/test';
import { CloudCli } from './support/cloud-cli';
import { holdOperation } from './support/emulator-control';
import { test } from './support/signed-in';
import { VolumesPage } from './pages/volumes-page';

// Changes made with another tool (here straight at the cloud's API, as the `openstack` CLI does)
// reach an open page without a reload: the relay's cheap `updated_at` looks run every second,
// where the full refresh would take 30 s. No waits are measured here (bench/ does).
test('a volume created, renamed, extended and deleted outside the console changes in place, its Creating and Extending shown', async ({
  signedIn,
}) => {
  const page = await signedIn('demo');
  const volumes = new VolumesPage(page);
  await volumes.goto();
  const cli = await CloudCli.signIn('demo');
  const name = `cli-${Date.now()}`;
  // Intermediate statuses show too: the emulator holds each operation until the page has shown it.
  const releaseCreate = await holdOperation('volume.create', name);
  const id = await cli.createVolume(name);
  await expect(await volumes.row(name)).toContainText('Creating');
  await releaseCreate();
  await expect(await volumes.row(name)).toContainText('Available');

  const renamed = `${name}-renamed`;
  await cli.rename(id, renamed);
  await expect(await volumes.row(renamed)).toBeVisible();

  const releaseExtend = await holdOperation('volume.extend', renamed);
  await cli.extend(id, 2);
  await expect(await volumes.row(renamed)).toContainText('Extending');
  await releaseExtend();
  await expect(await volumes.row(renamed)).toContainText('2 GiB');
  await expect(await volumes.row(renamed)).toContainText('Available');

  await cli.remove(id);
  await expect(volumes.table.getByRole('link', { name: renamed, exact: true })).toHaveCount(0);
  await cli.dispose();
});

test("an admin's All projects view shows another project's new volume, live", async ({ signedIn }) => {
  const page = await signedIn('admin');
  const volumes = new VolumesPage(page);
  await volumes.goto('?allProjects=1');
  const cli = await CloudCli.signIn('alt_demo');
  const name = `alt-${Date.now()}`;
  const id = await cli.createVolume(name);
  await expect(await volumes.row(name)).toContainText('Available');
  await cli.remove(id);
  await expect(volumes.table.getByRole('link', { name, exact: true })).toHaveCount(0);
  await cli.dispose();
});
