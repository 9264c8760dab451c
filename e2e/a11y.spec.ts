import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import { VolumesPage } from './pages/volumes-page';

/** Violations of these impacts fail the scan; minor and moderate ones are left to review. */
const BLOCKING = new Set(['serious', 'critical']);

/** Scans what the page shows now and records, softly, every serious or critical violation. */
async function scan(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      rule: `${violation.id} (${violation.impact}): ${violation.help}`,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
    }));
  expect.soft(blocking, `accessibility of ${name}`).toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} scheme`, () => {
    test.use({ colorScheme });

    test('every page passes axe without serious or critical violations', async ({ page }) => {
      const login = new LoginPage(page);
      const shell = new AppShell(page);
      await login.goto(null);
      await expect(login.username).toBeVisible();
      await scan(page, 'the login page');

      await login.signIn('demo', 'demo');
      await expect(shell.heading).toHaveText('Overview');
      await expect(page.getByRole('table', { name: 'Recent activity' })).toBeVisible();
      await shell.waitUntilSettled();
      await scan(page, 'the overview');

      for (const [link, heading] of [
        ['Volumes', 'Volumes'],
        ['Snapshots', 'Snapshots'],
        ['Backups', 'Backups'],
      ] as const) {
        await shell.navigation.getByRole('link', { name: link, exact: true }).click();
        await expect(shell.heading).toHaveText(heading);
        await shell.waitUntilSettled();
        await scan(page, `the ${heading.toLowerCase()} page`);
      }

      await shell.navigation.getByRole('link', { name: 'Volumes' }).click();
      const row = await new VolumesPage(page).row('db-primary');
      await row.getByRole('link', { name: 'db-primary', exact: true }).click();
      await expect(shell.heading).toContainText('db-primary');
      await shell.waitUntilSettled();
      await scan(page, 'a volume detail page');

      await page.keyboard.press('Shift+Slash');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await scan(page, 'the keyboard shortcuts dialog');
    });
  });
}
