import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import { VolumesPage } from './pages/volumes-page';
import { FERNET_PREFIX } from './support/token-leak';

// `npm start` offers the emulator's identity provider as single sign-on (Keystone WebSSO).
test('a federated user signs on at the identity provider and lands on the page asked for', async ({
  page,
  context,
  baseURL,
}) => {
  // What the console's own origin sends the browser: Keystone's page carries the token by design
  // (its form posts it back), the console's pages and API never do.
  const fromConsole: string[] = [];
  page.on('response', async (response) => {
    if (!response.url().startsWith(baseURL!)) return;
    fromConsole.push(
      JSON.stringify(response.headers()),
      (await response.body().catch(() => Buffer.alloc(0))).toString(),
    );
  });
  await new LoginPage(page).goto('/volumes');
  await page.getByRole('link', { name: 'Sign in with Emulator single sign-on' }).click();

  await expect(page.getByRole('heading', { name: 'Emulator identity provider' })).toBeVisible();
  await page.getByRole('textbox', { name: 'User name' }).fill('sso_demo');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Unknown user name or wrong password.');
  await page.getByRole('textbox', { name: 'User name' }).fill('sso_demo');
  await page.getByLabel('Password').fill('sso_demo');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(new AppShell(page).heading).toHaveText('Volumes');
  await expect(page).toHaveURL(/\/volumes$/);
  await expect(page.getByRole('button', { name: 'Account menu for sso_demo' })).toContainText('demo');
  await expect(await new VolumesPage(page).row('db-primary')).toBeVisible();

  const pageText = await page.evaluate(
    () =>
      document.documentElement.outerHTML + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  const cookies = (await context.cookies()).map((cookie) => cookie.value);
  expect(fromConsole.length).toBeGreaterThan(5);
  for (const seen of [...fromConsole, pageText, ...cookies]) expect(seen).not.toContain(FERNET_PREFIX);
});

test('a sign-on that comes back without its start is refused, and the page says why', async ({ page }) => {
  // The finish address alone (say, a link someone sent) signs nobody in.
  await page.goto('/api/session/websso/finish?ticket=planted');
  await expect(page).toHaveURL(/\/login\?sso=expired$/);
  await expect(page.getByRole('alert')).toContainText(
    'The single sign-on took too long, or was started in another browser.',
  );
  await expect(page.getByRole('textbox', { name: 'User name' })).toBeVisible();
});
