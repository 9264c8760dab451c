import { expect, test, type Page, type Request } from '@playwright/test';
import { AppShell } from '../../e2e/pages/app-shell';
import { LoginPage } from '../../e2e/pages/login-page';
import { VolumesPage } from '../../e2e/pages/volumes-page';
import { heal, inject } from './support/cloud-control';

/**
 * The forms refuse what Cinder would refuse before anything is sent, and when Cinder disagrees
 * with a form anyway, its own message reaches the user.
 */

test.afterEach(async () => {
  await heal();
});

async function openVolumes(page: Page): Promise<VolumesPage> {
  const login = new LoginPage(page);
  await login.goto('/volumes');
  await login.signIn('demo', 'demo');
  await new AppShell(page).waitUntilSettled();
  return new VolumesPage(page);
}

/** Every mutation the page sends to Cinder from now on. */
function mutations(page: Page): Request[] {
  const sent: Request[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/cinder/') && request.method() !== 'GET') sent.push(request);
  });
  return sent;
}

test('a name over 255 characters is refused in the form, and nothing is sent', async ({ page }) => {
  const volumes = await openVolumes(page);
  const sent = mutations(page);
  await page.getByRole('button', { name: 'Create volume' }).click();
  const dialog = volumes.dialog('Create volume');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('n'.repeat(256));
  await dialog.getByRole('button', { name: /^Create/ }).click();
  await expect(dialog.getByText('At most 255 characters')).toBeVisible();
  await expect(dialog).toBeVisible();
  expect(sent).toEqual([]);
});

test('metadata keys and values Cinder would refuse are flagged on their field, and nothing is sent', async ({
  page,
}) => {
  const volumes = await openVolumes(page);
  const sent = mutations(page);
  await volumes.rowAction('scratch', 'Edit metadata');
  const dialog = page.getByRole('dialog', { name: /Metadata of scratch/ });
  await dialog.getByRole('button', { name: 'Add metadata' }).click();
  const key = dialog.getByRole('textbox', { name: /^Metadata key/ }).last();
  const value = dialog.getByRole('textbox', { name: /^Metadata value/ }).last();
  // Over-long input is kept as typed (never cut behind the user's back) and refused on the field.
  await key.fill('k'.repeat(300));
  await value.fill('v');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(key).toHaveAccessibleDescription(/^At most 255 characters/);
  expect((await key.inputValue()).length).toBe(300);
  await key.fill('k');
  await value.fill('v'.repeat(300));
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(value).toHaveAccessibleDescription(/^At most 255 characters/);
  expect((await value.inputValue()).length).toBe(300);
  await value.fill('v');
  await key.fill('not<allowed>');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(key).toHaveAccessibleDescription(/^Letters, digits, spaces and - _ : \. \/ only/);
  expect(sent).toEqual([]);
});

test('a copy of a volume is never asked for smaller than its source, nor raised behind the user’s back', async ({
  page,
}) => {
  const volumes = await openVolumes(page);
  const sent = mutations(page);
  await page.getByRole('button', { name: 'Create volume' }).click();
  const dialog = volumes.dialog('Create volume');
  await dialog.getByText('Volume', { exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Volume to copy' }).click();
  await volumes.pickOption(/db-data/);
  const size = dialog.getByRole('textbox', { name: 'Size (GiB)' });
  const sourceSize = Number(await size.inputValue());
  expect(sourceSize).toBeGreaterThanOrEqual(1);
  await dialog.getByRole('textbox', { name: 'Name' }).fill('copy-too-small');
  const smaller = String(Math.max(0, sourceSize - 1));
  await size.fill(smaller);
  await size.blur();
  await dialog.getByRole('button', { name: /^Create/ }).click();
  await expect(size).toHaveAccessibleDescription(new RegExp(`^At least ${sourceSize}`));
  await expect(size).toHaveValue(smaller);
  expect(sent).toEqual([]);

  // At the source's size it goes through, as one request of that size.
  await size.fill(String(sourceSize));
  await dialog.getByRole('button', { name: /^Create/ }).click();
  await expect(dialog).toBeHidden();
  const creates = sent.filter((r) => r.method() === 'POST' && /\/api\/cinder\/volumes$/.test(r.url()));
  expect(creates).toHaveLength(1);
  expect(creates[0]!.postDataJSON().volume.size).toBe(sourceSize);
});

test("when Cinder refuses what the form allowed, Cinder's own message is shown", async ({ page }) => {
  const volumes = await openVolumes(page);
  // The create only: a list call of the page or a picker in between must not use up the fault.
  await inject({ http: { path: '^/volume/v3/[^/]+/volumes$', method: 'POST', status: 400, count: 1 } });
  await page.getByRole('button', { name: 'Create volume' }).click();
  const dialog = volumes.dialog('Create volume');
  await dialog.getByRole('textbox', { name: 'Name' }).fill('refused-by-cinder');
  await dialog.getByRole('button', { name: /^Create/ }).click();
  const toast = page.getByRole('alert').filter({ hasText: 'Creating the volume failed' });
  await expect(toast).toContainText(
    'The server has either erred or is incapable of performing the requested operation.',
  );
  await expect(page.getByText('Volume creation started')).toHaveCount(0);
});
