import { expect, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { test } from './support/signed-in';

/**
 * A read-only user (Keystone's `reader` role alone) is offered nothing they may not do: write
 * buttons are disabled with the reason, row menus and detail toolbars made only of refusals are
 * not shown, so no form is filled in only to read "Policy doesn't allow …".
 */

const REASON = 'Your role in this project only allows reading (a member role is needed)';

/** Every button on the page that is neither disabled nor aria-disabled, by its name. */
async function enabledButtons(page: Page): Promise<string[]> {
  return page
    .locator('main button:not([disabled]):not([aria-disabled="true"])')
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? button.textContent ?? ''));
}

/** The names of every write action the console offers, and of the menus that hold them. */
const WRITE =
  /^(Create|Accept transfer|Delete|Edit|Extend|Restore|Clone|Change type|Set|Upload|Transfer|Revert|Roll|Cancel transfer|Actions for)\b/;

test('reader sees no enabled write action on any page', async ({ signedIn }) => {
  // Six pages, each drawn in full: more than one page's worth of the default time on two cores.
  test.setTimeout(180_000);
  const page = await signedIn('reader');
  const shell = new AppShell(page);
  const visit = async (path: string) => {
    await page.goto(path);
    await shell.waitUntilSettled();
  };

  await visit('/volumes');
  for (const name of ['Create volume', 'Accept transfer']) {
    const button = page.getByRole('button', { name });
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(button).toHaveAccessibleDescription(REASON);
  }
  await expect(page.getByRole('button', { name: /^Actions for/ })).toHaveCount(0);
  const volumes = (await (await page.request.get('/api/cinder/volumes?name=db-primary')).json()) as {
    volumes: Array<{ id: string }>;
  };

  await visit('/snapshots');
  await expect(page.getByRole('button', { name: 'Create snapshot' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('button', { name: /^Actions for/ })).toHaveCount(0);

  await visit('/backups');
  await expect(page.getByRole('button', { name: 'Create backup' })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('button', { name: /^Actions for/ })).toHaveCount(0);

  await visit(`/volumes/${volumes.volumes[0]!.id}`);
  await expect(page.getByRole('toolbar')).toHaveCount(0);

  for (const path of [
    '/volumes',
    '/snapshots',
    '/backups',
    '/overview',
    '/quotas',
    `/volumes/${volumes.volumes[0]!.id}`,
  ]) {
    await visit(path);
    const writes = (await enabledButtons(page)).filter((name) => WRITE.test(name.trim()));
    expect(writes, `enabled buttons on ${path}`).toEqual([]);
  }
});
