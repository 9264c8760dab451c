import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import { VolumesPage } from './pages/volumes-page';
import { expectNoTokenInBrowser, recordTraffic } from './support/token-leak';

test('a member makes a read-only application credential, signs in with it, and deletes it', async ({
  page,
  context,
}) => {
  const traffic = recordTraffic(page);
  const login = new LoginPage(page);
  const shell = new AppShell(page);
  const name = `e2e-reader-${Date.now()}`;
  await login.goto('/application-credentials');
  await login.signIn('demo', 'demo');
  await expect(shell.heading).toHaveText('Application credentials');

  await page.getByRole('button', { name: 'Create application credential' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create application credential' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('checkbox', { name: 'member' }).uncheck();
  await dialog.getByRole('button', { name: 'Create application credential' }).click();
  await expect(dialog.getByRole('status')).toContainText('shown this once');
  const id = await dialog.getByRole('textbox', { name: 'ID' }).inputValue();
  const secret = await dialog.getByRole('textbox', { name: 'Secret' }).inputValue();
  expect(secret.length).toBeGreaterThan(20);
  await expect(dialog.getByRole('region', { name: 'clouds.yaml entry' })).toContainText(
    `application_credential_id: ${id}`,
  );
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('reader');
  await expect(page.getByRole('row', { name: new RegExp(name) })).not.toContainText(secret);

  await shell.signOut('demo');
  await login.goto();
  await login.signInWithCredential(id, secret);
  await expect(shell.heading).toHaveText('Volumes');
  const volumes = new VolumesPage(page);
  await expect(await volumes.row('db-primary')).toBeVisible();
  // The credential delegates only the reader role: writing is refused with the reason.
  await expect(page.getByRole('button', { name: 'Create volume' })).toBeDisabled();
  await expectNoTokenInBrowser(page, context, traffic);

  await shell.signOut('demo');
  await login.goto('/application-credentials');
  await login.signIn('demo', 'demo');
  await page.getByRole('button', { name: `Delete ${name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);

  await shell.signOut('demo');
  await login.goto();
  await login.signInWithCredential(id, secret);
  await expect(login.error).toContainText('requires authentication');
});

test('a credential named with its owner signs in too, and a wrong secret is refused', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('/application-credentials');
  await login.signIn('alt_demo', 'alt_demo');
  const name = `e2e-by-name-${Date.now()}`;
  await page.getByRole('button', { name: 'Create application credential' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create application credential' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create application credential' }).click();
  const secret = await dialog.getByRole('textbox', { name: 'Secret' }).inputValue();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await new AppShell(page).signOut('alt_demo');

  await login.goto();
  await login.signInWithCredential(name, `${secret}x`, 'alt_demo');
  await expect(login.error).toContainText('Sign-in failed');
  await page.getByRole('textbox', { name: 'Secret' }).fill(secret);
  await login.submit.click();
  await expect(new AppShell(page).heading).toHaveText('Volumes');
  // alt_demo's credential sees alt_demo's project only.
  await expect(await new VolumesPage(page).row('alt-private')).toBeVisible();
});
