/**
 * Page model of the broker's tools: the header's workspace switcher (and its modals), the presentation
 * control, and the « Diagnostic d'un prospect » page with the figures it shows.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShellPage } from './app-shell';

/** « 14 416,52 € » → 1441652; « −56,03 € » → -5603. Independent of the app's formatter: digits only. */
export function centsOf(text: string): number {
  const cleaned = text
    .replace(/[\s\u00a0\u202f€]/g, '')
    .replace('−', '-')
    .replace(',', '.');
  const value = Number(cleaned);
  if (!Number.isFinite(value)) throw new Error(`not an amount: ${text}`);
  return Math.round(value * 100);
}

/** « 1 294,7 j » → 1294.7; « 94,5 % » → 94.5. */
export function numberOf(text: string): number {
  const cleaned = text.replace(/[\s\u00a0\u202f%jd]/g, '').replace(',', '.');
  const value = Number(cleaned);
  if (!Number.isFinite(value)) throw new Error(`not a number: ${text}`);
  return value;
}

export class BrokerPage {
  readonly switcher: Locator;
  readonly presentation: Locator;

  constructor(readonly page: Page) {
    this.switcher = page.getByTestId('workspace-switcher');
    this.presentation = page.getByTestId('presentation-control');
  }

  async expectCurrentWorkspace(name: string): Promise<void> {
    await expect(this.switcher).toHaveAccessibleName(new RegExp(`: ${escape(name)} —`));
  }

  async openSwitcher(): Promise<void> {
    await this.switcher.click();
    await expect(this.page.getByRole('menu')).toBeVisible();
  }

  async closeSwitcher(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.getByRole('menu')).toBeHidden();
  }

  menuItem(name: string | RegExp): Locator {
    return this.page.getByRole('menuitem', { name });
  }

  /** « Nouveau dossier client… » → name → the app reloads on the new, empty workspace. */
  async createWorkspace(name: string): Promise<void> {
    await this.openSwitcher();
    await this.menuItem('Nouveau dossier client…').click();
    const dialog = this.page.getByRole('dialog', { name: 'Nouveau dossier client' });
    await dialog.getByLabel('Nom du dossier').fill(name);
    await dialog.getByRole('button', { name: 'Créer et ouvrir' }).click();
    await this.expectCurrentWorkspace(name);
  }

  async switchTo(name: string): Promise<void> {
    await this.openSwitcher();
    await this.menuItem(name).click();
    await this.expectCurrentWorkspace(name);
  }

  async setPresentation(options: { readonly on: boolean; readonly maskNames: boolean }): Promise<void> {
    await this.presentation.click();
    const mode = this.page.getByRole('switch', { name: 'Mode présentation (grands caractères)' });
    const mask = this.page.getByRole('switch', { name: 'Masquer les noms des clients' });
    if ((await mode.isChecked()) !== options.on) await mode.click({ force: true });
    await expect(mode).toBeChecked({ checked: options.on });
    if (options.on && (await mask.isChecked()) !== options.maskNames) await mask.click({ force: true });
    await this.page.keyboard.press('Escape');
  }

  // The Diagnostic page.
  async openDiagnostic(app: AppShellPage): Promise<void> {
    await app.goTo("Diagnostic d'un prospect");
    await expect(app.heading()).toHaveText("Diagnostic d'un prospect");
  }

  async diagnose(file: string): Promise<void> {
    await this.page.getByLabel('Fichier FEC du prospect').setInputFiles(file);
    await expect(this.page.getByLabel('Nom du nouveau dossier client')).toBeVisible();
  }

  nameField(): Locator {
    return this.page.getByLabel('Nom du nouveau dossier client');
  }

  async importAndAnalyse(): Promise<void> {
    await this.page.getByRole('button', { name: 'Importer et analyser' }).click();
    await expect(this.page.getByRole('button', { name: 'Ouvrir ce dossier' })).toBeVisible({
      timeout: 60_000,
    });
  }

  figure(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async agingCents(bucket: string): Promise<number> {
    const row = this.page.getByTestId('diag-aging').locator(`tr[data-bucket="${bucket}"]`);
    return centsOf(await row.getByRole('cell').first().innerText());
  }

  async alertCount(code: string): Promise<number> {
    const row = this.page.getByTestId('diag-alerts').locator(`tr[data-code="${code}"]`);
    return numberOf(await row.getByRole('cell').first().innerText());
  }

  /** The main-buyers table: account key, balance, overdue, exposure per row, in screen order. */
  async topBuyers(): Promise<{ key: string; balance: number; overdue: number; exposure: number }[]> {
    const rows = this.page.getByTestId('diag-top').locator('tbody tr');
    const out = [];
    for (const row of await rows.all()) {
      const cells = row.getByRole('cell');
      out.push({
        key: await cells.nth(0).innerText(),
        balance: centsOf(await cells.nth(1).innerText()),
        overdue: centsOf(await cells.nth(2).innerText()),
        exposure: centsOf(await cells.nth(3).innerText()),
      });
    }
    return out;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
