import { expect, type Locator, type Page } from '@playwright/test';

/** The volumes list. Only the rows in view are in the DOM (virtualised), so finding one may need a scroll. */
export class VolumesPage {
  readonly table: Locator;

  constructor(
    readonly page: Page,
    label = 'Volumes',
  ) {
    this.table = page.getByRole('table', { name: label, exact: true });
  }

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/volumes${search}`);
    await expect(this.table).toBeVisible();
  }

  /**
   * The row of the volume called `name`, scrolling the table until it is rendered. The table is
   * virtualised, so a row that arrives while the table is scrolled elsewhere (a live change, newest
   * first) is not in the DOM: each try starts again from the top, until the row is there and shown.
   */
  async row(name: string): Promise<Locator> {
    const row = this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
    await expect(this.table).toBeVisible();
    const scroller = this.table.locator('xpath=..');
    await expect(async () => {
      await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
      for (let step = 0; step < 50 && (await row.count()) === 0; step++) {
        const atEnd = await scroller.evaluate((element) => {
          element.scrollBy({ top: element.clientHeight * 0.8 });
          return element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
        });
        if (atEnd) break;
      }
      expect(await row.count()).toBe(1);
      // The virtualiser re-renders rows as the table scrolls: one caught mid-way is tried again.
      await row.scrollIntoViewIfNeeded({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    return row;
  }

  /** The dialog open now, by its title. */
  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** Picks an option of an open Mantine picker: its own list (a portal), not a native select behind the dialog. */
  async pickOption(name: string | RegExp = /./): Promise<void> {
    await this.page.getByRole('listbox').getByRole('option', { name }).first().click();
  }

  /** Opens the create dialog and fills what is given; `source` is the segment label ("Image", "Snapshot"). */
  async create(input: { name: string; size?: number; count?: number; source?: string; pick?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Create volume' }).click();
    const dialog = this.dialog('Create volume');
    if (input.source) {
      await dialog.getByText(input.source, { exact: true }).click();
      const label = input.source === 'Volume' ? 'Volume to copy' : input.source;
      await dialog.getByRole('combobox', { name: label }).click();
      await this.pickOption(input.pick);
    }
    await dialog.getByRole('textbox', { name: 'Name' }).fill(input.name);
    if (input.size) await dialog.getByRole('textbox', { name: 'Size (GiB)' }).fill(String(input.size));
    if (input.count) await dialog.getByRole('textbox', { name: 'How many' }).fill(String(input.count));
    await dialog.getByRole('button', { name: /^Create/ }).click();
    await expect(dialog).toBeHidden();
  }

  /** Creates a volume of `type` through the create dialog and waits until it is available. */
  async createOfType(name: string, type: string, settle: { timeout: number }): Promise<void> {
    await this.goto();
    await this.page.getByRole('button', { name: 'Create volume' }).click();
    const dialog = this.dialog('Create volume');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('combobox', { name: 'Volume type' }).click();
    await this.pickOption(new RegExp(`^${type}$`));
    await dialog.getByRole('button', { name: /^Create/ }).click();
    await expect(dialog).toBeHidden();
    await expect(await this.row(name)).toContainText('Available', settle);
  }

  /**
   * Runs an action from a row's menu; every row action opens a dialog. The item is offered only once
   * the row's status allows it (a volume just created is still creating), so the menu is opened
   * again until it is there; a menu still closing (after Escape) counts as closed. On a busy machine
   * the browser may take longer than the click's own timeout to confirm a click that did land: its
   * dialog is then open, and the action is done (clicking the row again would hit the dialog's overlay).
   */
  async rowAction(name: string, action: string): Promise<void> {
    const item = this.page.getByRole('menuitem', { name: new RegExp(`^${action}`) });
    const dialog = this.page.getByRole('dialog').first();
    // A dialog closed just before (Cancel) stays in the page while it fades out: wait until it is gone.
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
    await expect(async () => {
      if (await dialog.isVisible()) return;
      if (!(await item.isVisible())) {
        const row = await this.row(name);
        await row.getByRole('button', { name: `Actions for ${name}` }).click();
      }
      await item.click({ timeout: 3_000 });
      await expect(dialog).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
  }
}
