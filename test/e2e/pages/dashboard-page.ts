/** Page model of the Tableau de bord: the KPI cards, read as a user reads them (French amounts). */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShellPage } from './app-shell';

/** "1 234,56 €" (any kind of space) → cents; throws on anything else so a layout change cannot pass. */
export function centsOfFrenchAmount(text: string): number {
  const match = /^(-?)([\d\s\u00a0\u202f]+),(\d{2})\s?€$/.exec(text.trim());
  if (match === null) throw new Error(`not a French amount: "${text}"`);
  const [, sign = '', units = '', decimals = ''] = match;
  const cents = Number(units.replace(/[\s\u00a0\u202f]/g, '')) * 100 + Number(decimals);
  return sign === '-' ? -cents : cents;
}

export class DashboardScreen {
  constructor(readonly page: Page) {}

  async open(app: AppShellPage, linkName = 'Tableau de bord'): Promise<void> {
    await app.goTo(linkName);
    await expect(app.heading()).toBeVisible();
  }

  kpi(id: 'exposure' | 'cover' | 'overdue' | 'dso' | 'critical'): Locator {
    return this.page.getByTestId(`kpi-${id}`);
  }

  async amountOf(locator: Locator): Promise<number> {
    return centsOfFrenchAmount(await locator.innerText());
  }

  /** The exact figure: the card shows whole euros and carries the amount to the cent as its title. */
  async exposureCents(): Promise<number> {
    const exact = await this.kpi('exposure').getByTestId('kpi-value').getAttribute('title');
    return centsOfFrenchAmount(exact ?? '');
  }

  /** The TTC balance line of the Encours card (« Solde clients TTC : 1 234,56 € »). */
  async receivableTtcCents(): Promise<number> {
    const text = await this.page.getByTestId('kpi-receivable').innerText();
    return centsOfFrenchAmount(text.slice(text.indexOf(':') + 1));
  }

  async coveredCents(): Promise<number> {
    return this.amountOf(this.page.getByTestId('kpi-covered'));
  }

  async uncoveredCents(): Promise<number> {
    return this.amountOf(this.page.getByTestId('kpi-uncovered'));
  }

  topExposureLinks(): Locator {
    return this.page.getByTestId('top-exposures').getByRole('link');
  }
}
