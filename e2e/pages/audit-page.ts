import { expect, type Locator, type Page } from '@playwright/test';

/** The audit trail page: filters (kept in the URL) and the entries table. */
export class AuditPage {
  readonly heading: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Audit trail', level: 1 });
    this.table = page.getByRole('table', { name: 'Audit trail' });
  }

  /** Opens the page with the given filters in the URL. */
  async goto(filters: Record<string, string> = {}): Promise<void> {
    const query = new URLSearchParams(filters).toString();
    await this.page.goto(`/audit${query ? `?${query}` : ''}`);
    await expect(this.heading).toBeVisible();
  }

  /** Filters by action through the form, as a user would. */
  async filterByAction(action: string): Promise<void> {
    const field = this.page.getByRole('textbox', { name: 'Action' });
    await field.fill(action);
    await field.press('Enter');
  }

  /** The rows whose text includes every given fragment. */
  rows(...fragments: string[]): Locator {
    let rows = this.table.getByRole('row');
    for (const fragment of fragments) rows = rows.filter({ hasText: fragment });
    return rows;
  }
}
