// Horizon beside the console (issue #16): deploy/horizon/up.sh runs Debian's openstack-dashboard on
// the rig; HORIZON_URL points the page-load benchmark at it. Horizon renders its tables on the
// server, so its rows are in the document itself: its floor is the document alone.
import type { Browser, BrowserContext } from 'playwright-core';

/** A row of a Horizon data table, or its "No items to display." row. */
export const HORIZON_ROW = 'table.datatable tbody tr';

/**
 * Signs in through Horizon's own form (password = user name, as on the rig), in the project named
 * as the user (demo, admin), and returns a factory of fresh contexts (empty cache) carrying that
 * session's cookies.
 */
export async function horizonSession(
  browser: Browser,
  baseUrl: string,
  user: string,
): Promise<() => Promise<BrowserContext>> {
  const options = { locale: 'en-US', viewport: { width: 1280, height: 900 } };
  const login = await browser.newContext(options);
  try {
    const page = await login.newPage();
    // Signed in, Horizon would open its overview, whose compute usage part can fail on a rig whose
    // Nova holds leftovers (KeyError 'usage', a 500 page without the project menu): the volumes
    // page carries the same menu and needs only Cinder.
    await page.goto(`${baseUrl}/auth/login/?next=/project/volumes/`);
    await page.fill('#id_username', user);
    await page.fill('#id_password', user);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/auth/')), page.click('#loginBtn')]);
    // Horizon opens the project it likes (demo_staging for demo on the rig); the console opens the
    // user's own (demo), so Horizon is switched to it: the same data on both sides.
    const switchTo = page.locator('a[href*="/auth/switch/"]').filter({ hasText: new RegExp(`^\\s*${user}\\s*$`) });
    const href = await switchTo.first().getAttribute('href');
    if (!href) throw new Error(`Horizon offers ${user} no project called ${user}`);
    await page.goto(`${baseUrl}${href}`);
    const state = await login.storageState();
    return () => browser.newContext({ ...options, storageState: state });
  } finally {
    await login.close();
  }
}

/**
 * A fresh context from `newContext` whose Horizon shows `size` rows per page: the user setting
 * "Items Per Page", which Horizon keeps in the `API_RESULT_PAGE_SIZE` cookie when the session has
 * none (horizon/utils/functions.py `get_config_value`).
 */
export async function withHorizonPageSize(
  newContext: () => Promise<BrowserContext>,
  baseUrl: string,
  size: number,
): Promise<BrowserContext> {
  const context = await newContext();
  await context.addCookies([{ name: 'API_RESULT_PAGE_SIZE', value: String(size), url: baseUrl }]);
  return context;
}
