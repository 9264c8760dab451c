import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { AppShell } from './pages/app-shell';

/**
 * Full-page screenshots of every page, in English and Simplified Chinese, light and dark, at a
 * desktop (1280 px) and a phone (390 px) width. They are test artifacts (under the config's
 * output folder, and attached to the report) for a person to look at; nothing is compared.
 * One sign-in per language and scheme keeps the run short.
 */
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** The pages, by address; the volume detail page is found through the API by the volume's name. */
async function pages(page: Page): Promise<Array<{ name: string; path: string }>> {
  const volumes = await (await page.request.get('/api/cinder/volumes?name=db-primary')).json();
  const volumeId = (volumes as { volumes: Array<{ id: string }> }).volumes[0]!.id;
  return [
    { name: 'overview', path: '/overview' },
    { name: 'volumes', path: '/volumes' },
    { name: 'volume-detail', path: `/volumes/${volumeId}` },
    { name: 'snapshots', path: '/snapshots' },
    { name: 'backups', path: '/backups' },
    { name: 'volume-types', path: '/volume-types' },
  ];
}

async function capture(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const locale of ['en', 'zh-CN'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${locale}, ${colorScheme}`, () => {
      test.use({ locale, colorScheme });

      test(`screenshots of every page (${locale}, ${colorScheme})`, async ({ page }, testInfo) => {
        test.setTimeout(120_000);
        const shell = new AppShell(page);
        for (const size of WIDTHS) {
          await page.setViewportSize({ width: size.width, height: size.height });
          await page.goto('/login');
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          await expect(page.getByRole('main')).toBeVisible();
          await capture(page, testInfo, `login-${size.name}`);
        }
        const signIn = await page.request.post('/api/session', { data: { username: 'demo', password: 'demo' } });
        expect(signIn.ok()).toBe(true);
        for (const { name, path } of await pages(page)) {
          for (const size of WIDTHS) {
            await page.setViewportSize({ width: size.width, height: size.height });
            await page.goto(path);
            await shell.waitUntilSettled();
            await capture(page, testInfo, `${name}-${size.name}`);
          }
        }
      });
    });
  }
}
