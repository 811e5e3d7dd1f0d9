/**
 * Page models of « Limites & alertes » (alert centre, limits table, the limit request / decision form) and of
 * « Puis-je livrer ? ». Amounts are read and typed the French way; `centsOf` reads « 1 234,56 € » back.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShellPage } from './app-shell';

/** « 1 234,56 € » (any kind of space) → 123456. */
export function centsOf(text: string): number {
  const match = /(-?[\d\s\u00a0\u202f]+),(\d{2})\s*€/.exec(text);
  if (match === null) throw new Error(`No amount in "${text}"`);
  return Number((match[1] ?? '').replace(/[\s\u00a0\u202f]/g, '')) * 100 + Number(match[2]);
}

/** 123456 → « 1 234,56 » as a user types it (plain spaces). */
export function typedAmount(cents: number): string {
  const euros = String(Math.trunc(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const rest = cents % 100;
  return rest === 0 ? euros : `${euros},${String(rest).padStart(2, '0')}`;
}

/** Picks an option of a Mantine searchable select by typing part of its label. */
async function pick(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const input = scope.getByRole('combobox', { name: label });
  await input.click();
  await input.fill(option);
  await page.getByRole('option', { name: option, exact: true }).click();
}

export type DecisionInput = {
  readonly buyer: string;
  readonly kind?: string;
  readonly granted?: string;
  readonly requested?: string;
  readonly effectiveDate?: string;
};

export class LimitsScreen {
  constructor(readonly page: Page) {}

  async open(app: AppShellPage): Promise<void> {
    await app.goTo('Limites & alertes');
    await expect(app.heading()).toHaveText('Limites & alertes');
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Opens the form, fills it and records the decision; waits for the confirmation. */
  async recordDecision(input: DecisionInput): Promise<void> {
    await this.page.getByRole('button', { name: 'Nouvelle demande / décision' }).click();
    const dialog = this.dialog();
    await expect(dialog).toBeVisible();
    await pick(this.page, dialog, 'Client', input.buyer);
    if (input.kind !== undefined) {
      await dialog.getByRole('combobox', { name: 'Type de décision' }).click();
      await this.page.getByRole('option', { name: input.kind, exact: true }).click();
    }
    if (input.requested !== undefined) await dialog.getByLabel('Montant demandé').fill(input.requested);
    if (input.granted !== undefined) await dialog.getByLabel('Montant accordé').fill(input.granted);
    if (input.effectiveDate !== undefined) await dialog.getByLabel("Date d'effet").fill(input.effectiveDate);
    await dialog.getByRole('button', { name: /^Enregistrer/ }).click();
    await expect(dialog).toBeHidden();
  }

  async showLimits(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Limites' }).click();
  }

  async showAlerts(): Promise<void> {
    const tab = this.page.getByRole('tab', { name: /^(Alertes|Alerts)$/ });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  limitRow(buyer: string): Locator {
    return this.page
      .getByTestId('limits-table')
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: buyer }) });
  }

  /** The exposure (« Encours ») of a buyer as the limits table shows it, in cents. */
  async exposureOf(buyer: string): Promise<number> {
    await this.showLimits();
    await this.page.getByRole('textbox', { name: 'Rechercher un client' }).fill(buyer);
    const cells = this.limitRow(buyer).getByRole('cell');
    await expect(cells).toHaveCount(7);
    return centsOf(await cells.nth(4).innerText());
  }

  /** A buyer's row in the alert centre (one row per buyer with alerts in the section shown). */
  alertBuyerRow(buyer: string): Locator {
    return this.page
      .getByTestId('alert-buyers')
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: buyer }) });
  }

  /** The toggle that shows a buyer's alerts one per line (aria-expanded). */
  alertToggle(buyer: string): Locator {
    return this.page.getByRole('button', { name: `Détail des alertes de ${buyer}` });
  }

  /** Shows a buyer's alerts, unless they are shown already. */
  async expandAlerts(buyer: string): Promise<void> {
    const toggle = this.alertToggle(buyer);
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** One alert's line in a buyer's detail (expand it first), found by the alert's title. */
  alert(title: string, buyer: string): Locator {
    return this.page
      .getByRole('table', { name: `Alertes de ${buyer}` })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: title }) });
  }

  /** The amount at stake of an alert line, in cents (first cell after the alert's title). */
  async alertAmount(title: string, buyer: string): Promise<number> {
    return centsOf(await this.alert(title, buyer).getByRole('cell').first().innerText());
  }

  async filterAlertsByBuyer(buyer: string): Promise<void> {
    // Exact: « Rechercher un client » of the limits tab also contains « client ».
    await this.page
      .getByRole('tabpanel', { name: 'Alertes' })
      .getByRole('textbox', { name: 'Client', exact: true })
      .fill(buyer);
  }
}

export class CanShipScreen {
  readonly verdict: Locator;

  constructor(readonly page: Page) {
    this.verdict = page.getByTestId('can-ship-verdict');
  }

  async openFor(buyerId: string): Promise<void> {
    await this.page.goto(`./#/can-ship?buyer=${encodeURIComponent(buyerId)}`);
    await expect(this.page.getByRole('heading', { level: 1 })).toHaveText('Puis-je livrer ?');
  }

  async open(app: AppShellPage, buyer: string): Promise<void> {
    await app.goTo('Puis-je livrer ?');
    await expect(app.heading()).toHaveText('Puis-je livrer ?');
    await pick(this.page, this.page.getByRole('main'), 'Client', buyer);
  }

  async check(amount: string, deliveryDate?: string): Promise<void> {
    await this.page.getByLabel(/^Montant de la commande/).fill(amount);
    if (deliveryDate !== undefined) await this.page.getByLabel('Date de livraison').fill(deliveryDate);
  }

  verdictHeading(): Locator {
    return this.verdict.getByRole('heading', { level: 2 });
  }

  /** A figure of the verdict card by the start of its label, in cents. */
  async figure(label: string | RegExp): Promise<number> {
    const term = this.verdict.locator('dt').filter({ hasText: label });
    const value = term.locator('xpath=following-sibling::dd[1]');
    return centsOf(await value.innerText());
  }
}
