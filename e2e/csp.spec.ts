import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import { VolumesPage } from './pages/volumes-page';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
  line: number;
  column: number;
}
type CspWindow = Window & { cspViolations: Violation[] };

/** Every CSP violation the page reports, as DOM events and as console errors. */
async function recordViolations(page: Page): Promise<string[]> {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) messages.push(message.text());
  });
  await page.addInitScript(() => {
    const target = window as unknown as CspWindow;
    target.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      target.cspViolations.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI || 'inline',
        sample: event.sample,
        source: event.sourceFile,
        line: event.lineNumber,
        column: event.columnNumber,
      });
    });
  });
  return messages;
}

async function pageViolations(page: Page): Promise<Violation[]> {
  return page.evaluate(() => (window as unknown as CspWindow).cspViolations ?? []);
}

test('the console runs under a CSP without unsafe-inline, and nothing breaks it', async ({ page }) => {
  const consoleViolations = await recordViolations(page);
  const login = new LoginPage(page);
  const navigation = await page.goto('/login?next=%2Fvolumes');
  const csp = navigation!.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/]+=*'/);
  // Scripts from this origin, and inline only with this response's nonce (the colour-scheme script).
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+=*'(;|$)/);
  expect(csp).not.toContain('unsafe-inline');

  await login.signIn('demo', 'demo');
  const shell = new AppShell(page);
  // In-app navigation, so the page (and the violations it recorded) stays the same document.
  await shell.navigation.getByRole('link', { name: 'Volumes' }).click();
  await expect(shell.heading).toHaveText('Volumes');
  await expect(await new VolumesPage(page).row('db-primary')).toBeVisible();
  await shell.accountMenu('demo').click();
  await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();

  // Mantine's styles carry the page's nonce and are applied: its CSS variables resolve.
  const styles = await page.evaluate(() => ({
    nonce: document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content,
    tagNonces: [...document.querySelectorAll('style')].map((style) => style.nonce),
    primary: getComputedStyle(document.documentElement).getPropertyValue('--mantine-primary-color-filled').trim(),
  }));
  expect(csp).toContain(`'nonce-${styles.nonce}'`);
  expect(styles.tagNonces.length).toBeGreaterThan(0);
  expect(styles.tagNonces.every((nonce) => nonce === styles.nonce)).toBe(true);
  expect(styles.primary).not.toBe('');

  await page.keyboard.press('Escape');
  // A dialog locks the page's scrolling with a style tag of its own, and a picker floats a list.
  await page.getByRole('button', { name: 'Create volume' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create volume' });
  await dialog.getByRole('combobox', { name: 'Volume type' }).click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Nothing at all: no inline style or script, and no eval (zod runs jitless, see lib/zod-config.ts).
  expect(await pageViolations(page)).toEqual([]);
  expect(consoleViolations).toEqual([]);
});
