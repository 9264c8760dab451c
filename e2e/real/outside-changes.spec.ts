import { expect, test } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { VolumesPage } from '../pages/volumes-page';
import { CloudCli } from '../support/cloud-cli';

/**
 * A volume made, renamed, extended and deleted straight at the real Cinder (as the `openstack` CLI
 * would) changes in place on an open Volumes page, without a reload. Cleans up what it made.
 */
const authUrl = process.env.REAL_OS_AUTH_URL ?? 'http://127.0.0.1:5000/v3';
const SETTLE = { timeout: 120_000 };

test('changes made outside the console reach the open page', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('/volumes');
  await login.signIn('demo', 'demo');
  const volumes = new VolumesPage(page);
  await expect(volumes.table).toBeVisible();
  const cli = await CloudCli.signIn('demo', authUrl);
  const name = `real-outside-${Date.now().toString(36)}`;
  const id = await cli.createVolume(name);
  try {
    await expect(await volumes.row(name)).toContainText('Available', SETTLE);
    const renamed = `${name}-renamed`;
    await cli.rename(id, renamed);
    await expect(volumes.table.getByRole('link', { name: renamed, exact: true })).toBeVisible(SETTLE);
    await cli.extend(id, 2);
    await expect(await volumes.row(renamed)).toContainText('2 GiB', SETTLE);
    await expect(await volumes.row(renamed)).toContainText('Available', SETTLE);
    await cli.remove(id);
    await expect(volumes.table.getByRole('link', { name: renamed, exact: true })).toHaveCount(0, SETTLE);
  } finally {
    await cli.remove(id).catch(() => undefined);
    await cli.dispose();
  }
});
