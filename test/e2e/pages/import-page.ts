/** Page model of the Import screen: choose a file, follow the import, read its outcome and the history. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShellPage } from './app-shell';

export type FileToImport = { readonly name: string; readonly mimeType: string; readonly buffer: Buffer };

export class ImportScreen {
  readonly fileInput: Locator;
  readonly counts: Locator;
  readonly errors: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.fileInput = page.locator('input[type="file"]');
    this.counts = page.getByTestId('import-counts');
    this.errors = page.getByTestId('import-errors');
    this.history = page.getByTestId('import-history');
  }

  async open(app: AppShellPage): Promise<void> {
    await app.goTo('Import');
    await expect(app.heading()).toHaveText('Import');
  }

  /** Sets the file on the hidden input, as a user's choice in the file dialog would. */
  async choose(file: string | FileToImport): Promise<void> {
    await this.fileInput.setInputFiles(file);
  }

  doneHeading(): Locator {
    return this.page.getByRole('heading', { name: /^Import terminé/ });
  }

  /** The created / updated / unchanged cells of one row of the counts table ("Clients", "Factures"…). */
  countRow(label: string): Locator {
    return this.counts.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label }) });
  }

  async countsOf(label: string): Promise<{ created: string; updated: string; unchanged: string }> {
    const cells = this.countRow(label).getByRole('cell');
    await expect(cells).toHaveCount(3);
    const [created = '', updated = '', unchanged = ''] = await cells.allInnerTexts();
    return { created, updated, unchanged };
  }

  historyRow(fileName: string): Locator {
    return this.history.getByRole('row').filter({ hasText: fileName });
  }

  /** Line numbers shown in the rejected-lines table, in order. */
  async errorLines(): Promise<string[]> {
    const rows = this.errors.locator('tbody tr');
    return rows.evaluateAll((elements) => elements.map((row) => row.querySelector('td')?.textContent ?? ''));
  }
}
