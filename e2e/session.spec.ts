import { expect, test, type Page, type Route } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import { VolumesPage } from './pages/volumes-page';
import { FERNET_PREFIX, recordTraffic } from './support/token-leak';

/** The offer, after signing in again, of what was typed into "Create volume" before the session ended. */
const UNSAVED_CREATE = 'Unsaved input in “Create volume”';

/** Ends the session as expiry or a sign-out in another tab would, behind the page's back. */
async function endSessionBehindThePage(page: Page): Promise<void> {
  const { csrfToken } = await (await page.request.get('/api/session')).json();
  expect((await page.request.delete('/api/session', { headers: { 'X-CSRF-Token': csrfToken } })).status()).toBe(204);
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

test('the plain login page leads to the overview', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto(null);
  await login.signIn('demo', 'demo');
  await expect(page).toHaveURL(/\/overview$/);
  await expect(new AppShell(page).heading).toHaveText('Overview');
});

for (const next of ['//evil.example/phish', '/\\evil.example/phish', 'https://evil.example/', 'javascript:alert(1)']) {
  test(`a return target off this site (${next}) is ignored`, async ({ page }) => {
    await page.goto(`/login?${new URLSearchParams({ next })}`);
    await new LoginPage(page).signIn('demo', 'demo');
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/overview$/);
  });
}

/**
 * Makes the session as the BFF reports it (signing in, reading it) end in `ms` by idling out, as a
 * session left idle would; its token's own expiry stays far off.
 */
async function endSessionIn(page: Page, ms: number): Promise<void> {
  await page.route('**/api/session', async (route: Route) => {
    if (route.request().method() === 'DELETE') return route.continue();
    const response = await route.fetch();
    if (!response.ok()) return route.fulfill({ response });
    const body = await response.json();
    return route.fulfill({ response, json: { ...body, idleExpiresAt: new Date(Date.now() + ms).toISOString() } });
  });
}

test('a session about to end warns with the time left and signs in again back to the same page', async ({ page }) => {
  await endSessionIn(page, 4 * 60_000);
  const login = new LoginPage(page);
  await login.goto('/snapshots?status=available');
  await login.signIn('demo', 'demo');
  const shell = new AppShell(page);
  await expect(shell.heading).toHaveText('Snapshots');
  await expect(shell.expiryBanner).toContainText(/You will be signed out in [34]:\d\d\./);

  await page.unrouteAll({ behavior: 'wait' });
  await shell.expiryBanner.getByRole('button', { name: 'Sign in again' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fsnapshots%3Fstatus%3Davailable$/);
  // Chosen, not expired: the login page does not say the session ended.
  await expect(page.getByText('Your session has ended')).toHaveCount(0);
  await login.signIn('demo', 'demo');
  await expect(page).toHaveURL(/\/snapshots\?status=available$/);
  await expect(shell.expiryBanner).toHaveCount(0);
});

test('a session that only idles out can be kept alive from the warning', async ({ page }) => {
  await endSessionIn(page, 3 * 60_000);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('demo', 'demo');
  const shell = new AppShell(page);
  await expect(shell.expiryBanner).toBeVisible();
  await page.unrouteAll({ behavior: 'wait' });
  const activity = page.waitForRequest((request) => request.url().includes('/api/audit'));
  await shell.expiryBanner.getByRole('button', { name: 'Stay signed in' }).click();
  await activity;
  // The session as the BFF tells it now ends a full idle period away.
  await expect(shell.expiryBanner).toHaveCount(0);
});

test('a session that ended sends the user to sign in, and back to where they were', async ({ page }) => {
  // The live stream notices an ended session on its own, at a moment of its choosing; without it,
  // the next request the user makes is what finds the session gone, which this test can time.
  await page.route('**/api/events', (route) => route.abort());
  const login = new LoginPage(page);
  await login.goto('/backups');
  await login.signIn('demo', 'demo');
  const shell = new AppShell(page);
  await expect(shell.heading).toHaveText('Backups');
  await shell.waitUntilSettled();
  // The session ends behind the page's back (expiry, or signed out in another tab).
  const { csrfToken } = await (await page.request.get('/api/session')).json();
  expect((await page.request.delete('/api/session', { headers: { 'X-CSRF-Token': csrfToken } })).status()).toBe(204);

  await shell.navigation.getByRole('link', { name: 'Snapshots', exact: true }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fsnapshots&reason=expired$/);
  await expect(page.getByText('Your session has ended. Please sign in again.')).toBeVisible();
  await login.signIn('demo', 'demo');
  await expect(shell.heading).toHaveText('Snapshots');
});

test('a session that ends under an open dialog closes it, so the sign-in page is usable at once', async ({ page }) => {
  await page.route('**/api/events', (route) => route.abort());
  const login = new LoginPage(page);
  await login.goto('/volumes');
  await login.signIn('demo', 'demo');
  const shell = new AppShell(page);
  await shell.waitUntilSettled();
  await page.getByRole('button', { name: 'Create volume' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create volume' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('typed-before-the-end');
  const { csrfToken } = await (await page.request.get('/api/session')).json();
  expect((await page.request.delete('/api/session', { headers: { 'X-CSRF-Token': csrfToken } })).status()).toBe(204);

  await dialog.getByRole('button', { name: /^Create volume/ }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fvolumes&reason=expired$/);
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Your session has ended. Please sign in again.', { exact: true })).toBeVisible();
  await login.signIn('demo', 'demo');
  await expect(shell.heading).toHaveText('Volumes');

  // What was typed is offered back, and restored into the same dialog, once.
  const offer = page.getByRole('region', { name: UNSAVED_CREATE });
  await offer.getByRole('button', { name: 'Restore input' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('typed-before-the-end');
  await expect(offer).toBeHidden();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(shell.heading).toHaveText('Volumes');
  await expect(offer).toBeHidden();
});

test('unsaved input is kept for its own user only, dropped at sign-out, and never holds a secret', async ({ page }) => {
  await page.route('**/api/events', (route) => route.abort());
  const login = new LoginPage(page);
  const shell = new AppShell(page);
  const offer = page.getByRole('region', { name: UNSAVED_CREATE });
  const typeThenLoseSession = async (text: string) => {
    await login.signIn('demo', 'demo');
    await expect(shell.heading).toHaveText('Volumes');
    await shell.waitUntilSettled();
    await page.getByRole('button', { name: 'Create volume' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create volume' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(text);
    await endSessionBehindThePage(page);
    await dialog.getByRole('button', { name: /^Create volume/ }).click();
    await expect(login.submit).toBeVisible();
  };
  const stored = () => page.evaluate(() => JSON.stringify(sessionStorage));

  // A sign-out drops it.
  await login.goto('/volumes');
  await typeThenLoseSession('draft-before-sign-out');
  await login.signIn('demo', 'demo');
  await expect(offer).toBeVisible();
  await shell.signOut('demo');
  await expect(login.submit).toBeVisible();
  expect(await stored()).not.toContain('draft-before-sign-out');
  await page.goto('/login?next=%2Fvolumes');
  await login.signIn('demo', 'demo');
  await expect(shell.heading).toHaveText('Volumes');
  await shell.waitUntilSettled();
  await expect(offer).toBeHidden();
  await shell.signOut('demo');

  // Another user signing in here never sees it, and it is gone from the tab.
  await page.goto('/login?next=%2Fvolumes');
  await typeThenLoseSession('draft-of-demo');
  expect(await stored()).toContain('draft-of-demo');
  await login.signIn('reader', 'reader');
  await expect(shell.heading).toHaveText('Volumes');
  await shell.waitUntilSettled();
  await expect(offer).toBeHidden();
  expect(await stored()).not.toContain('draft-of-demo');
  await shell.signOut('reader');

  // A form that takes a secret (a transfer's authorisation key) is never kept.
  await page.goto('/login?next=%2Fvolumes');
  await login.signIn('demo', 'demo');
  await expect(shell.heading).toHaveText('Volumes');
  await shell.waitUntilSettled();
  await page.getByRole('button', { name: 'Accept transfer' }).click();
  const accept = page.getByRole('dialog', { name: 'Accept a volume transfer' });
  await accept.getByRole('textbox', { name: 'Transfer ID' }).fill('5a0e2c1b-0000-4000-8000-000000000000');
  await accept.getByRole('textbox', { name: 'Authorisation key' }).fill('secret-key-typed');
  await endSessionBehindThePage(page);
  await accept.getByRole('button', { name: 'Accept transfer' }).click();
  await expect(login.submit).toBeVisible();
  expect(await stored()).not.toContain('secret-key-typed');
  await login.signIn('demo', 'demo');
  await expect(shell.heading).toHaveText('Volumes');
  await shell.waitUntilSettled();
  await expect(page.getByRole('region', { name: /^Unsaved input/ })).toHaveCount(0);
});

test("a wrong password shows Keystone's message and request id", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto(null);
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
