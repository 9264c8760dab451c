import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import { VolumesPage } from './pages/volumes-page';

/** Every Fernet token starts with this (version byte 0x80 plus a timestamp), in Keystone and the emulator alike. */
const FERNET_PREFIX = 'gAAAAA';

/** Collects every response body and header the browser receives, to search them for tokens. */
function recordTraffic(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', async (response) => {
    seen.push(JSON.stringify(response.headers()));
    const body = await response.body().catch(() => Buffer.alloc(0));
    seen.push(body.toString('utf8'));
  });
  return seen;
}

test('a member signs in, sees the project volumes, and signs out', async ({ page }) => {
  const login = new LoginPage(page);
  const shell = new AppShell(page);
  await login.goto();
  await login.signIn('demo', 'demo');

  await expect(page).toHaveURL(/\/volumes$/);
  await expect(shell.heading).toHaveText('Volumes');
  const volumes = new VolumesPage(page);
  await expect(await volumes.row('web-root-1')).toContainText('In use');
  await expect(await volumes.row('db-primary')).toContainText('200 GiB');
  await expect(await volumes.row('old-import')).toContainText('Error');
  // Another tenant's volume never shows.
  await expect(volumes.table).not.toContainText('alt-private');

  await shell.signOut('demo');
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/volumes');
  await expect(page).toHaveURL(/\/login\?next=%2Fvolumes$/);
});

test("a wrong password shows Keystone's message and request id", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('demo', 'wrong-password');
  await expect(login.error).toContainText('Sign-in failed');
  await expect(login.error).toContainText('The request you have made requires authentication.');
  await expect(login.error).toContainText(/Request ID: ?req-[0-9a-f-]{36}/);
  await expect(page).toHaveURL(/\/login$/);
});

test('empty fields are flagged before anything is sent', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  let posted = false;
  page.on('request', (request) => {
    if (request.method() === 'POST') posted = true;
  });
  await login.submit.click();
  await expect(page.getByText('Enter your user name')).toBeVisible();
  await expect(page.getByText('Enter your password')).toBeVisible();
  expect(posted).toBe(false);
});

test('a reload keeps the session and the page', async ({ page }) => {
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn('demo', 'demo');
  await expect(new AppShell(page).volumesTable()).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/volumes$/);
  await new VolumesPage(page).row('db-primary');
});

test('a deep link survives signing in', async ({ page }) => {
  await page.goto('/volumes');
  await expect(page).toHaveURL(/\/login\?next=/);
  await new LoginPage(page).signIn('demo', 'demo');
  await expect(page).toHaveURL(/\/volumes$/);
});

test('the session cookie is HttpOnly and the Keystone token never reaches the browser', async ({ page, context }) => {
  const traffic = recordTraffic(page);
  const messages: string[] = [];
  page.on('console', (message) => messages.push(message.text()));
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('demo', 'demo');
  await new VolumesPage(page).row('db-primary');
  await page.reload();
  await expect(new AppShell(page).volumesTable()).toBeVisible();

  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name === 'cc_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('cc_session');

  const storage = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
  );
  expect(traffic.length).toBeGreaterThan(5);
  for (const seen of [...traffic, storage, ...messages, ...cookies.map((c) => c.value)]) {
    expect(seen).not.toContain(FERNET_PREFIX);
  }
});
