import { expect, type Locator, type Page } from '@playwright/test';

/** The volumes table. Only the rows in view are in the DOM (virtualised), so finding one may need a scroll. */
export class VolumesPage {
  readonly table: Locator;

  constructor(
    readonly page: Page,
    label = 'Volumes',
  ) {
    this.table = page.getByRole('table', { name: label });
  }

  /** The row of the volume called `name`, scrolling the table until it is rendered. */
  async row(name: string): Promise<Locator> {
    const row = this.table.getByRole('row').filter({ has: this.page.getByText(name, { exact: true }) });
    await expect(this.table).toBeVisible();
    const scroller = this.table.locator('xpath=..');
    await scroller.evaluate((element) => element.scrollTo({ top: 0 }));
    for (let step = 0; step < 50 && (await row.count()) === 0; step++) {
      const atEnd = await scroller.evaluate((element) => {
        element.scrollBy({ top: element.clientHeight * 0.8 });
        return element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
      });
      if (atEnd && (await row.count()) === 0) await this.page.waitForTimeout(50);
      if (atEnd) break;
    }
    await expect(row).toHaveCount(1);
    return row;
  }
}
