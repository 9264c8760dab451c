import { expect, test, type Page } from '@playwright/test';
import { AppShell } from '../pages/app-shell';
import { LoginPage } from '../pages/login-page';
import { VolumesPage } from '../pages/volumes-page';
import { expectNoTokenInBrowser, recordTraffic } from '../support/token-leak';

const EAST = 'East (embedded)';
const WEST = 'West (embedded)';

/** The account menu's button names the user, then the cloud and project the tab is on. */
const accountButton = (page: Page) => page.getByRole('button', { name: 'Account menu for demo' });

async function chooseCloud(page: Page, cloud: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Cloud' }).click();
  await page.getByRole('option', { name: cloud }).click();
  await expect(page.getByRole('combobox', { name: 'Cloud' })).toHaveValue(cloud);
}

test("two clouds side by side: each tab signs in to its own cloud and sees only that cloud's data", async ({
  page,
  context,
}) => {
  const traffic = recordTraffic(page);
  const westTab = new LoginPage(page);
  await westTab.goto();
  // The first cloud is the default until the browser signs in somewhere.
  await expect(page.getByRole('combobox', { name: 'Cloud' })).toHaveValue(EAST);
  await chooseCloud(page, WEST);
  await westTab.signIn('demo', 'demo');
  await expect(new AppShell(page).heading).toHaveText('Volumes');
  await expect(accountButton(page)).toContainText(`${WEST} · demo`);
  const westVolumes = new VolumesPage(page);
  await westVolumes.create({ name: 'only-in-west', size: 1 });
  await expect(await westVolumes.row('only-in-west')).toBeVisible();

  // A second tab opens on the cloud signed in to last, and signs in to the other from the account menu.
  const eastPage = await context.newPage();
  await eastPage.goto('/volumes');
  await expect(accountButton(eastPage)).toContainText(WEST);
  await accountButton(eastPage).click();
  await eastPage.getByRole('menuitem', { name: `Sign in to cloud ${EAST}` }).click();
  await expect(eastPage.getByRole('combobox', { name: 'Cloud' })).toHaveValue(EAST);
  await new LoginPage(eastPage).signIn('demo', 'demo');
  const eastVolumes = new VolumesPage(eastPage);
  await expect(accountButton(eastPage)).toContainText(`${EAST} · demo`);
  await expect(await eastVolumes.row('db-primary')).toBeVisible();
  await expect(eastPage.getByRole('row', { name: /only-in-west/ })).toHaveCount(0);

  // The west tab stays on west, through a reload too, although east is now the browser's last choice.
  await page.reload();
  await expect(accountButton(page)).toContainText(WEST);
  await expect(await westVolumes.row('only-in-west')).toBeVisible();

  // Switching to a cloud the browser is signed in to needs no second sign-in.
  await accountButton(eastPage).click();
  await eastPage.getByRole('menuitem', { name: `Switch to cloud ${WEST}` }).click();
  await expect(accountButton(eastPage)).toContainText(WEST);
  await expect(await eastVolumes.row('only-in-west')).toBeVisible();

  // Signing out of one cloud leaves the other signed in, and the sign-in page offers to open it.
  await new AppShell(page).signOut('demo');
  await expect(page.getByRole('textbox', { name: 'User name' })).toBeVisible();
  await chooseCloud(page, EAST);
  await expect(page.getByRole('status').filter({ hasText: `You are already signed in to ${EAST}.` })).toBeVisible();
  await page.getByRole('button', { name: `Open ${EAST}` }).click();
  await expect(accountButton(page)).toContainText(EAST);
  await expectNoTokenInBrowser(page, context, traffic);
});

test("single sign-on goes to the tab's cloud", async ({ page }) => {
  await new LoginPage(page).goto();
  await chooseCloud(page, WEST);
  await page.getByRole('link', { name: 'Sign in with Emulator single sign-on' }).click();
  await page.getByRole('textbox', { name: 'User name' }).fill('sso_demo');
  await page.getByLabel('Password').fill('sso_demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(new AppShell(page).heading).toHaveText('Volumes');
  await expect(page.getByRole('button', { name: 'Account menu for sso_demo' })).toContainText(`${WEST} · demo`);
});
