/** Page model of the application shell: navigation, language switch, page headings. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AppShellPage {
  readonly navigation: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('navigation');
  }

  async open(): Promise<void> {
    await this.page.goto('./');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async goTo(linkName: string): Promise<void> {
    await this.navigation.getByRole('link', { name: linkName, exact: true }).click();
  }

  async switchLanguage(code: 'FR' | 'EN'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: /Langue|Language/ })
      .getByText(code, { exact: true })
      .click();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
}
