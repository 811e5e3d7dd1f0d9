/**
 * Sinistres as a new user: a buyer and an invoice due 2026-03-31 of 30 000 € HT created through the forms, a
 * named limit of 25 000 € (quotité 90 %, the default policy: MEP 60 days, DMS 30 days, waiting period 150
 * days), a claim opened from the invoice; the DMS and the DIC (2026-07-20) filed; the dates of domain.md
 * example 3 read on screen; the « Récapitulatif DMS / DIC » saved as PDF and read back (buyer, invoice, DMS
 * date); an indemnity and a later recovery and the split of example 4; a step that is not allowed shown
 * disabled with its reason. Axe and screenshots in French and English.
 */
import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { saveScreenshot } from './pages/app-shell';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { ClaimsScreen } from './pages/claims-page';
import { printedPdf } from './pages/letters-page';
import { LimitsScreen } from './pages/limits-page';

const SCREENSHOTS = 'test-results/screenshots';
const BUYER = 'Dupont Matériaux SA';

test.beforeEach(async ({ page }) => {
  // The print dialog would block headless Chromium: the document stays mounted for page.pdf() to render.
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
});

test('a claim from an overdue invoice: example 3 dates, example 4 split, a refused step', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await app.open();

  // The buyer, through « Nouveau client ».
  await app.goTo('Clients');
  await page.getByRole('button', { name: 'Nouveau client' }).click();
  const buyerForm = page.getByRole('dialog', { name: 'Nouveau client' });
  await buyerForm.getByRole('textbox', { name: 'Raison sociale' }).fill(BUYER);
  await buyerForm.getByRole('button', { name: 'Créer le client' }).click();
  await expect(buyerForm).toBeHidden();

  // The invoice: issued 30/01/2026, due 31/03/2026, 30 000 € HT.
  await app.goTo('Factures');
  await page.getByRole('button', { name: 'Nouvelle facture' }).click();
  const form = page.getByRole('dialog', { name: 'Nouvelle facture' });
  await form.getByRole('combobox', { name: 'Client' }).fill(BUYER);
  await page.getByRole('option', { name: BUYER }).click();
  await form.getByRole('textbox', { name: 'N° de facture' }).fill('FA-2026-017');
  await form.getByRole('textbox', { name: "Date d'émission" }).fill('30/01/2026');
  await form.getByRole('textbox', { name: 'Échéance' }).fill('31/03/2026');
  await form.getByRole('textbox', { name: 'Montant HT' }).fill('30 000');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form).toBeHidden();

  // A named limit of 25 000 € in force since 01/01/2026.
  const limits = new LimitsScreen(page);
  await limits.open(app);
  await limits.recordDecision({ buyer: BUYER, granted: '25 000', effectiveDate: '01/01/2026' });

  const claims = new ClaimsScreen(page);
  await claims.open(app);
  await claims.create(BUYER, ['FA-2026-017'], '01/06/2026');
  await expect(app.heading()).toHaveText(`Sinistre — ${BUYER}`);

  // Example 3: stop shipments 30/05/2026, DMS deadline 29/06/2026.
  await expect(claims.deadline(/Arrêt des livraisons/)).toContainText('30/05/2026');
  await expect(claims.deadline(/Date limite de la DMS/)).toContainText('29/06/2026');

  // The DIC before the DMS: disabled, with its reason in words.
  await expect(claims.step('Déposer la DIC')).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByText("Déclarez d'abord la menace de sinistre (DMS).").first()).toBeVisible();

  await claims.record('Déclarer la DMS', '20/06/2026');
  await claims.record('Déposer la DIC', '20/07/2026');
  // Waiting period of 150 days from the DIC: indemnity due 17/12/2026.
  await expect(claims.deadline(/Fin du délai de carence/)).toContainText('17/12/2026');

  // The summary for the insurer, saved as PDF: the printed text names the buyer, the invoice, the DMS date.
  await claims.waitForNotificationsToClose();
  const summary = await claims.openSummary();
  await expect(summary.sheet).toContainText(BUYER);
  await expect(summary.sheet).toContainText('FA-2026-017');
  await saveScreenshot(page, `${SCREENSHOTS}/claims-summary-fr.png`);
  await expectNoSeriousA11yViolations(page, 'claim summary preview (fr)');
  await summary.dialog.getByRole('button', { name: 'Enregistrer en PDF' }).click();
  // printedPdf renders the print media (only the printed document shows), then restores the screen media.
  const { text } = await printedPdf(page);
  expect(text).toContain(BUYER);
  expect(text).toContain('FA-2026-017');
  expect(text).toContain('déposée le 20/06/2026');
  await summary.dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
  await expect(summary.dialog).toBeHidden();

  await claims.record('Début du délai de carence', '20/07/2026');
  // Example 4: debt 30 000, limit 25 000, quotité 90 % → 22 500 €.
  await expect(page.getByTestId('simulated-indemnity')).toHaveText(/22\s500,00\s€/);
  await claims.record('Indemnité reçue', '24/11/2026', '22 500');
  await claims.record('Récupération encaissée', '25/11/2026', '10 000');
  const recovery = page.getByTestId('recoveries').getByRole('row', { name: /25\/11\/2026/ });
  await expect(recovery).toContainText(/7\s500,00\s€/);
  await expect(recovery).toContainText(/2\s500,00\s€/);
  await expect(claims.step('Déclarer la DMS')).toHaveAttribute('aria-disabled', 'true');

  await saveScreenshot(page, `${SCREENSHOTS}/claims-claim-fr.png`);
  await expectNoSeriousA11yViolations(page, 'claim page (fr)');
  await claims.open(app);
  await saveScreenshot(page, `${SCREENSHOTS}/claims-board-fr.png`);
  await expectNoSeriousA11yViolations(page, 'claims board (fr)');

  await app.switchLanguage('EN');
  await expect(app.heading()).toHaveText('Claims');
  await saveScreenshot(page, `${SCREENSHOTS}/claims-board-en.png`);
  await page.getByRole('link', { name: BUYER }).first().click();
  await expect(app.heading()).toHaveText(`Claim — ${BUYER}`);
  await saveScreenshot(page, `${SCREENSHOTS}/claims-claim-en.png`);
  await expectNoSeriousA11yViolations(page, 'claim page (en)');
});
