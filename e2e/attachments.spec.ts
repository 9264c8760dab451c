import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { VolumesPage } from './pages/volumes-page';
import { holdOperation } from './support/emulator-control';
import { test } from './support/signed-in';
import { CLOUD_OPERATION } from './support/waits';
import { unique } from './support/unique-name';

/** Serious and critical axe violations of what the page shows now. */
async function blockingViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => ['serious', 'critical'].includes(v.impact ?? ''))
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('attach a volume to a server by name, extend it in use, then detach it', async ({ signedIn }) => {
  const page = await signedIn('demo');
  const volumes = new VolumesPage(page);
  await expect(volumes.table).toBeVisible();
  const name = unique('attach');
  await volumes.create({ name, size: 1 });
  const row = await volumes.row(name);
  await expect(row).toContainText('Available', CLOUD_OPERATION);

  // Detach needs an attachment: the menu says why instead of failing.
  await row.getByRole('button', { name: `Actions for ${name}` }).click();
  const detachItem = page.getByRole('menuitem', { name: /^Detach/ });
  await expect(detachItem).toBeDisabled();
  await expect(detachItem).toContainText('Needs status In use');
  await page.keyboard.press('Escape');
  // Closing animates: until it is gone, its items still look clickable.
  await expect(page.getByRole('menu')).toBeHidden();

  const release = await holdOperation('volume.attach', name);
  await volumes.rowAction(name, 'Attach to server');
  const attach = volumes.dialog(`Attach ${name} to a server`);
  await attach.getByRole('textbox', { name: 'Device (optional)' }).fill('sdb');
  expect(await blockingViolations(page)).toEqual([]);
  await attach.getByRole('combobox', { name: 'Server' }).click();
  await volumes.pickOption('db-2');
  await attach.getByRole('button', { name: 'Attach to server' }).click();
  await expect(attach.getByText('A device is a path such as /dev/vdb.')).toBeVisible();
  await attach.getByRole('textbox', { name: 'Device (optional)' }).fill('');
  await attach.getByRole('button', { name: 'Attach to server' }).click();
  await expect(attach).toBeHidden();
  await expect(row).toContainText('Attaching');
  await release();
  await expect(row).toContainText('In use', CLOUD_OPERATION);
  await expect(row).toContainText('db-2');

  // The detail page names the server, with its id one click away.
  await row.getByRole('link', { name }).click();
  await expect(page.getByText('db-2').first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Copy ID / }).first()).toBeVisible();
  await new AppShell(page).waitUntilSettled();
  expect(await blockingViolations(page)).toEqual([]);
  await page.goBack();

  // Extend works on an in-use volume from 3.42 on.
  await volumes.rowAction(name, 'Extend');
  const extend = volumes.dialog(`Extend ${name}`);
  await extend.getByRole('textbox', { name: 'New size (GiB)' }).fill('2');
  await extend.getByRole('button', { name: 'Extend' }).click();
  const sameRow = await volumes.row(name);
  await expect(sameRow).toContainText('2 GiB', CLOUD_OPERATION);
  await expect(sameRow).toContainText('In use');

  await volumes.rowAction(name, 'Detach');
  const detach = volumes.dialog(`Detach ${name}`);
  await expect(detach.getByRole('radio', { name: 'db-2' })).toBeChecked();
  expect(await blockingViolations(page)).toEqual([]);
  await detach.getByRole('button', { name: 'Detach' }).click();
  await expect(detach).toBeHidden();
  await expect(sameRow).toContainText('Available', CLOUD_OPERATION);
  await expect(sameRow).not.toContainText('db-2');
});
