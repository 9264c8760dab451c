import AxeBuilder from '@axe-core/playwright';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { AuditPage } from './pages/audit-page';
import { signInAs } from './support/signed-in';
import { QuotasPage } from './pages/quotas-page';
import { VolumesPage } from './pages/volumes-page';
import { CLOUD_OPERATION } from './support/waits';
import { unique } from './support/unique-name';

/**
 * The administrator's operations: repairing a volume stuck in error_deleting, changing a
 * project's quotas (seen by that project's member), and finding both in the audit trail.
 */

interface ApiSession {
  api: APIRequestContext;
  headers: Record<string, string>;
  project: { id: string; name: string };
}

/** A signed-in API session through the console's own BFF, for setting up what the UI then shows. */
async function apiSession(baseURL: string, user: string): Promise<ApiSession> {
  const api = await request.newContext({ baseURL });
  const login = await api.post('/api/session', { data: { username: user, password: user, domain: 'Default' } });
  expect(login.ok()).toBe(true);
  const body = (await login.json()) as { csrfToken: string; project: { id: string; name: string } };
  return { api, headers: { 'X-CSRF-Token': body.csrfToken }, project: body.project };
}

/** A 1 GiB volume, available, then reset to `status` (Cinder allows `error_deleting` as a target). */
async function stuckVolume({ api, headers }: ApiSession, name: string, status = 'error_deleting'): Promise<string> {
  const created = await api.post('/api/cinder/volumes', { data: { volume: { name, size: 1 } }, headers });
  expect(created.ok()).toBe(true);
  const { volume } = (await created.json()) as { volume: { id: string } };
  await expect
    .poll(
      async () =>
        ((await (await api.get(`/api/cinder/volumes/${volume.id}`)).json()) as { volume: { status: string } }).volume
          .status,
      CLOUD_OPERATION,
    )
    .toBe('available');
  const reset = await api.post(`/api/cinder/volumes/${volume.id}/action`, {
    data: { 'os-reset_status': { status } },
    headers,
  });
  expect(reset.status()).toBe(202);
  return volume.id;
}

test('an admin resets a volume stuck in error_deleting, deletes it, and finds both in the audit trail', async ({
  page,
  baseURL,
}) => {
  const admin = await apiSession(baseURL!, 'admin');
  const name = unique('stuck');
  const id = await stuckVolume(admin, name);
  await signInAs(page, 'admin');
  const volumes = new VolumesPage(page);
  const row = await volumes.row(name);
  await expect(row).toContainText('Error deleting');

  // The ordinary delete says why not; the admin's repair is there (members never see it).
  const dialog = volumes.dialog(`Reset status of ${name}`);
  // A live update that re-renders the open menu under the pointer can swallow the click: open it again.
  // A click that landed late has opened the dialog by the next try: that try stops there.
  await expect(async () => {
    if (await dialog.isVisible()) return;
    if (!(await page.getByRole('menu').isVisible())) {
      await row.getByRole('button', { name: `Actions for ${name}` }).click();
    }
    await expect(page.getByRole('menuitem', { name: /^Delete/ })).toBeDisabled();
    await page.getByRole('menuitem', { name: /^Reset status \(admin\)/ }).click();
    await expect(dialog).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(dialog).toContainText('only rewrites the status');
  await dialog.getByRole('combobox', { name: 'New status' }).click();
  await volumes.pickOption('Available');
  const submit = dialog.getByRole('button', { name: 'Reset status' });
  await expect(submit).toBeDisabled();
  await dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await submit.click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('Available', CLOUD_OPERATION);

  await volumes.rowAction(name, 'Delete');
  await volumes.dialog(`Delete ${name}`).getByRole('button', { name: 'Delete volume' }).click();
  await expect(volumes.table.getByRole('link', { name, exact: true })).toHaveCount(0, CLOUD_OPERATION);

  const audit = new AuditPage(page);
  await audit.goto();
  await audit.filterByAction('volume.os-reset_status');
  await expect(page).toHaveURL(/action=volume\.os-reset_status/);
  const entry = audit.rows('admin', id, 'Success');
  await expect(entry.first()).toBeVisible();
  await expect(audit.rows('volume.create')).toHaveCount(0);
  await entry.first().getByRole('link', { name: id }).click();
  await expect(page).toHaveURL(new RegExp(`/volumes/${id}$`));
  await admin.api.dispose();
});

test("an admin raises demo's gigabytes quota and demo's overview shows the new limit", async ({ browser, baseURL }) => {
  const admin = await apiSession(baseURL!, 'admin');
  const demo = await apiSession(baseURL!, 'demo');
  const limit = 60_000 + Math.floor(Math.random() * 1000);
  const adminPage = await (await browser.newContext()).newPage();
  const demoPage = await (await browser.newContext()).newPage();
  try {
    await signInAs(adminPage, 'admin', '/quotas');
    const quotas = new QuotasPage(adminPage);
    await expect(quotas.table('admin')).toBeVisible();
    await quotas.selectProject('demo');
    await expect(adminPage).toHaveURL(new RegExp(`project=${demo.project.id}`));
    await quotas.setLimits('demo', { Gigabytes: limit });
    await expect(quotas.row('demo', 'Gigabytes')).toContainText(limit.toLocaleString('en-US'));

    await signInAs(demoPage, 'demo', '/overview');
    const meters = demoPage.getByRole('region', { name: 'Quota usage' });
    await expect(
      meters.getByRole('progressbar', { name: new RegExp(`^Gigabytes: .* of ${limit.toLocaleString('en-US')} GiB$`) }),
    ).toBeVisible();

    // A member sees their own quotas, read-only.
    const memberQuotas = new QuotasPage(demoPage);
    await memberQuotas.goto();
    await expect(memberQuotas.row('demo', 'Gigabytes')).toContainText(limit.toLocaleString('en-US'));
    await expect(demoPage.getByText('Only a cloud administrator can change them')).toBeVisible();
    await expect(memberQuotas.editButton).toHaveCount(0);
    await expect(memberQuotas.defaultsButton).toHaveCount(0);

    // The change is in the audit trail: made in the admin's project, aimed at demo's quota set.
    const audit = new AuditPage(adminPage);
    await audit.goto({ action: 'quota_set', user: 'admin' });
    await expect(audit.rows('quota_set.update', demo.project.id, 'Success').first()).toBeVisible();
  } finally {
    // Back to what the suite's global setup gave demo.
    await admin.api.put(`/api/cinder/os-quota-sets/${demo.project.id}`, {
      data: { quota_set: { gigabytes: 50_000 } },
      headers: admin.headers,
    });
    await admin.api.dispose();
    await demo.api.dispose();
    await adminPage.context().close();
    await demoPage.context().close();
  }
});

test('a member has no repair actions and sees only their own project in the audit trail', async ({ page }) => {
  await signInAs(page, 'demo');
  const volumes = new VolumesPage(page);
  await volumes.table
    .getByRole('button', { name: /^Actions for/ })
    .first()
    .click();
  await expect(page.getByRole('menuitem', { name: /^Delete/ })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: /Reset status/ })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: /Force delete/ })).toHaveCount(0);
  await page.keyboard.press('Escape');

  const audit = new AuditPage(page);
  await audit.goto({ project: 'someone-else' });
  await expect(page.getByText('in your project')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveCount(0);
});

test("an admin lists every project's volumes, with project and host, and narrows to one project", async ({ page }) => {
  await signInAs(page, 'admin');
  const volumes = new VolumesPage(page);
  await expect(volumes.table.getByRole('link', { name: 'logs-archive', exact: true })).toHaveCount(0);
  // The switch's state comes from the URL, so it turns on a moment after the click.
  const allProjects = page.getByRole('switch', { name: 'All projects' });
  await allProjects.click();
  await expect(allProjects).toBeChecked();
  await expect(page).toHaveURL(/allProjects=1/);
  const row = await volumes.row('logs-archive');
  await expect(row).toContainText('demo');
  await expect(volumes.table.getByRole('columnheader', { name: 'Host' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Project' }).selectOption({ label: 'alt_demo' });
  await expect(page).toHaveURL(/project=/);
  await expect(volumes.table.getByRole('link', { name: 'logs-archive', exact: true })).toHaveCount(0);
  await expect(await volumes.row('alt-private')).toContainText('alt_demo');
});

test('a volume stuck detaching gets a guided reset to the statuses that match its attachments', async ({
  page,
  baseURL,
}) => {
  const admin = await apiSession(baseURL!, 'admin');
  const name = unique('detaching');
  const id = await stuckVolume(admin, name, 'detaching');
  await signInAs(page, 'admin');
  const volumes = new VolumesPage(page);
  await expect(await volumes.row(name)).toContainText('Detaching');
  await volumes.rowAction(name, 'Reset status');
  const dialog = volumes.dialog(`Reset status of ${name}`);
  await expect(dialog).toContainText('The volume is stuck in “Detaching”');
  await expect(dialog).toContainText('has no attachments');
  await expect(dialog.getByRole('combobox', { name: 'New status' })).toHaveValue('Available');
  await expect(dialog.getByRole('combobox', { name: 'Attach status' })).toHaveValue('Detached');
  await dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await dialog.getByRole('button', { name: 'Reset status' }).click();
  await expect(await volumes.row(name)).toContainText('Available');
  await admin.api.delete(`/api/cinder/volumes/${id}`, { headers: admin.headers });
  await admin.api.dispose();
});

test('the quotas and audit pages and the repair dialog pass axe without serious or critical violations', async ({
  page,
}) => {
  const blocking = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  await signInAs(page, 'admin', '/quotas');
  const quotas = new QuotasPage(page);
  await expect(quotas.table('admin')).toBeVisible();
  expect.soft(await blocking(), 'the quotas page').toEqual([]);
  const audit = new AuditPage(page);
  await audit.goto();
  await expect(audit.table).toBeVisible();
  expect.soft(await blocking(), 'the audit page').toEqual([]);
  const volumes = new VolumesPage(page);
  await volumes.goto();
  await volumes.table
    .getByRole('button', { name: /^Actions for/ })
    .first()
    .click();
  await page.getByRole('menuitem', { name: /^Reset status/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect.soft(await blocking(), 'the reset status dialog').toEqual([]);
});
