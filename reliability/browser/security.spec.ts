import { expect, test } from '@playwright/test';
import { AppShell } from '../../e2e/pages/app-shell';
import { LoginPage } from '../../e2e/pages/login-page';

/**
 * What a browser can see of the session: the Keystone token must be nowhere in it. Keystone's
 * tokens (Fernet, and the emulator's alike) start `gAAAAA`; any such string, or a token header,
 * anywhere the page can reach would be a leak.
 */
const TOKEN = /gAAAAA[A-Za-z0-9_-]{20,}/;
const TOKEN_HEADERS = ['x-auth-token', 'x-subject-token', 'x-service-token'];

test('no Keystone token in any response, header, cookie, storage or console message of the browser', async ({
  page,
  context,
}) => {
  const seen: string[] = [];
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(message.text()));
  page.on('response', async (response) => {
    const headers = await response.allHeaders();
    for (const name of TOKEN_HEADERS) expect(headers[name], `${name} on ${response.url()}`).toBeUndefined();
    seen.push(JSON.stringify(headers));
    if (!/event-stream/.test(headers['content-type'] ?? '')) seen.push(await response.text().catch(() => ''));
  });

  const login = new LoginPage(page);
  await login.goto('/volumes');
  await login.signIn('demo', 'demo');
  const shell = new AppShell(page);
  await shell.waitUntilSettled();
  // Walk the pages a member uses, each making its own calls.
  for (const name of ['Overview', 'Snapshots', 'Backups', 'Volumes']) {
    await shell.navigation.getByRole('link', { name, exact: true }).click();
    await shell.waitUntilSettled();
  }
  await page.getByRole('link', { name: 'db-data', exact: true }).click();
  await shell.waitUntilSettled();

  // The session's cookie, and the language and time zone the BFF draws a page's first paint in:
  // preferences the page's script writes, so not HttpOnly, and like the session's never cross-site.
  const cookies = await context.cookies();
  expect(cookies.map((c) => c.name).sort()).toEqual(['cc_lang', 'cc_session', 'cc_tz']);
  const session = cookies.find((c) => c.name === 'cc_session')!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  for (const preference of cookies.filter((c) => c !== session)) expect(preference.sameSite).toBe('Strict');
  const storage = await page.evaluate(() => ({
    cookie: document.cookie,
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
  }));
  // HttpOnly: the page's script cannot read the session cookie at all.
  expect(storage.cookie).not.toContain('cc_session');
  for (const [where, text] of Object.entries({
    ...storage,
    cookieValues: cookies.map((c) => c.value).join('\n'),
    responses: seen.join('\n'),
    console: consoleLines.join('\n'),
  })) {
    expect(text, where).not.toMatch(TOKEN);
  }
  expect(seen.length).toBeGreaterThan(20);
});

test('the Content-Security-Policy keeps an injected inline script from running', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/login');
  await expect(new LoginPage(page).username).toBeVisible();
  const ran = await page.evaluate(async () => {
    const blocked = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), {
        once: true,
      }),
    );
    // What an injection flaw would plant: a script element with inline code, and an inline handler.
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.appendChild(script);
    const image = document.createElement('img');
    image.setAttribute('onerror', 'window.__handler = true;');
    image.src = 'data:,broken';
    document.body.appendChild(image);
    const directive = await blocked;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const flags = window as unknown as { __injected?: boolean; __handler?: boolean };
    return { directive, injected: flags.__injected ?? false, handler: flags.__handler ?? false };
  });
  expect(ran.injected).toBe(false);
  expect(ran.handler).toBe(false);
  expect(ran.directive).toMatch(/^script-src/);
});
