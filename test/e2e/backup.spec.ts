import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { SettingsPage } from './pages/settings-page';
import { saveScreenshot } from './pages/app-shell';

test('a backup is exported as a file, and restoring it creates a new workspace', async ({
  app,
  page,
}, testInfo) => {
  const settings = new SettingsPage(page, app);
  await settings.open();
  // Browser mode: the automatic backups are a desktop feature, and the card says so.
  await expect(settings.backups.getByText(/uniquement dans l'application de bureau/)).toBeVisible();
  const before = await settings.workspaceDatabases();
  expect(before).toHaveLength(1);

  const download = await settings.exportBackup();
  // The fixed clock of the fixtures is 25/11/2026; the workspace created at first run is "Mon entreprise".
  expect(download.suggestedFilename()).toBe('encours-mon-entreprise-2026-11-25.encours-backup');
  const path = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const text = await readFile(path, 'utf8');
  expect(text.startsWith('{"format":"encours-backup",')).toBe(true);
  await expect(page.getByText(/Sauvegarde enregistrée : encours-mon-entreprise/)).toBeVisible();

  await settings.chooseBackupFile(path);
  await expect(settings.confirmDialog).toBeVisible();
  await expect(settings.confirmDialog).toContainText('Un NOUVEL espace de travail sera créé');
  await expect(settings.confirmDialog).toContainText('Mon entreprise');
  await expect(settings.confirmDialog.getByRole('button', { name: "Créer l'espace restauré" })).toBeVisible();
  await page.screenshot({
    path: 'test-results/screenshots/fr-settings-backups-confirm.png',
    animations: 'disabled',
  });
  // Nothing is created before the confirmation.
  expect(await settings.workspaceDatabases()).toEqual(before);

  await settings.confirmDialog.getByRole('button', { name: "Créer l'espace restauré" }).click();
  await expect(settings.doneDialog).toBeVisible();
  await expect(settings.doneDialog).toContainText('Mon entreprise (restauré du 25/11/2026');
  const after = await settings.workspaceDatabases();
  expect(after).toHaveLength(2);
  expect(after).toEqual(expect.arrayContaining(before));

  // Opening the copy restarts the app on it; the original stays in the registry.
  await settings.doneDialog.getByRole('button', { name: 'Ouvrir cet espace' }).click();
  await expect(app.heading()).toHaveText('Paramètres');
  const current = await page.evaluate(() => localStorage.getItem('encours.lastWorkspaceId'));
  const restoredDb = after.find((name) => !before.includes(name));
  expect(restoredDb).toBe(`encours-ws-${current ?? ''}`);
  await expect(settings.backups).toBeVisible();
  await saveScreenshot(page, 'test-results/screenshots/fr-settings-backups.png');
});

test('a truncated backup is refused with its message', async ({ app, page }, testInfo) => {
  const settings = new SettingsPage(page, app);
  await settings.open();
  const download = await settings.exportBackup();
  const path = testInfo.outputPath('cut.encours-backup');
  await download.saveAs(path);
  const bytes = await readFile(path);
  await writeFile(path, bytes.subarray(0, bytes.length - 40));

  await settings.chooseBackupFile(path);
  await expect(settings.backups.getByRole('alert')).toContainText(
    'Ce fichier de sauvegarde est incomplet (tronqué)',
  );
  await expect(settings.confirmDialog).toBeHidden();
  expect(await settings.workspaceDatabases()).toHaveLength(1);
});
