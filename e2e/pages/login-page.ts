import { expect, type Locator, type Page } from '@playwright/test';

/** The sign-in form, found the way a user finds it: by its labels and button. */
export class LoginPage {
  readonly username: Locator;
  readonly password: Locator;
  readonly project: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.username = page.getByRole('textbox', { name: 'User name' });
    this.password = page.getByRole('textbox', { name: 'Password' });
    this.project = page.getByRole('textbox', { name: 'Project' });
    this.submit = page.getByRole('button', { name: 'Sign in' });
    this.error = page.getByRole('alert');
  }

  /**
   * Opens the login page. Signing in then leads to `next`: most specs start from the volumes list,
   * so that is the default; `null` opens the plain login page, which leads to the overview.
   */
  async goto(next: string | null = '/volumes'): Promise<void> {
    await this.page.goto(next === null ? '/login' : `/login?${new URLSearchParams({ next })}`);
  }

  /** Signs in with an application credential: its id, or its name with `owner`. */
  async signInWithCredential(credential: string, secret: string, owner?: string): Promise<void> {
    // The method is a radio group: chosen with the keyboard, as its inputs sit under styled labels.
    const method = this.page.getByRole('radio', { name: 'Application credential' });
    await this.page.getByRole('radio', { name: 'Password' }).focus();
    await this.page.keyboard.press('ArrowRight');
    await expect(method).toBeChecked();
    await this.page.getByRole('textbox', { name: 'Credential ID or name' }).fill(credential);
    if (owner) await this.page.getByRole('textbox', { name: "Owner's user name" }).fill(owner);
    await this.page.getByRole('textbox', { name: 'Secret' }).fill(secret);
    await this.submit.click();
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}
