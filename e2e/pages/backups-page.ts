import { expect, type Locator, type Page } from '@playwright/test';
import { VolumesPage } from './volumes-page';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The backups page: its table, the create dialog, each row's action menu and the bulk delete. */
export class BackupsPage {
  readonly table: Locator;
  readonly heading: Locator;
  readonly createButton: Locator;
  /** Whatever dialog is open (Mantine shows one at a time). */
  readonly dialog: Locator;
  private readonly rows: VolumesPage;

  constructor(readonly page: Page) {
    // The volumes page object already knows how to scroll a virtualised resource table.
    this.rows = new VolumesPage(page, 'Backups');
    this.table = this.rows.table;
    this.heading = page.getByRole('heading', { level: 1, name: 'Backups' });
    this.createButton = page.getByRole('button', { name: 'Create backup' });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Backups' }).click();
    await expect(this.heading).toBeVisible();
    await expect(this.table).toBeVisible();
  }

  /** The row of the backup called `name`, scrolling the table until it is rendered. */
  row(name: string): Promise<Locator> {
    return this.rows.row(name);
  }

  /** Picks `label`'s option starting with `name` in a searchable select of the open dialog. */
  async pick(label: string, name: string): Promise<void> {
    const input = this.dialog.getByRole('combobox', { name: label, exact: true });
    await input.click();
    await input.fill(name);
    await this.page.getByRole('option', { name: new RegExp(`^${escape(name)} \\(`) }).click();
  }

  /** Creates a full backup of the volume called `volume` through the page's create dialog. */
  async createFull(volume: string, name: string): Promise<void> {
    await this.createButton.click();
    await expect(this.dialog).toBeVisible();
    await this.pick('Volume', volume);
    await expect(this.dialog.getByRole('radio', { name: 'Full' })).toBeChecked();
    await this.dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await this.dialog.getByRole('button', { name: 'Create backup' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Opens the action menu of the backup called `name` and picks `action`, which must be enabled. */
  async act(name: string, action: string | RegExp): Promise<void> {
    const row = await this.row(name);
    await row.getByRole('button', { name: `Actions for ${name}` }).click();
    const item = this.page.getByRole('menuitem', { name: action });
    await expect(item).toBeEnabled();
    await item.click();
    await expect(this.dialog).toBeVisible();
  }

  async select(name: string): Promise<void> {
    await (await this.row(name)).getByRole('checkbox', { name: `Select ${name}` }).check();
  }
}
