import { expect, type Locator, type Page } from '@playwright/test';

/** The signed-in frame: navigation, header controls, account menu, and the page's main heading. */
export class AppShell {
  readonly navigation: Locator;
  readonly heading: Locator;
  readonly themeButton: Locator;
  readonly burger: Locator;
  readonly expiryBanner: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation', { name: 'Main navigation' });
    this.heading = page.getByRole('heading', { level: 1 });
    this.themeButton = page.getByRole('button', { name: 'Colour scheme' });
    this.burger = page.getByRole('button', { name: 'Toggle navigation' });
    this.expiryBanner = page.getByRole('region', { name: 'Your session is about to end' });
  }

  accountMenu(user: string): Locator {
    return this.page.getByRole('button', { name: `Account menu for ${user}` });
  }

  async signOut(user: string): Promise<void> {
    await this.accountMenu(user).click();
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
  }

  /** Picks Light, Dark or Follow system from the header's colour scheme menu. */
  async chooseTheme(name: 'Light' | 'Dark' | 'Follow system'): Promise<void> {
    await this.themeButton.click();
    await this.page.getByRole('menuitemradio', { name }).click();
  }

  /** The colour scheme Mantine applies now: `light` or `dark`. */
  appliedScheme(): Promise<string | null> {
    return this.page.locator('html').getAttribute('data-mantine-color-scheme');
  }

  /**
   * Waits until the page has drawn its data: a main heading, and no skeleton, busy table or
   * loading spinner left (spinners inside status badges are part of the data and stay).
   */
  async waitUntilSettled(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(
      this.page.locator('.mantine-Skeleton-root[data-visible], [aria-busy="true"], .mantine-Loader-root[aria-label]'),
    ).toHaveCount(0);
  }

  volumesTable(): Locator {
    return this.page.getByRole('table', { name: 'Volumes' });
  }
}
