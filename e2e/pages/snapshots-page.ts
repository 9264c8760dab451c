import { expect, type Locator, type Page } from '@playwright/test';
import { VolumesPage } from './volumes-page';

/** The snapshots page: its table, filters, the create dialog and each row's action menu. */
export class SnapshotsPage {
  readonly table: Locator;
  readonly heading: Locator;
  readonly createButton: Locator;
  readonly nameFilter: Locator;
  readonly statusFilter: Locator;
  readonly volumeFilter: Locator;
  /** Whatever dialog is open (Mantine shows one at a time). */
  readonly dialog: Locator;
  private readonly rows: VolumesPage;

  constructor(readonly page: Page) {
    // The volumes page object already knows how to scroll a virtualised resource table.
    this.rows = new VolumesPage(page, 'Snapshots');
    this.table = this.rows.table;
    this.heading = page.getByRole('heading', { level: 1, name: 'Snapshots', exact: true });
    this.createButton = page.getByRole('button', { name: 'Create snapshot' });
    this.nameFilter = page.getByRole('searchbox', { name: /^Name (contains|is)$/ });
    this.statusFilter = page.getByRole('combobox', { name: 'Status' });
    this.volumeFilter = page.getByRole('combobox', { name: 'Volume', exact: true });
    this.dialog = page.getByRole('dialog');
  }

  async goto(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Snapshots', exact: true })
      .click();
    await expect(this.heading).toBeVisible();
  }

  /** The row of the snapshot called `name`, scrolling the table until it is rendered. */
  row(name: string): Promise<Locator> {
    return this.rows.row(name);
  }

  /** Creates a snapshot of the volume called `volume` through the page's create dialog. */
  async create(volume: string, name: string): Promise<void> {
    await this.createButton.click();
    await expect(this.dialog).toBeVisible();
    const picker = this.dialog.getByRole('combobox', { name: 'Volume' });
    await picker.click();
    await picker.fill(volume);
    await this.page.getByRole('option', { name: new RegExp(`^${volume} ·`) }).click();
    await this.dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await this.dialog.getByRole('button', { name: 'Create snapshot' }).click();
    await expect(this.dialog).toBeHidden();
  }

  /** Opens the action menu of the snapshot called `name` and picks `action`. */
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
