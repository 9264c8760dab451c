import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { signInAs } from './support/signed-in';
import { VolumesPage } from './pages/volumes-page';

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'demo');
  await expect(new AppShell(page).heading).toHaveText('Volumes');
});

test('the navigation reaches every section', async ({ page }) => {
  const shell = new AppShell(page);
  await expect(shell.navigation.getByRole('link').first()).toHaveText('Overview');
  for (const [link, heading] of [
    ['Overview', 'Overview'],
    ['Snapshots', 'Snapshots'],
    ['Backups', 'Backups'],
    ['Quotas', 'Quotas'],
    ['Volumes', 'Volumes'],
  ] as const) {
    await shell.navigation.getByRole('link', { name: link, exact: true }).click();
    await expect(shell.heading).toHaveText(heading);
    await expect(shell.navigation.getByRole('link', { name: link, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
  }
  await expect(shell.navigation.getByRole('link', { name: 'Audit trail' })).toBeVisible();
  // Cloud-wide administration is for admins: a member's navigation does not offer it.
  for (const link of ['Volume types', 'QoS specs']) {
    await expect(shell.navigation.getByRole('link', { name: link, exact: true })).toHaveCount(0);
  }
});

test('the home page is the overview: quotas, resources by status and recent activity', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/overview$/);
  const shell = new AppShell(page);
  await expect(shell.heading).toHaveText('Overview');

  const quotas = page.getByRole('region', { name: 'Quota usage' });
  await expect(quotas.getByRole('progressbar', { name: /^Volumes: [\d,]+ of [\d,]+$/ })).toBeVisible();
  await expect(quotas.getByRole('progressbar', { name: /^Gigabytes: [\d,]+ GiB of [\d,]+ GiB$/ })).toBeVisible();
  await expect(quotas.getByRole('progressbar', { name: /^Backup gigabytes: / })).toBeVisible();
  await expect(quotas.getByRole('table', { name: 'Quotas by volume type' }).getByRole('row')).not.toHaveCount(1);

  const volumes = page.getByRole('region', { name: 'Volumes' });
  await expect(volumes.getByRole('link', { name: /^In use: \d+, show them$/ })).toBeVisible();
  await volumes.getByRole('link', { name: /^Error: \d+, show them$/ }).click();
  await expect(page).toHaveURL(/\/volumes\?status=error$/);
  await expect(await new VolumesPage(page).row('old-import')).toBeVisible();

  // The sign-in above is on the record, and so is a change made now.
  await page.goto('/overview');
  const activity = page.getByRole('table', { name: 'Recent activity' });
  await expect(activity.getByRole('row').filter({ hasText: 'session.login' }).first()).toContainText('Success');
});

test.describe('on a system set to dark', () => {
  test.use({ colorScheme: 'dark' });

  test('the colour scheme follows the system until chosen, and the choice is remembered', async ({ page }) => {
    const shell = new AppShell(page);
    expect(await shell.appliedScheme()).toBe('dark');
    await shell.chooseTheme('Light');
    await expect.poll(() => shell.appliedScheme()).toBe('light');
    await page.reload();
    await expect(shell.heading).toHaveText('Volumes');
    expect(await shell.appliedScheme()).toBe('light');
    await shell.themeButton.click();
    await expect(page.getByRole('menuitemradio', { name: 'Light' })).toHaveAttribute('aria-checked', 'true');
    await page.getByRole('menuitemradio', { name: 'Follow system' }).click();
    await expect.poll(() => shell.appliedScheme()).toBe('dark');
  });

  test('the scheme is set before any of its code runs, so the page never flashes light', async ({ page }) => {
    // Without its scripts the page is only what the document brings (the inline colour-scheme
    // script, allowed by the response's nonce); blocked by the CSP, it would leave the scheme unset.
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/volumes');
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  });
});

test('keyboard shortcuts: / searches, ? lists the shortcuts, g then a letter goes to a page', async ({ page }) => {
  const shell = new AppShell(page);
  const search = page.getByRole('searchbox', { name: /^Name (contains|is)$/ });
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  // Typed into a field, the keys are text, not shortcuts.
  await page.keyboard.type('?g');
  await expect(search).toHaveValue('?g');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await search.fill('');

  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Shift+Slash');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Go to Snapshots/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // The second key counts within 1.5 s of `g`. A renderer starved by a busy machine can take
  // longer than that between two key presses, so a sequence that fell apart is simply typed again.
  const goTo = async (key: string, heading: string) => {
    await expect(async () => {
      await page.keyboard.press('g');
      await page.keyboard.press(key);
      await expect(shell.heading).toHaveText(heading, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
  };
  await goTo('s', 'Snapshots');
  await goTo('o', 'Overview');
});

/** How wide the page is laid out; wider than the viewport means the page scrolls sideways. */
const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('on a phone the header fits, the navigation folds away and the language is in the account menu', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const shell = new AppShell(page);
  await expect(shell.heading).toHaveText('Volumes');
  await expect.poll(() => pageWidth(page)).toBeLessThanOrEqual(390);
  // Folded away, the navigation is off screen and out of the tab order.
  await expect(shell.navigation).not.toBeInViewport();
  await expect(shell.navigation).toHaveAttribute('inert');
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeHidden();

  await shell.burger.click();
  await expect(shell.navigation).toBeInViewport();
  await shell.navigation.getByRole('link', { name: 'Overview' }).click();
  await expect(shell.heading).toHaveText('Overview');
  await expect(shell.navigation).not.toBeInViewport();
  await expect.poll(() => pageWidth(page)).toBeLessThanOrEqual(390);

  await shell.accountMenu('demo').click();
  await page.getByRole('menuitemradio', { name: '简体中文' }).click();
  await expect(shell.heading).toHaveText('概览');
});

test('the interface switches to Simplified Chinese and remembers it', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: '简体中文' }).click();
  const shell = new AppShell(page);
  await expect(shell.heading).toHaveText('卷');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const volumes = new VolumesPage(page, '卷');
  await expect(volumes.table.getByRole('columnheader', { name: /名称/ })).toBeVisible();
  await expect(await volumes.row('web-root-1')).toContainText('使用中');
  await page.reload();
  await expect(shell.heading).toHaveText('卷');
  await expect(
    page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '快照', exact: true }),
  ).toBeVisible();
});

test('columns sort by keyboard and announce their order', async ({ page }) => {
  const table = new AppShell(page).volumesTable();
  const sizeButton = table.getByRole('button', { name: /Size/ });
  const sizeHeader = table.getByRole('columnheader', { name: /Size/ });
  const firstRow = table.getByRole('row').nth(1);
  await sizeButton.focus();
  await page.keyboard.press('Enter');
  await expect(sizeHeader).toHaveAttribute('aria-sort', /ascending|descending/);
  const order = await sizeHeader.getAttribute('aria-sort');
  await expect(table).not.toHaveAttribute('aria-busy', 'true');
  const firstBefore = await firstRow.textContent();
  await page.keyboard.press('Enter');
  await expect(sizeHeader).not.toHaveAttribute('aria-sort', order!);
  // The cloud sorts: the new order shows once its page arrives.
  await expect.poll(() => firstRow.textContent()).not.toBe(firstBefore);
});

test('a skip link lets keyboard users jump to the content', async ({ page }) => {
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
});

test('an unknown address shows a not-found page inside the app', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(new AppShell(page).heading).toHaveText('Page not found');
  await page.getByRole('link', { name: 'Go to volumes' }).click();
  await expect(new AppShell(page).heading).toHaveText('Volumes');
});
