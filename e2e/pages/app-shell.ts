import type { Locator, Page } from '@playwright/test';

/** The signed-in frame: navigation, account menu, and the page's main heading. */
export class AppShell {
  readonly navigation: Locator;
  readonly heading: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Main navigation' });
    this.heading = page.getByRole('heading', { level: 1 });
  }

  accountMenu(user: string): Locator {
    return this.page.getByRole('button', { name: `Account menu for ${user}` });
  }

  async signOut(user: string): Promise<void> {
    await this.accountMenu(user).click();
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
  }

  volumesTable(): Locator {
    return this.page.getByRole('table', { name: 'Volumes' });
  }
}
