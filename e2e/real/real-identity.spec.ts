import { expect, test } from '@playwright/test';
import { AppShell } from '../pages/app-shell';
import { LoginPage } from '../pages/login-page';
import { createMfaUser } from '../support/mfa-user';
import { expectNoTokenInBrowser, recordTraffic } from '../support/token-leak';

/** The rig's Keystone (deploy/openstack-dev), whose [auth] methods include totp. */
const authUrl = process.env.REAL_OS_AUTH_URL ?? 'http://127.0.0.1:5000/v3';

test('an application credential made in the console signs in to the real cloud', async ({ page, context }) => {
  const traffic = recordTraffic(page);
  const login = new LoginPage(page);
  const shell = new AppShell(page);
  const name = `real-e2e-${Date.now().toString(36)}`;
  await login.goto('/application-credentials');
  await login.signIn('demo', 'demo');
  await page.getByRole('button', { name: 'Create application credential' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create application credential' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create application credential' }).click();
  const id = await dialog.getByRole('textbox', { name: 'ID' }).inputValue();
  const secret = await dialog.getByRole('textbox', { name: 'Secret' }).inputValue();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await shell.signOut('demo');
  try {
    await login.goto();
    await login.signInWithCredential(id, secret);
    await expect(shell.heading).toHaveText('Volumes');
    await expect(shell.accountMenu('demo')).toBeVisible();
    await expectNoTokenInBrowser(page, context, traffic);
    await shell.signOut('demo');
  } finally {
    // Leave the shared rig as it was.
    await login.goto('/application-credentials');
    await login.signIn('demo', 'demo');
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
  }
});

test('a user whose Keystone rule is password + totp signs in with a computed passcode', async ({ page }) => {
  const user = await createMfaUser(authUrl, process.env.OSDEV_ADMIN_PASSWORD ?? 'admin');
  try {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(user.name, user.password);
    await page.getByRole('textbox', { name: 'Passcode' }).fill(user.passcode());
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(new AppShell(page).heading).toHaveText('Volumes');
  } finally {
    await user.remove();
  }
});
