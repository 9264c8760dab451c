import { expect, type Locator, type Page } from '@playwright/test';

/** The quotas page: a project's quotas, and for admins the project picker and the editors. */
export class QuotasPage {
  readonly heading: Locator;
  readonly editButton: Locator;
  readonly revertButton: Locator;
  readonly defaultsButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Quotas', level: 1 });
    this.editButton = page.getByRole('button', { name: 'Edit quotas' });
    this.revertButton = page.getByRole('button', { name: 'Revert to defaults' });
    this.defaultsButton = page.getByRole('button', { name: 'Default quotas' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/quotas');
    await expect(this.heading).toBeVisible();
  }

  /** The quota table of the project called `project`. */
  table(project: string): Locator {
    return this.page.getByRole('table', { name: `Quotas of ${project}` });
  }

  /** The row of one quota ("Gigabytes", "Volumes of type __DEFAULT__") in `project`'s table. */
  row(project: string, quota: string): Locator {
    return this.table(project)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: quota, exact: true }) });
  }

  /** Picks a project (admins only). */
  async selectProject(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Project' }).click();
    await this.page.getByRole('listbox').getByRole('option', { name, exact: true }).click();
    await expect(this.table(name)).toBeVisible();
  }

  /** Opens the edit dialog of the shown project, sets the given limits and saves. */
  async setLimits(project: string, limits: Record<string, number>): Promise<void> {
    await this.editButton.click();
    const dialog = this.page.getByRole('dialog', { name: `Quotas of ${project}` });
    for (const [quota, limit] of Object.entries(limits)) {
      await dialog.getByRole('textbox', { name: quota, exact: true }).fill(String(limit));
    }
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }
}
