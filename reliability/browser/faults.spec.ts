import { expect, test, type Page } from '@playwright/test';
import { AppShell } from '../../e2e/pages/app-shell';
import { LoginPage } from '../../e2e/pages/login-page';
import { VolumesPage } from '../../e2e/pages/volumes-page';
import { heal, inject } from './support/cloud-control';

/**
 * What a user sees when the cloud fails under the console: Cinder down, slow or erring; Keystone
 * down at sign-in; a token revoked mid-session; an action that fails in the background.
 */

test.afterEach(async () => {
  await heal();
});

async function signIn(page: Page, next = '/volumes', user = 'demo'): Promise<AppShell> {
  const login = new LoginPage(page);
  await login.goto(next);
  await login.signIn(user, user);
  const shell = new AppShell(page);
  await shell.waitUntilSettled();
  return shell;
}

const outages = [
  { what: 'down (connections reset)', fault: { drop: true }, cause: /Cinder \(block storage\) cannot be reached/ },
  { what: 'slower than the timeout', fault: { delayMs: 20_000 }, cause: /Cinder \(block storage\) did not answer/ },
  { what: 'answering 503', fault: { status: 503 }, cause: /erred or is incapable/ },
];

for (const { what, fault, cause } of outages) {
  test(`Cinder ${what}: a banner names the cause over the rows already shown, nothing claims success, and the page recovers by itself`, async ({
    page,
  }) => {
    const shell = await signIn(page, '/snapshots');
    const volumes = new VolumesPage(page);

    await shell.navigation.getByRole('link', { name: 'Volumes' }).click();
    await expect(await volumes.row('db-data')).toBeVisible();

    await inject({ http: { path: '^/volume/', ...fault } });
    // The live relay's next look finds Cinder failing, and every open page is told why.
    const banner = page.getByRole('alert').filter({ hasText: 'Cinder is not answering the console' });
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toContainText(cause);
    // What the page showed stays on screen under the banner.
    await expect(await volumes.row('db-data')).toBeVisible();

    // An action tried meanwhile ends in the cloud's failure, never in a success toast.
    await page.getByRole('button', { name: 'Create volume' }).click();
    const dialog = volumes.dialog('Create volume');
    await dialog.getByRole('textbox', { name: 'Name' }).fill('during-the-outage');
    await dialog.getByRole('button', { name: /^Create/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Creating the volume failed' })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText('Volume creation started')).toHaveCount(0);
    await page.keyboard.press('Escape');

    await heal();
    // No click, no reload: the banner goes once Cinder answers again.
    await expect(banner).toHaveCount(0, { timeout: 20_000 });
    await expect(await volumes.row('db-data')).toBeVisible();
    // Refused or reset before Cinder read it, the create made nothing. (A slow Cinder may still carry
    // out a request the console gave up on: the failure toast does not claim otherwise.)
    if (!('delayMs' in fault)) {
      await expect(volumes.table.getByRole('link', { name: 'during-the-outage', exact: true })).toHaveCount(0);
    }
  });
}

test('Keystone down at sign-in: a clear error; a tab already signed in keeps working', async ({ page, browser }) => {
  const signedIn = await browser.newPage();
  const shell = await signIn(signedIn);

  await inject({ keystoneDown: true });
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('demo', 'demo');
  await expect(login.error).toContainText('Keystone (identity) is unavailable');
  await expect(page).toHaveURL(/\/login/);

  await shell.navigation.getByRole('link', { name: 'Snapshots', exact: true }).click();
  await expect(shell.heading).toHaveText('Snapshots');
  await shell.waitUntilSettled();
  await expect(signedIn.getByRole('alert')).toHaveCount(0);
  await signedIn.close();
});

test('a token revoked mid-session: the next call leads to sign-in, and back to the same page', async ({ page }) => {
  // The live stream notices an ended session by itself (and leads to sign-in from where the user
  // is); without it, the click below is the next call, and the test says where that leads.
  await page.route('**/api/events', (route) => route.abort());
  const shell = await signIn(page, '/backups');
  await expect(shell.heading).toHaveText('Backups');
  // The page's own list call must be done first, or it would be the one to meet the revoked token.
  await shell.waitUntilSettled();
  await inject({ revokeTokensOf: { user: 'demo' } });

  await shell.navigation.getByRole('link', { name: 'Volumes' }).click();
  await expect(page).toHaveURL(/\/login\?next=%2Fvolumes&reason=expired$/, { timeout: 20_000 });
  await expect(page.getByText('Your session has ended. Please sign in again.')).toBeVisible();
  await new LoginPage(page).signIn('demo', 'demo');
  await expect(shell.heading).toHaveText('Volumes');
  await expect(await new VolumesPage(page).row('db-data')).toBeVisible();
});

test('a token revoked while a dialog holds input: the sign-in page comes up usable, and the input is offered back after it', async ({
  page,
}) => {
  // The live stream would notice the ended session on its own; this test times it by a submit.
  await page.route('**/api/events', (route) => route.abort());
  const shell = await signIn(page);
  // Its list loaded first: only the submit may meet the revoked token.
  await shell.waitUntilSettled();
  const volumes = new VolumesPage(page);
  await page.getByRole('button', { name: 'Create volume' }).click();
  const dialog = volumes.dialog('Create volume');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('typed-before-the-session-ended');
  await inject({ revokeTokensOf: { user: 'demo' } });

  await dialog.getByRole('button', { name: /^Create/ }).click();
  // No dialog overlay is left above the sign-in form: it is usable at once, and says why it is shown.
  await expect(page).toHaveURL(/\/login\?next=%2Fvolumes&reason=expired$/);
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Your session has ended. Please sign in again.', { exact: true })).toBeVisible();
  await new LoginPage(page).signIn('demo', 'demo');
  await expect(shell.heading).toHaveText('Volumes');

  // Nothing was created behind the user's back, and what was typed is offered back.
  await page
    .getByRole('region', { name: 'Unsaved input in “Create volume”' })
    .getByRole('button', { name: 'Restore input' })
    .click();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue('typed-before-the-session-ended');
  const named = await page.request.get('/api/cinder/volumes/detail?name=typed-before-the-session-ended');
  expect((await named.json()).volumes).toEqual([]);
});

test("an action that fails in the background: the row shows Error with Cinder's message, and nothing claims success", async ({
  page,
}) => {
  await signIn(page);
  const volumes = new VolumesPage(page);
  await inject({ failNext: { operation: 'volume.create' } });
  await volumes.create({ name: 'doomed-by-the-cloud' });
  // Accepted is not done: the toast says it started, and the row then tells the outcome.
  await expect(page.getByText('Volume creation started')).toBeVisible();
  const row = await volumes.row('doomed-by-the-cloud');
  await expect(row).toContainText('Error', { timeout: 30_000 });
  const notice = page.getByRole('alert').filter({ hasText: 'doomed-by-the-cloud' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(/schedul|fail|error/i);
  await expect(row).not.toContainText('Available');
});
