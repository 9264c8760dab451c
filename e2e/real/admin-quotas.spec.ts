import { expect, test, type Browser, type Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page';
import { QuotasPage } from '../pages/quotas-page';

/**
 * The quota flow against real Keystone + Cinder: an admin changes demo's gigabytes limit on the
 * quotas page, demo sees it on its own (read-only) quotas page, and the default quotas load. The
 * project's own limit is put back afterwards, even when a step fails.
 */
test.describe.configure({ mode: 'serial' });

let admin: Page;
let demoProject: { id: string; name: string };
let original: number | undefined;

async function signedIn(browser: Browser, user: string, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const login = new LoginPage(page);
  await login.goto(next);
  await login.signIn(user, user);
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
  return page;
}

test.beforeAll(async ({ browser }) => {
  admin = await signedIn(browser, 'admin', '/quotas');
  const projects = (await (await admin.request.get('/api/identity/projects')).json()) as {
    projects: Array<{ id: string; name: string }>;
  };
  demoProject = projects.projects.find((project) => project.name === 'demo')!;
  const quotas = (await (await admin.request.get(`/api/cinder/os-quota-sets/${demoProject.id}`)).json()) as {
    quota_set: { gigabytes: number };
  };
  original = quotas.quota_set.gigabytes;
});

test.afterAll(async () => {
  if (original !== undefined) {
    const session = (await (await admin.request.get('/api/session')).json()) as { csrfToken: string };
    await admin.request.put(`/api/cinder/os-quota-sets/${demoProject.id}`, {
      data: { quota_set: { gigabytes: original } },
      headers: { 'X-CSRF-Token': session.csrfToken },
    });
  }
  await admin.context().close();
});

test("an admin raises demo's gigabytes limit on the quotas page", async () => {
  const quotas = new QuotasPage(admin);
  await expect(quotas.heading).toBeVisible();
  await quotas.selectProject('demo');
  const limit = (original ?? 1000) < 0 ? 5000 : (original ?? 1000) + 7;
  await quotas.setLimits('demo', { Gigabytes: limit });
  await expect(quotas.row('demo', 'Gigabytes')).toContainText(limit.toLocaleString('en-US'));
  // Per-type quotas come grouped by type, as the real Cinder lists one set per type.
  await expect(quotas.table('demo').getByText('Volume type __DEFAULT__', { exact: true })).toBeVisible();
});

test('demo sees the new limit, read-only', async ({ browser }) => {
  const demo = await signedIn(browser, 'demo', '/quotas');
  const quotas = new QuotasPage(demo);
  const limit = (original ?? 1000) < 0 ? 5000 : (original ?? 1000) + 7;
  await expect(quotas.row('demo', 'Gigabytes')).toContainText(limit.toLocaleString('en-US'));
  await expect(quotas.editButton).toHaveCount(0);
  await demo.context().close();
});

test('the default quotas load in their editor', async () => {
  const quotas = new QuotasPage(admin);
  await quotas.defaultsButton.click();
  const dialog = admin.getByRole('dialog', { name: 'Default quotas' });
  await expect(dialog.getByRole('textbox', { name: 'Gigabytes', exact: true })).toHaveValue(/^-?\d+$/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
