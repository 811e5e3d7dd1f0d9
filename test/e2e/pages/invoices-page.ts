/** Page model of the Factures screen: filters, aging summary, the virtualized grid and the side drawer. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShellPage } from './app-shell';

export class InvoicesScreen {
  readonly grid: Locator;
  readonly count: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByRole('grid', { name: /Liste des factures|Invoice list/ });
    this.count = page.getByTestId('invoice-count');
    this.drawer = page.getByRole('dialog');
  }

  async open(app: AppShellPage): Promise<void> {
    await app.goTo('Factures');
    await expect(app.heading()).toHaveText('Factures');
    await expect(this.grid).toBeVisible();
  }

  /** The data rows rendered (the header row excluded). */
  dataRows(): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('gridcell') });
  }

  row(number: string): Locator {
    return this.dataRows().filter({ hasText: number });
  }

  /** The text of one column of the rendered rows, in order. */
  async columnTexts(column: number): Promise<string[]> {
    return this.dataRows().evaluateAll(
      (rows, index) => rows.map((row) => row.querySelectorAll('[role="gridcell"]')[index]?.textContent ?? ''),
      column,
    );
  }

  async sortBy(columnName: string): Promise<void> {
    await this.grid.getByRole('columnheader', { name: columnName }).getByRole('button').click();
  }

  columnHeader(columnName: string): Locator {
    return this.grid.getByRole('columnheader', { name: columnName });
  }

  bucket(label: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${label}`) });
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Rechercher').fill(text);
  }

  /** Types a date filter (« Émission du », « Échéance au »…) as a user does: JJ/MM/AAAA. */
  async filterDate(label: string, text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: label, exact: true }).fill(text);
  }

  /** `dueDate` is typed as written, JJ/MM/AAAA. */
  async createInvoice(fields: {
    buyer: string;
    number: string;
    amountHt: string;
    dueDate?: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: 'Nouvelle facture' }).click();
    const form = this.page.getByRole('dialog', { name: 'Nouvelle facture' });
    await form.getByRole('combobox', { name: 'Client' }).fill(fields.buyer);
    await this.page.getByRole('option', { name: fields.buyer }).click();
    await form.getByRole('textbox', { name: 'N° de facture' }).fill(fields.number);
    if (fields.dueDate !== undefined) {
      await form.getByRole('textbox', { name: 'Échéance' }).fill(fields.dueDate);
    }
    await form.getByRole('textbox', { name: 'Montant HT' }).fill(fields.amountHt);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(form).toBeHidden();
  }

  async closeDrawer(): Promise<void> {
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: /Fermer|Close/ })
      .click();
    await expect(this.page.getByRole('dialog')).toBeHidden();
  }

  async recordPayment(number: string, amount: string): Promise<void> {
    await this.row(number).click();
    const detail = this.page.getByRole('dialog', { name: `Facture ${number}` });
    await detail.getByRole('button', { name: 'Enregistrer un règlement' }).click();
    const form = this.page.getByRole('dialog', { name: `Règlement de la facture ${number}` });
    await form.getByRole('textbox', { name: 'Montant réglé' }).fill(amount);
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(this.page.getByRole('dialog', { name: `Facture ${number}` })).toBeVisible();
  }
}
