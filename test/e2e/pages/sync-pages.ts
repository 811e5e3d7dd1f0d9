/**
 * Page models of team sync: the "Synchronisation d'équipe" card of Paramètres, the header's sync indicator
 * and the Conflits page.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppShellPage } from './app-shell';

export class SyncSettingsCard {
  readonly card: Locator;

  constructor(
    readonly page: Page,
    readonly app: AppShellPage,
  ) {
    this.card = page.getByRole('region', { name: "Synchronisation d'équipe" });
  }

  async open(): Promise<void> {
    await this.app.goTo('Paramètres');
    await expect(this.app.heading()).toHaveText('Paramètres');
    await expect(this.card).toBeVisible();
  }

  async connect(serverUrl: string, inviteCode: string, deviceName?: string): Promise<void> {
    await this.card.getByLabel('Adresse du serveur').fill(serverUrl);
    await this.card.getByLabel("Code d'invitation").fill(inviteCode);
    if (deviceName !== undefined) await this.card.getByLabel('Nom de ce poste').fill(deviceName);
    await this.card.getByRole('button', { name: 'Se connecter' }).click();
  }
}

export class SyncIndicator {
  readonly badge: Locator;

  constructor(readonly page: Page) {
    this.badge = page.getByTestId('sync-indicator');
  }

  async openDetails(): Promise<Locator> {
    await this.badge.click();
    const details = this.page.getByRole('dialog', { name: /^État de la synchronisation/ });
    await expect(details).toBeVisible();
    return details;
  }
}

export class ConflictsScreen {
  constructor(
    readonly page: Page,
    readonly app: AppShellPage,
  ) {}

  async open(): Promise<void> {
    await this.app.goTo('Conflits');
    await expect(this.app.heading()).toHaveText('Conflits');
  }

  card(commandInWords: string): Locator {
    return this.page.getByRole('article', { name: commandInWords });
  }

  section(heading: RegExp): Locator {
    return this.page
      .locator('section')
      .filter({ has: this.page.getByRole('heading', { level: 2, name: heading }) });
  }
}
