import { expect, test } from '@playwright/test';
import { signInAs } from './support/signed-in';
import { VolumesPage } from './pages/volumes-page';
import { CLOUD_OPERATION } from './support/waits';

test('a volume created elsewhere appears and its status changes in place, live', async ({ page }) => {
  await signInAs(page, 'demo');
  const volumes = new VolumesPage(page);
  await expect(volumes.table).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

  // Another tab of the same user creates a volume; this page never reloads or refetches.
  const session = await (await page.request.get('/api/session')).json();
  const name = `live-${Date.now()}`;
  const created = await page.request.post('/api/cinder/volumes', {
    data: { volume: { size: 1, name } },
    headers: { 'X-CSRF-Token': session.csrfToken },
  });
  expect(created.status()).toBe(202);

  const row = await volumes.row(name);
  await expect(row).toContainText('Available', CLOUD_OPERATION);
});
