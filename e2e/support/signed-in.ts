import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { LoginPage } from '../pages/login-page';

export interface SignedInFixtures {
  /**
   * A page signed in as `user` (password = user name) in a browser context of its own, so that an
   * admin and a member can act side by side. The contexts close when the test ends: left open, their
   * live connections and polls would run on into later tests of the same worker.
   */
  signedIn: (user: string, next?: string) => Promise<Page>;
}

/**
 * Signs `page` in through the login form as `user` (password = user name, as the emulator's and the
 * rig's users have) and waits for the signed-in shell on `next`.
 */
export async function signInAs(page: Page, user: string, next = '/volumes'): Promise<void> {
  const login = new LoginPage(page);
  await login.goto(next);
  await login.signIn(user, user);
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
}

export const test = base.extend<SignedInFixtures>({
  signedIn: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (user, next = '/volumes') => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await signInAs(page, user, next);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});
