import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { AppShell } from './pages/app-shell';

/**
 * Full-page screenshots of every page, in English and Simplified Chinese, light and dark, at a
 * desktop (1280 px), a wide (1920 px) and a phone (390 px) width. They are test artifacts (under the config's
 * output folder, and attached to the report) for a person to look at; nothing is compared.
 * One sign-in per language and scheme keeps the run short.
 */
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'wide', width: 1920, height: 1080 },
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
    { name: 'quotas', path: '/quotas' },
    { name: 'audit', path: '/audit' },
  ];
}

/** The administration pages, seen by the cloud admin. */
async function adminPages(page: Page): Promise<Array<{ name: string; path: string }>> {
  const types = await (await page.request.get('/api/cinder/types')).json();
  const typeId = (types as { volume_types: Array<{ id: string }> }).volume_types[0]!.id;
  return [
    { name: 'admin-volume-types', path: '/volume-types' },
    { name: 'admin-volume-type-detail', path: `/volume-types/${typeId}` },
    { name: 'admin-qos', path: '/qos' },
    { name: 'admin-quotas', path: '/quotas' },
    { name: 'admin-audit', path: '/audit' },
    { name: 'admin-volumes-all-projects', path: '/volumes?allProjects=1' },
  ];
}

async function captureAll(page: Page, testInfo: TestInfo, list: Array<{ name: string; path: string }>) {
  const shell = new AppShell(page);
  for (const { name, path } of list) {
    // One load per page: the layout answers a new width by itself, as it does when a window is resized.
    await page.setViewportSize({ width: WIDTHS[0].width, height: WIDTHS[0].height });
    await page.goto(path);
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await shell.waitUntilSettled();
      await capture(page, testInfo, `${name}-${size.name}`);
    }
  }
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
        for (const size of WIDTHS) {
          await page.setViewportSize({ width: size.width, height: size.height });
          await page.goto('/login');
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          await expect(page.getByRole('main')).toBeVisible();
          await capture(page, testInfo, `login-${size.name}`);
        }
        const signIn = await page.request.post('/api/session', { data: { username: 'demo', password: 'demo' } });
        expect(signIn.ok()).toBe(true);
        await captureAll(page, testInfo, await pages(page));
      });

      test(`screenshots of the administration pages (${locale}, ${colorScheme})`, async ({ page }, testInfo) => {
        const signIn = await page.request.post('/api/session', { data: { username: 'admin', password: 'admin' } });
        expect(signIn.ok()).toBe(true);
        await captureAll(page, testInfo, await adminPages(page));
      });
    });
  }
}
