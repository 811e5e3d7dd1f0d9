/** Page model of Paramètres, the Sauvegardes card: export a backup, restore one into a new workspace. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { AppShellPage } from './app-shell';

export class SettingsPage {
  readonly backups: Locator;
  readonly confirmDialog: Locator;
  readonly doneDialog: Locator;

  constructor(
    readonly page: Page,
    readonly app: AppShellPage,
  ) {
    this.backups = page.getByTestId('backups-card');
    this.confirmDialog = page.getByRole('dialog', { name: 'Restaurer cette sauvegarde ?' });
    this.doneDialog = page.getByRole('dialog', { name: 'Sauvegarde restaurée' });
  }

  async open(): Promise<void> {
    await this.app.open();
    await this.app.goTo('Paramètres');
    await expect(this.app.heading()).toHaveText('Paramètres');
    await expect(this.backups).toBeVisible();
  }

  /** Clicks "Exporter une sauvegarde" and returns the browser download it starts. */
  async exportBackup(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.backups.getByRole('button', { name: 'Exporter une sauvegarde' }).click();
    return download;
  }

  /** Clicks "Restaurer une sauvegarde…" and answers the file chooser with `path`. */
  async chooseBackupFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.backups.getByRole('button', { name: 'Restaurer une sauvegarde…' }).click();
    await (await chooser).setFiles(path);
  }

  /** The workspace databases in this browser profile (one per workspace). */
  async workspaceDatabases(): Promise<string[]> {
    return this.page.evaluate(async () =>
      (await indexedDB.databases())
        .map((info) => info.name ?? '')
        .filter((name) => name.startsWith('encours-ws-'))
        .sort(),
    );
  }
}
