import { expect, type Locator, type Page } from '@playwright/test';
import { VolumesPage } from './volumes-page';

/**
 * The Groups, Group snapshots and Group types pages: each is a table with a create button and a
 * menu of actions per row, found by role and label.
 */
export class GroupsPages {
  /** Whatever dialog is open (Mantine shows one at a time). */
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog');
  }

  async open(label: 'Groups' | 'Group snapshots' | 'Group types'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: label }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: label })).toBeVisible();
  }

  /** The row called `name` of the table `label` (virtualised tables scroll until it shows). */
  row(label: 'Groups' | 'Group snapshots' | 'Volumes in this group' | 'Volume snapshots', name: string) {
    return new VolumesPage(this.page, label).row(name);
  }

  /** A row of the group types table (a plain table: every row is in the DOM). */
  typeRow(name: string): Locator {
    return this.page
      .getByRole('table', { name: 'Group types' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name, exact: true }) });
  }

  /** Opens the action menu of `row` (named `name`) and picks `action`; waits for its dialog. */
  async act(row: Locator, name: string, action: string): Promise<void> {
    await this.dismissNotices();
    await row.getByRole('button', { name: `Actions for ${name}` }).click();
    const item = this.page.getByRole('menuitem', { name: action, exact: true });
    await expect(item).toBeEnabled();
    await item.click();
    await expect(this.dialog).toBeVisible();
  }

  /**
   * Opens a Mantine multi-select from the keyboard, as a user tabbing through would: a click on it
   * may toggle it shut again when it opened on focus.
   */
  async openPicker(label: string): Promise<void> {
    const box = this.dialog.getByRole('combobox', { name: label });
    await box.focus();
    const listbox = this.page.getByRole('listbox');
    if (!(await listbox.isVisible())) await box.press('ArrowDown');
    await expect(listbox).toBeVisible();
  }

  /** Closes the toasts of earlier steps: they stack over the rows' action buttons at the top right. */
  async dismissNotices(): Promise<void> {
    const close = this.page.locator('.mantine-Notifications-root').getByRole('button', { name: 'Close' });
    // A toast may be leaving by itself as it is clicked: each try is short, and the count is looked at again.
    for (let tries = 0; tries < 20 && (await close.count()) > 0; tries++) {
      await close
        .first()
        .click({ timeout: 2_000 })
        .catch(() => undefined);
    }
    await expect(close).toHaveCount(0);
  }

  /** Picks `option` in the open Mantine picker. */
  async pick(option: string): Promise<void> {
    await this.page.getByRole('listbox').getByRole('option', { name: option, exact: true }).first().click();
  }

  async submit(button: string): Promise<void> {
    await this.dialog.getByRole('button', { name: button, exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}
