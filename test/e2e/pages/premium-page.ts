/** Page model of the Simulateur de prime: the firm's figures, the offers, the results table, the declaration tab. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShellPage } from './app-shell';

export type OfferTerms = {
  readonly rate?: string;
  readonly minimum?: string;
  readonly fee?: string;
  readonly multiple?: string;
  readonly quotity?: string;
};

/** Text with every kind of space made a plain one (fr-FR amounts use narrow no-break spaces). */
export function plainSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

export class PremiumScreen {
  readonly results: Locator;

  constructor(readonly page: Page) {
    this.results = page.getByTestId('premium-results');
  }

  async open(app: AppShellPage): Promise<void> {
    await app.goTo('Simulateur de prime');
    await expect(app.heading()).toHaveText('Simulateur de prime');
  }

  async fillFirm(figures: {
    turnover: string;
    creditShare: string;
    buyers: string;
    namedBuyers: string;
  }): Promise<void> {
    await this.page.getByLabel("Chiffre d'affaires annuel HT").fill(figures.turnover);
    await this.page.getByLabel('Part vendue à crédit aux entreprises').fill(figures.creditShare);
    await this.page.getByLabel('Nombre de clients').fill(figures.buyers);
    await this.page.getByLabel('Clients dénommés', { exact: true }).fill(figures.namedBuyers);
  }

  async addOffer(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ajouter une offre' }).click();
  }

  async setOffer(letter: string, terms: OfferTerms): Promise<void> {
    const fill = async (label: string, value: string | undefined): Promise<void> => {
      if (value !== undefined) await this.page.getByLabel(`${label} (offre ${letter})`).fill(value);
    };
    await fill('Taux de prime', terms.rate);
    await fill('Prime minimale', terms.minimum);
    await fill('Frais par client dénommé', terms.fee);
    await fill('Plafond, multiple de la prime', terms.multiple);
    await fill('Quotité garantie', terms.quotity);
  }

  /** The cells of one results row, one per offer, spaces made plain. */
  async resultRow(name: string): Promise<string[]> {
    const row = this.results
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
    return (await row.getByRole('cell').allInnerTexts()).map(plainSpaces);
  }

  columnHeaders(): Locator {
    return this.results.getByRole('columnheader');
  }

  async openDeclaration(): Promise<void> {
    await this.page.getByRole('tab', { name: "Déclaration de chiffre d'affaires" }).click();
  }

  async choosePeriod(kind: 'Mois' | 'Trimestre', year: string, period: string): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Type de période' })
      .getByText(kind, { exact: true })
      .click();
    await this.page.getByRole('combobox', { name: 'Année' }).click();
    await this.page.getByRole('option', { name: year, exact: true }).click();
    await this.page.getByRole('combobox', { name: 'Période' }).click();
    await this.page.getByRole('option', { name: period, exact: true }).click();
  }
}
