import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { signInAs } from './support/signed-in';
import { VolumesPage } from './pages/volumes-page';

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'demo');
  await expect(new VolumesPage(page).table).toBeVisible();
});

test('switching project shows that project, and only its volumes, without signing in again', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.accountMenu('demo').click();
  await page.getByRole('menuitem', { name: 'Switch to project demo_staging' }).click();
  await expect(shell.accountMenu('demo')).toContainText('demo_staging');
  await expect(page.getByText('This project has no volumes.')).toBeVisible();

  await shell.accountMenu('demo').click();
  await page.getByRole('menuitem', { name: 'Switch to project demo' }).click();
  await expect(await new VolumesPage(page).row('db-primary')).toBeVisible();
});

test("switching region shows that region's volumes", async ({ page }) => {
  const shell = new AppShell(page);
  await shell.accountMenu('demo').click();
  await page.getByRole('menuitem', { name: 'Switch to region RegionTwo' }).click();
  await expect(shell.accountMenu('demo')).toContainText('RegionTwo');
  await expect(await new VolumesPage(page).row('dr-db-primary')).toBeVisible();
  await expect(new VolumesPage(page).table).not.toContainText('web-root-1');
});
