import { expect, test } from './fixtures';
import { visitEveryScreen } from './pages/journey';

for (const lang of ['fr', 'en'] as const) {
  test(`every page is reachable in ${lang === 'fr' ? 'French' : 'English'} with no console error`, async ({
    app,
  }) => {
    // Eleven screens, each pictured and checked by axe: well beyond the 30 s default on a busy 2-core machine.
    test.setTimeout(120_000);
    await app.open();
    await visitEveryScreen(app, lang, 'test-results/screenshots');
  });
}

test('the language choice survives a reload', async ({ app, page }) => {
  await app.open();
  await app.switchLanguage('EN');
  await expect(app.heading()).toHaveText('Dashboard');
  await page.reload();
  await expect(app.heading()).toHaveText('Dashboard');
  await app.switchLanguage('FR');
  await expect(app.heading()).toHaveText('Tableau de bord');
});

test('an empty state leads to the import screen', async ({ app, page }) => {
  await app.open();
  await app.goTo('Clients');
  await page.getByRole('link', { name: 'Importer un fichier' }).click();
  await expect(app.heading()).toHaveText('Import');
  await expect(page).toHaveURL(/#\/import$/);
});

test('an unknown address shows a page-not-found screen with a way back', async ({ app, page }) => {
  await page.goto('./#/nulle-part');
  await expect(page.getByText('Page introuvable')).toBeVisible();
  await page.getByRole('link', { name: 'Revenir au tableau de bord' }).click();
  await expect(app.heading()).toHaveText('Tableau de bord');
});

test('settings are saved and shown formatted the French way', async ({ app, page }) => {
  await app.open();
  await app.goTo('Paramètres');
  // The « proche de la limite » threshold is a policy parameter: saved with the policy, kept over a reload.
  const threshold = page.getByLabel("Seuil d'alerte « proche de la limite »");
  await expect(threshold).toHaveValue('80 %');
  await threshold.fill('85');
  await page.getByRole('button', { name: 'Enregistrer la police', exact: true }).click();
  await expect(page.getByText('Paramètres de la police enregistrés')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Seuil d'alerte « proche de la limite »")).toHaveValue('85 %');
  await expect(page.getByTestId('format-money')).toHaveText('1 234 567,89 €');
});
