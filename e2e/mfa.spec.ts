import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import { VolumesPage } from './pages/volumes-page';
import { emulatorAuthUrl } from './support/keystone-admin';
import { createMfaUser, type MfaUser } from './support/mfa-user';
import { expectNoTokenInBrowser, recordTraffic } from './support/token-leak';

let user: MfaUser;
test.beforeEach(async () => {
  user = await createMfaUser(emulatorAuthUrl);
});
test.afterEach(() => user.remove());

test('a user whose rule is password + TOTP signs in with the passcode of the moment', async ({ page, context }) => {
  const traffic = recordTraffic(page);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(user.name, user.password);
  const passcode = page.getByRole('textbox', { name: 'Passcode' });
  await expect(passcode).toBeFocused();
  // A wrong code is refused and the code can be typed again.
  await passcode.fill(String((Number(user.passcode()) + 500_000) % 1_000_000).padStart(6, '0'));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(login.error).toContainText('Sign-in failed');
  await passcode.fill(user.passcode());
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(new AppShell(page).heading).toHaveText('Volumes');
  await expect(await new VolumesPage(page).row('db-primary')).toBeVisible();
  await expectNoTokenInBrowser(page, context, traffic);
});

test('a passcode that is not digits is named on its field, and nothing is sent', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(user.name, user.password);
  const sent: string[] = [];
  page.on('request', (r) => r.url().endsWith('/api/session') && r.method() === 'POST' && sent.push(r.url()));
  await page.getByRole('textbox', { name: 'Passcode' }).fill('12ab');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('Enter the passcode: 6 to 8 digits')).toBeVisible();
  expect(sent).toEqual([]);
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(login.password).toBeVisible();
});

test('a user registers an authenticator app: a QR code and the secret, shown once', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('/application-credentials');
  await login.signIn(user.name, user.password);
  await page.getByRole('textbox', { name: 'Passcode' }).fill(user.passcode());
  await page.getByRole('button', { name: 'Verify' }).click();
  const card = page.getByRole('region', { name: 'Authenticator app (TOTP)' });
  await expect(card).toContainText('An authenticator app is registered');
  await card.getByRole('button', { name: 'Register another authenticator app' }).click();
  await expect(card.getByRole('img', { name: 'QR code of the authenticator secret' })).toBeVisible();
  await expect(card.getByRole('textbox', { name: 'Authenticator secret' })).toHaveValue(/^[A-Z2-7]{32}$/);
});
