/**
 * Letters in Chromium, as a new user makes them: a real FEC imported (its invoices are long overdue on the
 * fixed date 25/11/2026), « Votre entreprise » filled in Paramètres, then from the Factures drawer a formal
 * notice (mise en demeure) for the most overdue invoice, saved as PDF; the PDF's text is read back and must
 * name the buyer, the invoice, the penalty computed here independently, and the 40,00 € indemnity.
 * Screenshots of the preview and of the card in French and English, axe on the preview.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { expectNoSeriousA11yViolations } from './pages/axe';
import { ImportScreen } from './pages/import-page';
import { InvoicesScreen } from './pages/invoices-page';
import { CompanyCardModel, LetterPreview, plainSpaces, printedPdf } from './pages/letters-page';

const FIXTURE = new URL('../../../shared/fixtures/fec/111111111FEC20221231.TXT', import.meta.url);
const SCREENSHOTS = 'test-results/screenshots';
const LETTER_DATE = '2026-11-25';

/**
 * ECB main refinancing rate in force on the first day of each half-year (ECB press releases): the rate table
 * of the app starts in 2024, so the user types these for the FEC's 2022–2023 invoices.
 */
const ECB_RATE_PERCENT: Record<string, number> = {
  '2022-H1': 0,
  '2022-H2': 0,
  '2023-H1': 2.5,
  '2023-H2': 4,
};

/** « 1 234,56 € » → 123456. */
function centsOf(text: string): number {
  return Number(text.replace(/[^\d]/g, ''));
}

/** « 31/03/2023 » → « 2023-03-31 ». */
function isoOf(french: string): string {
  const [day, month, year] = french.trim().split('/');
  return `${year ?? ''}-${month ?? ''}-${day ?? ''}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 123456 → « 1 234,56 € » with plain spaces. */
function euros(cents: number): string {
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${whole},${String(cents % 100).padStart(2, '0')} €`;
}

test.beforeEach(async ({ page }) => {
  // The print dialog would block headless Chromium: the document stays mounted for page.pdf() to render.
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
});

test('a formal notice for the most overdue invoice: buyer, invoice, penalty and 40 € in the PDF', async ({
  app,
  page,
}) => {
  test.setTimeout(150_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await app.open();
  const importer = new ImportScreen(page);
  await importer.open(app);
  await importer.choose(FIXTURE.pathname);
  await expect(importer.doneHeading()).toBeVisible();

  // « Votre entreprise »: the SIREN comes from the FEC file name (111111111), the rest is typed.
  await app.goTo('Paramètres');
  const company = new CompanyCardModel(page);
  await expect(company.field('SIREN')).toHaveValue('111111111');
  // The fixture's SIREN is a placeholder whose check digit is wrong: the card says so; a real one is typed.
  await company.field('Raison sociale').fill('Vergers du Lyonnais SAS');
  await company.card.getByRole('button', { name: "Enregistrer l'entreprise", exact: true }).click();
  await expect(company.card).toContainText('La clé du SIREN 111111111 est fausse');
  await company.field('SIREN').fill('732 829 320');
  await company.field('Adresse').fill('12 rue des Forges');
  await company.field('Code postal').fill('69007');
  await company.field('Ville').fill('Lyon');
  await company.field('Nom').fill('Claire Durand');
  await company.field('Fonction').fill('Directrice financière');
  await company.field('Numéro de police').fill('POL-2026-0042');
  await company.save();
  await company.screenshot(`${SCREENSHOTS}/letters-company-fr.png`);

  // The most overdue invoice with a number (the FEC has entries whose reference is « sans ») heads the
  // Factures worklist.
  const invoices = new InvoicesScreen(page);
  await invoices.open(app);
  const mostOverdue = invoices
    .dataRows()
    .filter({ hasText: /VE\s*\d{4}/ })
    .first();
  await mostOverdue.click();
  const detail = page.getByRole('dialog', { name: /^Facture / });
  await expect(detail).toBeVisible();
  const valueOf = async (term: string): Promise<string> =>
    plainSpaces(
      await detail.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]').innerText(),
    );
  const number = (await detail.getByRole('heading').first().innerText()).replace(/^Facture /, '').trim();
  const buyer = await valueOf('Client');
  const dueDate = isoOf(await valueOf('Échéance'));
  const openCents = centsOf(await valueOf('Reste dû'));
  expect(openCents).toBeGreaterThan(0);

  await detail.getByRole('button', { name: 'Mise en demeure' }).click();
  const preview = new LetterPreview(page, 'Mise en demeure de payer');
  await expect(preview.sheet).toContainText(buyer);
  await expect(preview.sheet).toContainText('Lettre recommandée avec accusé de réception');

  // The rate of the due date's half-year is not in the table: the PDF is refused until it is typed.
  const halfYear = `${dueDate.slice(0, 4)}-${Number(dueDate.slice(5, 7)) <= 6 ? 'H1' : 'H2'}`;
  const ecbPercent = ECB_RATE_PERCENT[halfYear];
  if (ecbPercent === undefined) throw new Error(`no ECB rate in the test for ${halfYear}`);
  await expect(preview.savePdfButton()).toBeDisabled();
  await expect(preview.dialog).toContainText('Indiquez le taux de la BCE');
  const halfYearLabel = `${halfYear.endsWith('H1') ? '1er' : '2e'} semestre ${halfYear.slice(0, 4)}`;
  await preview.ecbRate(halfYearLabel).fill(String(ecbPercent).replace('.', ','));

  // Penalty = open amount TTC × (ECB + 10 points) × days late ÷ 365, rounded to the cent (L441-10).
  const days = daysBetween(dueDate, LETTER_DATE);
  const rateBp = Math.round(ecbPercent * 100) + 1000;
  const penaltyCents = Math.round((openCents * rateBp * days) / (10_000 * 365));
  const totalCents = openCents + penaltyCents + 4_000;
  await expect(preview.sheet).toContainText(euros(penaltyCents).replace(/ /g, '\u202f'));

  await expectNoSeriousA11yViolations(page, 'aperçu de la mise en demeure');
  await page.screenshot({
    path: `${SCREENSHOTS}/letters-formal-notice-preview-fr.png`,
    animations: 'disabled',
  });

  await preview.savePdf();
  const { bytes, text } = await printedPdf(page);
  writeFileSync(`${SCREENSHOTS}/letters-formal-notice.pdf`, bytes);
  expect(text).toContain('mise en demeure de payer');
  expect(text).toContain(buyer);
  expect(text).toContain(number);
  expect(text).toContain(euros(penaltyCents));
  expect(text).toContain('40,00 €');
  expect(text).toContain(euros(totalCents));
  expect(text).toContain('Lettre recommandée avec accusé de réception');
  expect(text).toContain('L441-10');
  expect(text).toContain('Vergers du Lyonnais SAS');

  // A picture of the printed page itself (print media), to look at the letter as paper.
  // 680 px ≈ the width of an A4 page inside the print margins (210 − 2 × 16 mm at 96 dpi).
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 680, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SCREENSHOTS}/letters-formal-notice-print.png`, fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  if (viewport !== null) await page.setViewportSize(viewport);

  // The buyer page: « Lettre de relance » for all the buyer's overdue invoices.
  await preview.dialog.getByRole('button', { name: 'Fermer', exact: true }).click();
  await mostOverdue.click();
  await page
    .getByRole('dialog', { name: /^Facture / })
    .getByRole('link', { name: buyer })
    .click();
  await expect(app.heading()).toHaveText(buyer);
  await page.getByRole('tab', { name: /^Factures/ }).click();
  await page.getByRole('button', { name: 'Lettre de relance' }).click();
  const buyerReminder = new LetterPreview(page, 'Lettre de relance');
  await expect(buyerReminder.sheet).toContainText('Total restant dû');
  await expect(buyerReminder.sheet).toContainText(number);
  await expect(buyerReminder.savePdfButton()).toBeEnabled();
  await page.screenshot({ path: `${SCREENSHOTS}/letters-reminder-preview-fr.png`, animations: 'disabled' });
  await buyerReminder.dialog.getByRole('button', { name: 'Fermer', exact: true }).click();

  // English interface: the modal speaks English, the letter stays French (it goes to a French company).
  await app.goTo('Paramètres');
  await app.switchLanguage('EN');
  await expect(new CompanyCardModel(page).card).toBeVisible();
  await new CompanyCardModel(page).screenshot(`${SCREENSHOTS}/letters-company-en.png`);
  await app.goTo('Invoices');
  await mostOverdue.click();
  await page
    .getByRole('dialog', { name: /^Invoice / })
    .getByRole('button', { name: 'Reminder' })
    .click();
  const reminder = new LetterPreview(page, 'Reminder letter');
  await expect(reminder.sheet).toContainText('Objet : relance');
  await expect(reminder.sheet).toContainText(number);
  await expectNoSeriousA11yViolations(page, 'reminder preview');
  await page.screenshot({ path: `${SCREENSHOTS}/letters-reminder-preview-en.png`, animations: 'disabled' });
});
