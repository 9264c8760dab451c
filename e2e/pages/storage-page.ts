import { expect, type Locator, type Page } from '@playwright/test';

/** The admin's Storage page: services, pools and capacity, storage outside Cinder. */
export class StoragePage {
  readonly heading: Locator;
  readonly services: Locator;
  readonly pools: Locator;
  /** Whatever dialog is open (Mantine shows one at a time). */
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Storage' });
    this.services = page.getByRole('table', { name: 'Services' });
    this.pools = page.getByRole('table', { name: 'Pools and capacity' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Storage' }).click();
    await expect(this.heading).toBeVisible();
    await expect(this.services).toBeVisible();
  }

  serviceRow(binary: string, host: string): Locator {
    return this.services.getByRole('row').filter({ hasText: binary }).filter({ hasText: host });
  }

  /** Opens a service's action menu and picks `action`. */
  async actOnService(binary: string, host: string, action: string): Promise<void> {
    await this.serviceRow(binary, host)
      .getByRole('button', { name: `Actions for ${binary} ${host}` })
      .click();
    await this.page.getByRole('menuitem', { name: new RegExp(`^${action}`) }).click();
  }

  /** Chooses the pool whose backend storage the manageable lists show. */
  async choosePool(pool: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Pool' }).click();
    await this.page.getByRole('listbox').getByRole('option', { name: pool }).click();
  }
}
