import { expect, type Locator, type Page } from '@playwright/test';

/** The admin's volume types: the list, a type's detail page and their dialogs. */
export class VolumeTypesPage {
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: 'Volume types' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/volume-types');
    await expect(this.table).toBeVisible();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  /** Picks an option of the open Mantine picker (its list is a portal). */
  async pickOption(name: string | RegExp): Promise<void> {
    await this.page.getByRole('listbox').getByRole('option', { name, exact: true }).click();
  }

  /** Creates a type from the list page, with extra specs given as rows of the dialog. */
  async create(input: { name: string; isPublic: boolean; specs?: Record<string, string> }): Promise<void> {
    await this.page.getByRole('button', { name: 'Create type' }).click();
    const dialog = this.dialog('Create volume type');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(input.name);
    const visibility = dialog.getByRole('checkbox', { name: 'Public' });
    if (input.isPublic) await visibility.check();
    else await visibility.uncheck();
    for (const [index, [key, value]] of Object.entries(input.specs ?? {}).entries()) {
      await dialog.getByRole('button', { name: 'Add spec' }).click();
      await dialog.getByLabel(`Key ${index + 1}`).fill(key);
      await dialog.getByLabel(`Value ${index + 1}`).fill(value);
    }
    await dialog.getByRole('button', { name: 'Create type' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(input.name)).toBeVisible();
  }

  /** Opens the detail page of the type called `name` from the list. */
  async open(name: string): Promise<void> {
    await this.row(name).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  /** On a private type's detail page: gives the project called `project` access. */
  async giveAccess(project: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Project' }).click();
    await this.pickOption(project);
    await this.page.getByRole('button', { name: 'Give access' }).click();
    await expect(this.page.getByRole('table', { name: 'Project access' })).toContainText(project);
  }

  /** Deletes from the row's menu, confirming in the dialog. */
  async delete(name: string): Promise<void> {
    await this.row(name)
      .getByRole('button', { name: `Actions for ${name}` })
      .click();
    await this.page.getByRole('menuitem', { name: /^Delete/ }).click();
    const dialog = this.dialog(`Delete ${name}`);
    await dialog.getByRole('button', { name: 'Delete type' }).click();
  }

  /** On a type's detail page: adds encryption, or changes it, through the encryption dialog. */
  async setEncryption(typeName: string, input: { keySize: string; backEnd?: boolean }): Promise<void> {
    const section = this.encryptionSection();
    const adding = await section.getByRole('button', { name: 'Add encryption' }).isVisible();
    await section.getByRole('button', { name: adding ? 'Add encryption' : 'Change encryption' }).click();
    const dialog = this.dialog(adding ? `Add encryption to ${typeName}` : `Change the encryption of ${typeName}`);
    await expect(dialog.getByRole('combobox', { name: 'Provider' })).toHaveValue(/.+/);
    await dialog.getByRole('textbox', { name: 'Key size (bits)' }).fill(input.keySize);
    if (input.backEnd) await dialog.getByRole('radio', { name: /^Back end/ }).check();
    await dialog.getByRole('button', { name: adding ? 'Add encryption' : 'Save' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The "Encryption" part of a type's detail page. */
  encryptionSection(): Locator {
    return this.page.getByRole('region', { name: 'Encryption' });
  }

  /** On the "Project defaults" tab: sets the default type of `project`. */
  async setProjectDefault(project: string, type: string): Promise<void> {
    await this.page.getByRole('tab', { name: 'Project defaults' }).click();
    await this.page.getByRole('combobox', { name: 'Project' }).click();
    await this.pickOption(project);
    await this.page.getByRole('combobox', { name: 'Default type' }).click();
    await this.pickOption(type);
    await this.page.getByRole('button', { name: 'Set default' }).click();
    await expect(
      this.page.getByRole('table', { name: 'Project defaults' }).getByRole('row', { name: project }),
    ).toContainText(type);
  }
}
