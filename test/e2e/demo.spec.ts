/**
 * First run: a fresh profile lands on the dashboard's welcome panel (import or demo), loads the demo with its
 * progress, gets the notification and a dashboard with data; the Clients page lists the demo's buyers.
 * Screenshots of the panel (fr, en) and of the policy card, and an axe check of the panel.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { saveScreenshot } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';

const DIR = 'test-results/screenshots';

test('a fresh profile is welcomed with the two ways in, in French and in English', async ({ app, page }) => {
  mkdirSync(DIR, { recursive: true });
  await app.open();
  const welcome = page.getByRole('heading', { level: 2, name: 'Bienvenue dans Encours' });
  await expect(welcome).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Importer votre FEC ou un CSV' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Essayer avec des données de démonstration' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'first-run panel (fr)');
  await saveScreenshot(page, `${DIR}/first-run-fr.png`);

  await app.switchLanguage('EN');
  await expect(page.getByRole('heading', { level: 2, name: 'Welcome to Encours' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'first-run panel (en)');
  await saveScreenshot(page, `${DIR}/first-run-en.png`);

  await page.getByRole('link', { name: 'Import a file' }).click();
  await expect(page).toHaveURL(/#\/import$/);
});

test('the demo button fills the workspace: notification, dashboard with data, buyers listed', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  await app.open();
  await page.getByRole('button', { name: 'Essayer avec des données de démonstration' }).click();
  await expect(
    page.getByText(/^Données de démonstration chargées : 150 clients, \d\s\d{3} factures$/),
  ).toBeVisible({
    timeout: 60_000,
  });
  // The welcome panel gives way to the dashboard once the workspace has buyers.
  await expect(page.getByRole('heading', { name: 'Bienvenue dans Encours' })).toHaveCount(0);
  await expect(app.heading()).toHaveText('Tableau de bord');

  await app.goTo('Clients');
  await expect(app.heading()).toHaveText('Clients');
  // 150 buyers: the list (virtualised or not) says so somewhere on the page.
  await expect(page.getByText(/150/).first()).toBeVisible();
});

test('the policy card shows the contract parameters with an insurer preset', async ({ app, page }) => {
  mkdirSync(DIR, { recursive: true });
  await app.open();
  await app.goTo('Paramètres');
  const card = page.getByRole('heading', { name: "Police d'assurance-crédit" });
  await expect(card).toBeVisible();
  await expect(page.getByLabel('Quotité garantie — clients dénommés')).toHaveValue('90 %');
  await expect(page.getByText(/Valeurs typiques, non contractuelles/)).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'settings with the policy card');
  await saveScreenshot(page, `${DIR}/settings-policy-fr.png`);
});
