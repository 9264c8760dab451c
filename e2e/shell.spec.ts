import { expect, test } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import { VolumesPage } from './pages/volumes-page';

test.beforeEach(async ({ page }) => {
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn('demo', 'demo');
  await expect(new AppShell(page).heading).toHaveText('Volumes');
});

test('the navigation reaches every section', async ({ page }) => {
  const shell = new AppShell(page);
  for (const [link, heading] of [
    ['Snapshots', 'Snapshots'],
    ['Backups', 'Backups'],
    ['Volume types', 'Volume types'],
    ['Volumes', 'Volumes'],
  ] as const) {
    await shell.navigation.getByRole('link', { name: link }).click();
    await expect(shell.heading).toHaveText(heading);
    await expect(shell.navigation.getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
  }
});

test('the interface switches to Simplified Chinese and remembers it', async ({ page }) => {
  await page.getByRole('combobox', { name: 'Language' }).click();
  await page.getByRole('option', { name: '简体中文' }).click();
  const shell = new AppShell(page);
  await expect(shell.heading).toHaveText('云硬盘');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const volumes = new VolumesPage(page, '云硬盘');
  await expect(volumes.table.getByRole('columnheader', { name: /名称/ })).toBeVisible();
  await expect(await volumes.row('web-root-1')).toContainText('使用中');
  await page.reload();
  await expect(shell.heading).toHaveText('云硬盘');
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '快照' })).toBeVisible();
});

test('columns sort by keyboard and announce their order', async ({ page }) => {
  const table = new AppShell(page).volumesTable();
  const sizeButton = table.getByRole('button', { name: /Size/ });
  await sizeButton.focus();
  await page.keyboard.press('Enter');
  await expect(table.getByRole('columnheader', { name: /Size/ })).toHaveAttribute('aria-sort', /ascending|descending/);
  const firstBefore = await table.getByRole('row').nth(1).textContent();
  await page.keyboard.press('Enter');
  const firstAfter = await table.getByRole('row').nth(1).textContent();
  expect(firstAfter).not.toBe(firstBefore);
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
