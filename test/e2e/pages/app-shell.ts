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

/**
 * A full-page screenshot as a person sees the screen: scrolled to the top first, since the shell's header and
 * navigation are fixed and would otherwise be drawn where the page happened to be scrolled.
 */
export async function saveScreenshot(page: Page, path: string): Promise<void> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
}
