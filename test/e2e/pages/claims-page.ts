/**
 * Page model of « Sinistres »: the board, « Nouveau sinistre », and a claim page (deadlines, steps and their
 * forms, recoveries), and the « Récapitulatif DMS / DIC » preview. Dates are typed JJ/MM/AAAA, amounts the
 * French way.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShellPage } from './app-shell';

export class ClaimsScreen {
  constructor(readonly page: Page) {}

  async open(app: AppShellPage): Promise<void> {
    await app.goTo('Sinistres');
    await expect(app.heading()).toHaveText('Sinistres');
  }

  /** Opens a claim for `buyer` on the invoices ticked by number; lands on the claim page. */
  async create(buyer: string, invoiceNumbers: readonly string[], openedOn: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Nouveau sinistre' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Nouveau sinistre' });
    await dialog.getByRole('combobox', { name: 'Client' }).click();
    await this.page.getByRole('option', { name: buyer, exact: true }).click();
    await dialog.getByRole('textbox', { name: "Date d'ouverture" }).fill(openedOn);
    for (const number of invoiceNumbers) {
      await dialog.getByRole('checkbox', { name: new RegExp(`^${number} `) }).check();
    }
    await dialog.getByRole('button', { name: 'Ouvrir le sinistre' }).click();
    await expect(dialog).toBeHidden();
  }

  deadline(label: string | RegExp): Locator {
    return this.page.getByTestId('claim-deadlines').getByRole('row', { name: label });
  }

  step(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Records a step through its form; `amount` for the indemnity and recoveries. */
  async record(step: string, date: string, amount?: string): Promise<void> {
    await this.step(step).click();
    const dialog = this.page.getByRole('dialog', { name: step });
    await dialog.getByRole('textbox', { name: 'Date' }).fill(date);
    if (amount !== undefined) await dialog.getByRole('textbox', { name: 'Montant' }).fill(amount);
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The « Enregistré » toasts of the last steps close by themselves: waited for so they hide nothing. */
  async waitForNotificationsToClose(): Promise<void> {
    await expect(this.page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
  }

  /** Opens the « Récapitulatif DMS / DIC » preview; returns the dialog and its on-screen sheet. */
  async openSummary(): Promise<{ readonly dialog: Locator; readonly sheet: Locator }> {
    await this.page.getByRole('button', { name: 'Récapitulatif DMS / DIC' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Récapitulatif de sinistre (DMS / DIC)' });
    await expect(dialog).toBeVisible();
    return { dialog, sheet: dialog.getByRole('region', { name: 'Aperçu du récapitulatif' }) };
  }
}
