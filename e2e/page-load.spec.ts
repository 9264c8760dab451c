import { expect, test, type Page, type Request } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { signInAs } from './support/signed-in';
import { VolumesPage } from './pages/volumes-page';
import { CloudCli } from './support/cloud-cli';
import { createProjectUser, type ProjectUser } from './support/keystone-admin';

/**
 * The API calls the page makes from now on that were not cut short (a reload aborts the calls of
 * the page before it, which then would count for nothing). `afterNavigation`: only those of the
 * document the next navigation loads, not a late one of the page before it.
 */
function apiCalls(page: Page, options: { afterNavigation?: boolean } = {}): { paths(): string[] } {
  const made: Request[] = [];
  let counting = !options.afterNavigation;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) counting = true;
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (counting && url.pathname.startsWith('/api/') && url.pathname !== '/api/events') made.push(request);
  });
  return {
    paths: () =>
      made
        .filter((request) => request.failure() === null)
        .map((request) => new URL(request.url()).pathname + new URL(request.url()).search),
  };
}

// A project of its own: a change a test beside this one makes in a shared project would rightly
// make the live view ask again, and these tests count what the page asks for. (Under CPU
// contention the first try of the reload test also counted the list call of the page before the
// reload, answered late: the setup now waits for the rows, and the count starts with the reload.)
let user: ProjectUser;
const ROW = 'page-load-row';
test.beforeEach(async ({ page }) => {
  user = await createProjectUser('e2e-page-load');
  const cli = await CloudCli.signIn(user.name);
  await cli.createVolume(ROW);
  await cli.dispose();
  await signInAs(page, user.name);
  // Settled: the table shows before its list is answered, and that answer must not count below.
  await new VolumesPage(page).row(ROW);
  await new AppShell(page).waitUntilSettled();
});
test.afterEach(() => user.remove());

test('a reload comes with its rows in the page, and the app asks for nothing before showing them', async ({ page }) => {
  const calls = apiCalls(page, { afterNavigation: true });
  const served = page.waitForResponse((response) => response.request().resourceType() === 'document');
  await page.reload();
  // The rows are in the document as the BFF sent it (the first paint), before any script ran.
  expect(await (await served).text()).toContain(`>${ROW}</a>`);
  await new VolumesPage(page).row(ROW);
  const paths = calls.paths();
  // The app starts from the list's answer the page carried: no list call, no session, no capabilities.
  expect(paths.filter((path) => path.startsWith('/api/cinder/volumes/detail?limit=50&'))).toEqual([]);
  expect(paths).not.toContain('/api/session');
  expect(paths).not.toContain('/api/capabilities');
  // The account menu still knows who is signed in: the session came with the page.
  await expect(new AppShell(page).accountMenu(user.name)).toBeVisible();
});

test('a click on a row as soon as it shows opens its menu: the drawn page takes no click the app would lose', async ({
  page,
}) => {
  await page.goto('/volumes', { waitUntil: 'commit' });
  await page.getByRole('button', { name: `Actions for ${ROW}` }).click();
  await expect(page.getByRole('menuitem', { name: /^Extend/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto('/volumes', { waitUntil: 'commit' });
  const search = page.getByRole('searchbox', { name: /^Name (contains|is)$/ });
  await search.fill(ROW.slice(0, 8));
  await expect(page).toHaveURL(new RegExp(`name=${ROW.slice(0, 8)}`));
  await expect(search).toHaveValue(ROW.slice(0, 8));
});

test('a page opened on a filtered view is drawn by the app, from one list call', async ({ page }) => {
  const calls = apiCalls(page, { afterNavigation: true });
  const served = page.waitForResponse((response) => response.request().resourceType() === 'document');
  await page.goto('/volumes?status=available');
  expect(await (await served).text()).toContain('<div id="root"></div>');
  await new VolumesPage(page).row(ROW);
  expect(calls.paths().filter((path) => path.startsWith('/api/cinder/volumes/detail?limit=50&'))).toEqual([
    '/api/cinder/volumes/detail?limit=50&with_count=true&status=available',
  ]);
});

test('pointing at a link starts loading its list, and the click shows it without asking again', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.navigation.getByRole('link', { name: 'Overview' }).click();
  await shell.waitUntilSettled();
  const calls = apiCalls(page);
  const snapshots = shell.navigation.getByRole('link', { name: 'Snapshots', exact: true });
  const listed = page.waitForRequest((request) => request.url().includes('/api/cinder/snapshots/detail'));
  await snapshots.hover();
  await listed;
  await snapshots.click();
  await expect(shell.heading).toHaveText('Snapshots');
  await shell.waitUntilSettled();
  // The table's first page (a picker of the page asks for another, larger one).
  expect(calls.paths().filter((path) => path.startsWith('/api/cinder/snapshots/detail?limit=50&'))).toHaveLength(1);
});

test('a signed-out visitor gets the sign-in page without a session call', async ({ page, context }) => {
  // Leave the signed-in page first: a refetch it makes as the cookies go would count otherwise.
  await page.goto('about:blank');
  await context.clearCookies();
  const calls = apiCalls(page);
  await page.goto('/volumes');
  await expect(page).toHaveURL(/\/login\?next=/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(calls.paths()).toEqual([]);
});
